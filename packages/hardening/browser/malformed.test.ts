/**
 * 4. Malformed data into every element (fast-check, in the page): thousands of broken and
 * boundary replies, handed over unvalidated. No uncaught exception; every malformed reply ends in
 * a clear error state. The seed is fixed (HARDENING_SEED overrides it) so a failure reproduces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);
const RUNS = Number(process.env.HARDENING_RUNS ?? 150);
const SEED = process.env.HARDENING_SEED ? Number(process.env.HARDENING_SEED) : undefined;

describe('malformed data into the elements', () => {
  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}> turns every malformed reply into a clear error state`, async (t) => {
      const { page, close, pageErrors } = await suite.open();
      const result = await inPage(page, 'malformedIntoElement', name, { runs: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
      const { violations } = await sentinel(page);
      await close();
      addFigures('malformed (elements)', result.figures);
      t.diagnostic(`${JSON.stringify(result.figures)} ${result.notes.join(' ')}`);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(violations, []);
    });
  }
});
