/**
 * Browser tests stand on the test clock (scripts/test-clock.mjs, installed by
 * web-test-runner.config.mjs before any page script): this fails if that stops, so no element
 * test can depend on the machine's date again without being seen.
 */
import { expect } from '@open-wc/testing';

declare global {
  interface DateConstructor {
    pxmTestClock?: { instantMs: number; anchorMs: number };
  }
}

describe('the test clock', () => {
  it('is installed, and "now" runs from the test instant', () => {
    const clock = Date.pxmTestClock;
    expect(clock, 'the page has the test clock').to.not.equal(undefined);
    const elapsed = Date.now() - clock!.instantMs;
    expect(elapsed).to.be.within(0, 10 * 60_000);
    expect(new Date().getTime() - Date.now()).to.be.lessThan(1_000);
    expect(new Date(0).toISOString()).to.equal('1970-01-01T00:00:00.000Z');
  });
});
