/**
 * 11. Host pages that are not ours to fix, on both ways a practice ships the elements: the npm
 * package bundled by esbuild, and the script-tag build (`/cdn/pxm-elements.js`). A plugin that
 * adds an enumerable property to `Object.prototype` before the elements load, or after: every
 * element still loads and its main flow still writes to the backend (the memory adapter's
 * request checks used to refuse every call once the property was there).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { PACKAGE_DIR } from './support/build.js';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);
/** `bundle`: `@pxm/elements/define` bundled by esbuild into one file; `cdn`: the script-tag build. */
const BUILDS = ['bundle', 'cdn'] as const;

before(async () => {
  const script = (await import(pathToFileURL(join(PACKAGE_DIR, '../../scripts/build-cdn.mjs')).href)) as { buildCdn(): Promise<unknown> };
  await script.buildCdn();
});

/** Opens the page, runs every element's flow, and returns what went wrong. */
async function flows(query: string, pollute: 'before' | 'after') {
  const { page, close, pageErrors } = await suite.open({ query });
  if (pollute === 'after') await page.evaluate(() => Object.defineProperty(Object.prototype, 'polluted', { value: 'yes', enumerable: true, writable: true, configurable: true }));
  const failures: string[] = [];
  for (const name of PROFILE_NAMES) {
    const result = await inPage(page, 'completeFlow', name);
    failures.push(...result.failures);
  }
  const record = await sentinel(page);
  const stillPolluted = await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'] === 'yes');
  await close();
  return { failures, pageErrors: [...pageErrors, ...record.errors], errorEvents: record.events.filter((e) => e.type === 'pxm-error').map((e) => e.detail), stillPolluted };
}

describe('host page', () => {
  for (const build of BUILDS) {
    // Before load, the esbuild bundle still fails inside esbuild's own export helper, which runs
    // zod's namespace setup ahead of any module of ours: not yet covered (docs/security.md).
    for (const pollute of build === 'cdn' ? (['before', 'after'] as const) : (['after'] as const)) {
      it(`${build} build: an enumerable Object.prototype property set ${pollute} load breaks no element and no write`, async () => {
        const outcome = await flows(`build=${build}${pollute === 'before' ? '&setup=pollute' : ''}`, pollute);
        assert.deepEqual(outcome.pageErrors, [], 'no uncaught error');
        assert.deepEqual(outcome.failures, [], 'every flow completes and the backend holds what the patient did');
        assert.deepEqual(outcome.errorEvents, [], 'no pxm-error');
        assert.equal(outcome.stillPolluted, true, 'the page’s own property still works');
        addFigures('host page', { 'flows run on a polluted page': PROFILE_NAMES.length });
      });
    }
  }
});
