/**
 * The test clock: every test process reads "now" from here, never from the machine.
 *
 * `PXM_TEST_NOW` (an ISO-8601 instant) is the moment a test file starts at; time then runs at
 * its real rate from there, so timeouts and countdowns still work. Without it the suites stand
 * on DEFAULT_TEST_NOW, so `pnpm test` gives the same answers on every day. The machine's zone is
 * an input too: `TZ` is honoured by Node and handed to Chromium (`timezoneId`).
 *
 * The clock is installed by replacing the global `Date` with one that is shifted by a constant:
 * in Node through `--import scripts/test-clock-install.mjs` (every Node test process and the
 * processes they start), in Chromium through an init script run before any page script
 * (`clockInitScript`). Each test file gets its own start; processes a test file starts share
 * the file's clock through `PXM_TEST_NOW_ANCHOR`, so two server processes agree to the
 * millisecond (hold expiry is one clock for the whole system).
 */

/** Wednesday 13 January 2027, 10:00 in Denver: an ordinary weekday, away from any DST change. */
export const DEFAULT_TEST_NOW = '2027-01-13T17:00:00Z';

/** The instant tests start at, in epoch milliseconds. */
export function testInstant(env = process.env) {
  const text = env.PXM_TEST_NOW || DEFAULT_TEST_NOW;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || !/(?:Z|[+-]\d\d:\d\d)$/.test(text)) {
    throw new Error(`PXM_TEST_NOW must be an ISO-8601 instant with an offset (got ${JSON.stringify(text)})`);
  }
  return ms;
}

/** The zone tests run in: `TZ` when set, else the machine's. Chromium is given the same one. */
export function testZone(env = process.env) {
  return env.TZ || undefined;
}

/**
 * Replaces `globalThis.Date` with a Date whose "now" is `instantMs` at real time `anchorMs`
 * (both epoch ms) and then runs at the real rate. Self-contained: it is also sent to Chromium
 * as source text. Dates made by the old constructor still pass `instanceof Date`.
 */
export function installShiftedDate(instantMs, anchorMs) {
  const RealDate = globalThis.Date;
  if (RealDate.pxmTestClock) return;
  const offset = instantMs - anchorMs;
  class TestDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
    static [Symbol.hasInstance](value) {
      return value instanceof RealDate;
    }
  }
  Object.defineProperty(TestDate, 'pxmTestClock', { value: { instantMs, anchorMs } });
  // `Date()` called without `new` returns the current time as text, as the real one does.
  const ShiftedDate = new Proxy(TestDate, { apply: () => new TestDate().toString() });
  globalThis.Date = ShiftedDate;
}

/** Source of a script that installs the test clock in a page, started when the page loads. */
export function clockInitScript(instantMs = testInstant()) {
  return `(${installShiftedDate.toString()})(${instantMs}, Date.now());`;
}
