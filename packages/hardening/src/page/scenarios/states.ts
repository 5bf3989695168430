/**
 * Brings an element to a named state of its flow and leaves it there (for screenshots, axe and
 * keyboard checks driven from outside).
 */
import { profile } from '../profiles/index.js';
import { SECRETS, type Mounted } from '../profiles/profile.js';
import { settle } from '../dom.js';

class Reached extends Error {}

const mounted = new Map<string, Mounted>();

/**
 * Parts that change with the clock or per run (a hold's countdown, "Saved at 7:15 PM", a
 * submission's or a referral's reference): hidden for screenshots, through CSSOM, keeping their room.
 */
const TICKING = ['[part~="hold-timer"]', '[part~="save-status"]', '[part~="done"] .reference', '[part~="confirmation"] [part~="reference"]'];

export async function showState(name: string, state: string, options: { attributes?: Record<string, string>; hideTicking?: boolean } = {}): Promise<string[]> {
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const m = await p.mount(stage, { attributes: options.attributes ?? {} });
  mounted.set(name, m);
  const seen: string[] = [];
  if (state !== 'ready') {
    try {
      await p.complete(m, {
        secrets: SECRETS,
        onState: (at) => {
          seen.push(at);
          if (at === state) throw new Reached();
        },
      });
      throw new Error(`${name} never reached state "${state}" (went through ${seen.join(', ')})`);
    } catch (error) {
      if (!(error instanceof Reached)) throw error;
    }
  }
  (document.activeElement as HTMLElement | null)?.blur();
  for (let el: Element | null | undefined = m.element.shadowRoot?.activeElement; el; el = el.shadowRoot?.activeElement) (el as HTMLElement).blur();
  if (options.hideTicking) for (const selector of TICKING) m.element.shadowRoot?.querySelectorAll<HTMLElement>(selector).forEach((node) => node.style.setProperty('visibility', 'hidden'));
  await settle(m.element, 3);
  return seen;
}

/** The states a profile's flow passes through, in order (one full run). */
export async function flowStates(name: string): Promise<string[]> {
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const m = await p.mount(stage);
  const seen: string[] = [];
  await p.complete(m, { onState: (at) => void seen.push(at) });
  m.element.remove();
  return seen;
}
