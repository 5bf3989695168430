/**
 * Elements the script-tag build defines when a page first uses them, so `pxm-elements.js` stays
 * the size of the four elements most pages use. The page writes the tag as usual; the element's
 * code loads once the tag is in the document (or in a shadow root passed to `defineElementsIn`).
 * Lit keeps properties set on an element before its code arrives.
 */
const ON_DEMAND: Readonly<Record<string, () => Promise<unknown>>> = {
  'pxm-progress': () => import('../define/pxm-progress.js'),
  'pxm-referral': () => import('../define/pxm-referral.js'),
};

const requested = new Set<string>();
let observer: MutationObserver | undefined;

function waitingTags(): string[] {
  return Object.keys(ON_DEMAND).filter((tag) => !requested.has(tag) && !customElements.get(tag));
}

function load(tag: string): void {
  requested.add(tag);
  ON_DEMAND[tag]!().then(
    () => {
      if (Object.keys(ON_DEMAND).every((name) => customElements.get(name))) observer?.disconnect();
    },
    (error: unknown) => {
      // The next use of the tag tries again (a flaky network); the developer sees why.
      requested.delete(tag);
      console.error(`[pxm] <${tag}> could not be loaded.`, error);
    },
  );
}

/** Loads the on-demand elements used in `root` (a document, a shadow root, or an element). */
export function defineElementsIn(root: ParentNode): void {
  for (const tag of waitingTags()) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) load(tag);
  }
}

/** Watches the document for the on-demand elements' tags; stops once all of them are loaded. */
export function defineElementsOnDemand(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  defineElementsIn(document);
  if (waitingTags().length === 0) return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) defineElementsIn(node);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
