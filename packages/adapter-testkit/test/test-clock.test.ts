/**
 * The suites stand on the test clock (scripts/test-clock.mjs), not the machine's: this file
 * fails if a runner stops installing it, so a date dependency cannot creep back in unseen.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { it } from 'node:test';

const DEFAULT_TEST_NOW = '2027-01-13T17:00:00Z';
const instant = Date.parse(process.env.PXM_TEST_NOW || DEFAULT_TEST_NOW);

it('"now" is the test instant (PXM_TEST_NOW, else the default), running from the start of this file', () => {
  const elapsed = Date.now() - instant;
  assert.ok(elapsed >= 0 && elapsed < 10 * 60_000, `now is ${new Date().toISOString()}, the test instant ${new Date(instant).toISOString()}`);
  assert.ok(new Date() instanceof Date);
  assert.ok(Math.abs(new Date().getTime() - Date.now()) < 1_000);
});

it('a process the test starts reads the same clock, to the millisecond of its start', () => {
  const before = Date.now();
  const child = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], { encoding: 'utf8' }));
  const after = Date.now();
  assert.ok(child >= before && child <= after, `child read ${child}, outside [${before}, ${after}]`);
});
