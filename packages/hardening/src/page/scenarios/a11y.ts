/**
 * 8. Accessibility checks in the page: axe at every state of a flow, motion under
 * `prefers-reduced-motion: reduce`, and reflow (no sideways scrolling, targets of at least
 * 24 px) at whatever zoom the Node side set.
 */
import { profile } from '../profiles/index.js';
import type { Mounted } from '../profiles/profile.js';
import { deepElements, settle, until } from '../dom.js';
import { attempt, count, newResult, type ScenarioResult } from '../result.js';

interface AxeResult {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}
interface Axe {
  run(context: Element, options: Record<string, unknown>): Promise<AxeResult>;
}

async function axe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  if (!global.axe) await import('axe-core');
  return global.axe!;
}

/** Motion that still runs with reduced motion asked for: animations and transitions over 10 ms. */
function motion(element: HTMLElement): string[] {
  const moving: string[] = [];
  const seconds = (value: string) => Math.max(...value.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))));
  for (const node of deepElements(element.shadowRoot ?? element)) {
    for (const pseudo of [null, '::before', '::after'] as const) {
      const style = getComputedStyle(node, pseudo);
      if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01) moving.push(`<${node.localName}${pseudo ?? ''} class="${node.getAttribute('class') ?? ''}"> animates for ${style.animationDuration}`);
      if (style.transitionProperty !== 'none' && seconds(style.transitionDuration) > 0.01) moving.push(`<${node.localName}${pseudo ?? ''} class="${node.getAttribute('class') ?? ''}"> transitions for ${style.transitionDuration}`);
      if (style.scrollBehavior === 'smooth') moving.push(`<${node.localName}> scrolls smoothly`);
    }
  }
  return moving;
}

/** Sideways scrolling and controls smaller than 24 by 24 CSS px (WCAG 2.2 target size, minimum). */
function reflow(element: HTMLElement): string[] {
  const problems: string[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${window.innerWidth})`);
  const box = element.getBoundingClientRect();
  if (box.right > window.innerWidth + 1 || box.left < -1) problems.push(`the element overflows the window (${Math.round(box.left)}..${Math.round(box.right)} of ${window.innerWidth})`);
  for (const node of deepElements(element.shadowRoot ?? element)) {
    if (!(node instanceof HTMLElement) || node.getClientRects().length === 0) continue;
    if (node.matches('button, a[href], input:not([type="hidden"]), select, textarea, [role="radio"], [role="gridcell"], [role="tab"]')) {
      const box = node.getBoundingClientRect();
      const label = node.closest('label');
      const target = label ? label.getBoundingClientRect() : box;
      const inline = node.matches('a[href]') && getComputedStyle(node).display === 'inline';
      if (!inline && (target.width < 24 || target.height < 24) && !node.closest('.visually-hidden')) problems.push(`<${node.localName} ${node.id ? `#${node.id}` : ''}> is ${Math.round(target.width)}×${Math.round(target.height)} px`);
    }
  }
  return problems;
}

export async function accessibleStates(name: string, options: { motion?: boolean; reflow?: boolean } = {}): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const a = await axe();
  if (options.motion) {
    // The only motion the elements have is the loading spinner: hold a load open to see it (an
    // element that loads nothing, like the referral form, shows it while its first later call runs).
    await attempt(result, `${name} while loading`, async () => {
      const probe = await p.mount(stage);
      const [first] = await p.loadReplies(probe.store, probe.token);
      probe.element.remove();
      const hang = (operation: string) => (faults: Mounted['faults']) => faults.always(operation, { hang: true });
      const later = first ? undefined : (await p.laterReplies?.(stage))?.[0];
      if (!first && !later) throw new Error('no call to hold open');
      const loading = first ? await p.mount(stage, { wait: false, prepare: hang(first.operation) }) : await later!.mount(stage, hang(later!.operation));
      if (later) await later.trigger(loading);
      await until(() => loading.element.shadowRoot?.querySelector('.spinner'), 'the loading spinner');
      count(result, 'loading spinners checked');
      for (const moving of motion(loading.element)) result.failures.push(`loading: ${moving}`);
      loading.element.remove();
    });
  }
  await attempt(result, `${name} accessibility`, async () => {
    const m = await p.mount(stage);
    const check = async (state: string) => {
      await settle(m.element, 3);
      const { violations } = await a.run(m.element, { resultTypes: ['violations'] });
      count(result, 'states checked with axe');
      count(result, 'axe violations', violations.length);
      for (const v of violations) result.failures.push(`${state}: axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 200)}`);
      if (options.motion) for (const moving of motion(m.element)) result.failures.push(`${state}: ${moving}`);
      if (options.reflow) for (const problem of reflow(m.element)) result.failures.push(`${state}: ${problem}`);
    };
    await check('first state');
    await p.complete(m, { onState: check });
    await check('last state');
    m.element.remove();
  });
  return result;
}

/** What has focus, through shadow roots: enough for the Node side to steer by keyboard. */
export function focused(): { tag: string; id: string; part: string; role: string; type: string; name: string; value: string; checked: boolean; inside: string; item: string; side: string; disabled: boolean } {
  let active: Element | null = document.activeElement;
  let host = '';
  while (active?.shadowRoot?.activeElement) {
    host = active.localName;
    active = active.shadowRoot.activeElement;
  }
  const el = active as HTMLInputElement | null;
  const text = (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    tag: el?.localName ?? '',
    id: el?.id ?? '',
    part: el?.getAttribute('part') ?? '',
    role: el?.getAttribute('role') ?? '',
    type: el?.type ?? '',
    name: text.slice(0, 120),
    value: typeof el?.value === 'string' ? el.value : '',
    checked: Boolean(el?.checked),
    inside: host,
    // Where in a form it sits (intake items and card sides are marked by id, not by backend text).
    item: el?.closest('[data-item]')?.getAttribute('data-item') ?? '',
    side: el?.closest('[data-side]')?.getAttribute('data-side') ?? '',
    disabled: Boolean(el?.disabled),
  };
}
