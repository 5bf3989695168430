/** Moving keyboard focus inside an exercise's card (after a log, an undo, a rating). */

function cardOf(root: ParentNode, exerciseId: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('li.card')].find((card) => card.dataset['exercise'] === exerciseId);
}

/** The card of an exercise has a match for `selector`. */
export function cardHas(root: ParentNode, exerciseId: string, selector: string): boolean {
  return cardOf(root, exerciseId)?.querySelector(selector) != null;
}

/** Focuses the first match inside an exercise's card; false when there is none. */
export function focusInCard(root: ParentNode, exerciseId: string, selector: string): boolean {
  const target = cardOf(root, exerciseId)?.querySelector<HTMLElement>(selector);
  if (!target) return false;
  if (target.tagName === 'H3') target.tabIndex = -1;
  target.focus();
  return true;
}
