/**
 * 5. Injection: the corpus in every text the backend supplies (rotated so that, over the rounds,
 * every string lands in every field), and the whole flow completed. At every state: nothing ran
 * (`__pxmPwned` never called), no element or attribute came from the text (`data-pxm-injected`,
 * `on*` handlers, script/iframe/object/embed/base/meta/link/style elements, javascript: URLs),
 * and the strings are on screen as text.
 */
import { profile } from '../profiles/index.js';
import { deepElements, settle } from '../dom.js';
import { attempt, count, newResult, type ScenarioResult } from '../result.js';
import { INJECTION_CORPUS, injectionRewrite } from '../../corpus/injection.js';

declare global {
  interface Window {
    __pxmPwned?: (id: number) => void;
  }
}

const executed: number[] = [];

/** Installs the function every corpus string calls if it runs (only on pages that test injection). */
export function armDetector(): void {
  window.__pxmPwned ??= (id) => void executed.push(id);
}

export const pwnedCount = () => executed.length;

const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'frame', 'frameset', 'portal', 'template']);

function inspect(element: HTMLElement, state: string): string[] {
  const problems: string[] = [];
  for (const node of deepElements(element.shadowRoot ?? element)) {
    if (node.hasAttribute('data-pxm-injected')) problems.push(`${state}: an injected <${node.localName}>`);
    if (FORBIDDEN_TAGS.has(node.localName)) problems.push(`${state}: a <${node.localName}> inside the element`);
    for (const attribute of node.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`${state}: <${node.localName} ${attribute.name}> handler attribute`);
      if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) problems.push(`${state}: ${attribute.name}="${attribute.value.slice(0, 60)}"`);
    }
  }
  return problems;
}

/** Text as a screen shows it: every text node in the shadow tree, joined. */
function shownText(element: HTMLElement): string {
  const parts: string[] = [];
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      else if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
    }
  };
  walk(element.shadowRoot ?? element);
  return parts.join('\n');
}

export async function injectionRounds(name: string, options: { rounds?: number; from?: number } = {}): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const rounds = options.rounds ?? INJECTION_CORPUS.length;
  armDetector();
  const seenAsText = new Set<string>();
  const fields = new Set<string>();
  for (let round = options.from ?? 0; round < (options.from ?? 0) + rounds; round++) {
    const placed: Array<{ path: string; text: string }> = [];
    await attempt(result, `${name} round ${round}`, async () => {
      const mounted = await p.mount(stage, { text: injectionRewrite(round, placed) });
      const check = async (state: string) => {
        await settle(mounted.element);
        result.failures.push(...inspect(mounted.element, state));
        const text = shownText(mounted.element);
        for (const { text: injected } of placed) if (text.includes(injected)) seenAsText.add(injected);
        count(result, 'states inspected');
      };
      await check('first state');
      await p.complete(mounted, { onState: check });
      await check('last state');
      mounted.element.remove();
    });
    for (const { path } of placed) fields.add(path.replace(/\[\d+\]/g, '[]'));
    count(result, 'strings placed', placed.length);
    count(result, 'rounds');
  }
  if (executed.length > 0) result.failures.push(`injected script ran: ${[...new Set(executed)].join(', ')}`);
  count(result, 'distinct backend text fields', fields.size);
  count(result, 'corpus strings seen rendered as text', seenAsText.size);
  count(result, 'scripts executed', executed.length);
  return result;
}
