/**
 * 3. Fault injection, element by element: scripted latency, 5xx, timeouts, lost replies and
 * offline periods end with exactly one booking / one survey response / every HEP log once / the
 * latest draft, and nothing the patient typed is lost along the way.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

describe('fault injection', () => {
  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}> survives its scripted faults with the backend right and nothing typed lost`, async () => {
      const { page, close, pageErrors } = await suite.open();
      const result = await inPage(page, 'faultScenario', name);
      const { violations, errors } = await sentinel(page);
      await close();
      addFigures('faults', result.figures);
      assert.deepEqual(result.failures, []);
      assert.ok((result.figures['faults injected'] ?? 0) >= 5, `faults were injected (${result.figures['faults injected']})`);
      assert.deepEqual([...errors, ...pageErrors], [], 'no uncaught error');
      assert.deepEqual(violations, []);
    });
  }
});
