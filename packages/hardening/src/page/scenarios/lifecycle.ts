/**
 * 7. Lifecycle in the page: two instances side by side (on separate backends) completing their
 * flows at the same time; an element moved mid-flow (removed and put back at once, as frameworks
 * do) carrying on; and an element taken out mid-flow for a while and put back, still usable, with
 * no listener counted twice and none left once it is finally removed.
 */
import { profile } from '../profiles/index.js';
import { SECRETS } from '../profiles/profile.js';
import { settle, sleep, squash } from '../dom.js';
import { attempt, count, newResult, type ScenarioResult } from '../result.js';

const listeners = () => window.pxmSentinel.liveListeners().length;

/** The middle of each flow, where moving the element hurts most. */
const MIDDLE: Record<string, string> = { booking: 'details-filled', survey: 'answered', 'hep-viewer': 'rating', 'intake-form': 'card-uploading', progress: 'rating', referral: 'uploading' };

export async function twoInstances(name: string): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  await attempt(result, `${name} twice`, async () => {
    const a = await p.mount(stage);
    const b = await p.mount(stage, { variant: 1 });
    const other = { ...SECRETS, first: 'Ysolde', last: 'Brannigan', email: 'ysolde.b@example.org', free: 'Other patient words' };
    await Promise.all([p.complete(a, { secrets: SECRETS }), p.complete(b, { secrets: other })]);
    for (const [label, m] of [['first', a], ['second', b]] as const) {
      for (const problem of await p.checkOutcome(m)) result.failures.push(`${label} instance: ${problem}`);
    }
    // Nothing one patient typed shows in the other's element.
    const textA = squash(a.element.shadowRoot?.textContent);
    const textB = squash(b.element.shadowRoot?.textContent);
    if (textA.includes(other.first) || textB.includes(SECRETS.first)) result.failures.push('one instance shows what was typed in the other');
    a.element.remove();
    b.element.remove();
    count(result, 'pairs completed side by side');
  });
  return result;
}

export async function moveMidFlow(name: string): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const before = listeners();
  await attempt(result, `${name} moved mid-flow`, async () => {
    const m = await p.mount(stage);
    const elsewhere = document.createElement('section');
    stage.append(elsewhere);
    await p.complete(m, {
      onState: async (state) => {
        if (state !== MIDDLE[name]) return;
        // A framework re-rendering a list moves the node: out and back in, in one task.
        m.element.remove();
        elsewhere.append(m.element);
        await settle(m.element);
        count(result, 'moves mid-flow');
      },
    });
    if (!result.figures['moves mid-flow']) throw new Error(`never reached ${MIDDLE[name]}`);
    result.failures.push(...(await p.checkOutcome(m)));
    m.element.remove();
    elsewhere.remove();
    await sleep(30);
    if (listeners() !== before) result.failures.push(`listeners left after removal: ${listeners() - before}`);
  });
  return result;
}

export async function detachMidFlow(name: string): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const before = listeners();
  await attempt(result, `${name} taken out mid-flow`, async () => {
    const m = await p.mount(stage);
    let reattached = false;
    class Stop extends Error {}
    try {
      await p.complete(m, {
        onState: async (state) => {
          if (state !== MIDDLE[name]) return;
          m.element.remove();
          await sleep(60);
          if (listeners() !== before) result.failures.push(`listeners left while removed: ${listeners() - before}`);
          stage.append(m.element);
          await settle(m.element);
          reattached = true;
          throw new Stop();
        },
      });
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    if (!reattached) throw new Error(`never reached ${MIDDLE[name]}`);
    await p.ready(m.element);
    const text = squash(m.element.shadowRoot?.textContent);
    if (!text) result.failures.push('nothing shown after putting it back');
    // Once more, settled: the same listeners come back, none twice. (Counting against the moment of
    // the first removal would race parts whose code, and listeners, were still on their way.)
    const connected = listeners();
    m.element.remove();
    await sleep(30);
    if (listeners() !== before) result.failures.push(`listeners left after removal: ${listeners() - before}`);
    stage.append(m.element);
    await p.ready(m.element);
    if (listeners() !== connected) result.failures.push(`listeners after putting it back again: ${listeners() - before}, expected ${connected - before}`);
    count(result, 'detach and re-add mid-flow');
    m.element.remove();
    await sleep(30);
    if (listeners() !== before) result.failures.push(`listeners left after removal: ${listeners() - before}`);
  });
  return result;
}
