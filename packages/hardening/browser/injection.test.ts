/**
 * 5. Injection: the corpus (60 strings) in every backend-supplied text of every element, with the
 * whole flow completed. On a page without CSP (so nothing is hidden by the policy) nothing runs,
 * nothing is injected, and no request leaves for the attacker's host; on the strict page the same
 * content raises no violation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);
const ROUNDS = process.env.HARDENING_INJECTION_ROUNDS ? Number(process.env.HARDENING_INJECTION_ROUNDS) : undefined;

describe('injection', () => {
  it('the corpus has at least 50 strings, and the detector sees a script that runs', async () => {
    const { page, close } = await suite.open({ lax: true });
    const size = await inPage(page, 'corpusSize');
    await inPage(page, 'armDetector');
    const ran = await page.evaluate(() => {
      const probe = document.createElement('div');
      // The page has no policy: this is what an element that used innerHTML would do.
      document.body.append(probe);
      probe.innerHTML = '<img src=x onerror="__pxmPwned(999)">';
      return new Promise<boolean>((resolve) => setTimeout(() => { probe.remove(); resolve(true); }, 100));
    });
    const pwned = await inPage(page, 'pwnedCount');
    await close();
    assert.ok(size >= 50, `${size} strings`);
    assert.equal(ran, true);
    assert.equal(pwned, 1, 'the detector counts a script that ran');
  });

  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}>: nothing runs, nothing is injected, nothing is requested`, async () => {
      const { page, close, requests, pageErrors } = await suite.open({ lax: true });
      const result = await inPage(page, 'injectionRounds', name, ROUNDS === undefined ? {} : { rounds: ROUNDS });
      await close();
      addFigures('injection', result.figures);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(requests.filter((url) => url.includes('evil.test')), [], 'no request to the attacker’s host');
      assert.ok((result.figures['corpus strings seen rendered as text'] ?? 0) >= 50, 'the strings were on screen, as text');
    });

    it(`<pxm-${name}> with the corpus raises no violation under the strict policy`, async () => {
      const { page, close } = await suite.open();
      const result = await inPage(page, 'injectionRounds', name, { rounds: 3, from: 7 });
      const { violations } = await sentinel(page);
      await close();
      addFigures('injection', { 'rounds under strict CSP': 3, 'violations found': violations.length });
      assert.deepEqual(result.failures, []);
      assert.deepEqual(violations, []);
    });
  }
});
