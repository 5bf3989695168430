/**
 * One complete flow of an element on a fresh backend: the base of the CSP, privacy and leak
 * checks (the Node side reads the sentinel afterwards), and a proof in itself that the backend
 * ends with exactly one of what the patient did.
 */
import { profile } from '../profiles/index.js';
import { SECRETS } from '../profiles/profile.js';
import { settle } from '../dom.js';
import { attempt, count, newResult, type ScenarioResult } from '../result.js';

export async function completeFlow(name: string, options: { keep?: boolean; answers?: 'usual' | 'alternate' } = {}): Promise<ScenarioResult> {
  const result = newResult();
  const stage = document.getElementById('stage')!;
  const p = profile(name);
  await attempt(result, `${name} flow`, async () => {
    const mounted = await p.mount(stage);
    await p.complete(mounted, { secrets: SECRETS, answers: options.answers ?? 'usual' });
    result.failures.push(...(await p.checkOutcome(mounted)));
    count(result, 'flows completed');
    if (!options.keep) {
      mounted.element.remove();
      await settle(stage);
    }
  });
  return result;
}
