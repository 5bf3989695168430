/**
 * 7. Lifecycle in the browser: two instances of each element on one page complete their flows at
 * the same time without touching each other; an element moved mid-flow carries on to exactly one
 * outcome; one taken out mid-flow and put back is still usable, and leaves no listener behind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

describe('lifecycle', () => {
  for (const name of PROFILE_NAMES) {
    for (const scenario of ['twoInstances', 'moveMidFlow', 'detachMidFlow'] as const) {
      it(`<pxm-${name}>: ${scenario === 'twoInstances' ? 'two instances work independently' : scenario === 'moveMidFlow' ? 'moved mid-flow, it carries on' : 'taken out mid-flow and put back, it neither leaks nor breaks'}`, async () => {
        const { page, close, pageErrors } = await suite.open();
        const result = await inPage(page, scenario, name);
        const { errors } = await sentinel(page);
        await close();
        addFigures('lifecycle', { ...result.figures, 'scenarios run': 1 });
        assert.deepEqual(result.failures, []);
        assert.deepEqual([...errors, ...pageErrors], []);
      });
    }
  }
});
