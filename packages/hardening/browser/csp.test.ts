/**
 * 1. Strict CSP and Trusted Types: every element used end to end on a page served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`
 * raises no `securitypolicyviolation`. Canaries first prove the page really enforces the policy.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

describe('strict CSP and Trusted Types', () => {
  it('the page enforces the policy (an inline style and an HTML string sink are refused)', async () => {
    const { page, close } = await suite.open();
    const refused = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
      let trustedTypesRefused = false;
      try {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.append(script);
        probe.innerHTML = '<b>x</b>';
      } catch {
        trustedTypesRefused = true;
      }
      probe.remove();
      return { trustedTypesRefused, ran: 'window.__ran' in window ? true : Boolean((window as unknown as { __ran?: boolean }).__ran) };
    });
    await page.waitForTimeout(50);
    const { violations } = await sentinel(page);
    await close();
    assert.equal(refused.trustedTypesRefused, true, 'Trusted Types refuses a string sink');
    assert.equal(refused.ran, false, 'an injected inline script did not run');
    assert.ok(violations.some((v) => v.directive.startsWith('style-src')), `an inline style is reported: ${JSON.stringify(violations)}`);
    addFigures('csp', { 'canary violations detected': violations.length });
  });

  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}> end to end raises no violation`, async () => {
      const { page, close, pageErrors } = await suite.open();
      const result = await inPage(page, 'completeFlow', name);
      const { violations, errors } = await sentinel(page);
      await close();
      addFigures('csp', { 'flows under strict CSP': 1, 'violations found': violations.length });
      assert.deepEqual(result.failures, []);
      assert.deepEqual(violations, [], 'no securitypolicyviolation');
      assert.deepEqual([...errors, ...pageErrors], [], 'no uncaught error');
    });
  }
});
