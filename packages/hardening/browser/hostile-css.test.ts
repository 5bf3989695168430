/**
 * 2b. A hostile host stylesheet (a reset that unsets everything, the hosts included; huge
 * inherited type and line height; uppercase, letter and word spacing, centring, `white-space:
 * pre`; `direction: rtl` on a parent) leaves every element laid out as designed: each state is
 * screenshotted on a clean page and on the hostile one, in the same direction, and compared
 * pixel by pixel. The elements must also stay usable there: the whole flow completes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_DIR } from './support/build.js';
import { addFigures } from './support/figures.js';
import { compareImages, decodePng } from './support/png.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES, type ProfileName } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

/**
 * The stated tolerance: sizes within 2 px, the best alignment within 2 px, and at most 0.2% of
 * pixels differing by more than 24/255 in a channel (anti-aliasing of the same glyphs).
 */
export const TOLERANCE = 0.002;

const STATES: Record<ProfileName, string[]> = {
  booking: ['choose', 'details'],
  survey: ['form', 'thanks'],
  'hep-viewer': ['today', 'rating'],
  'intake-form': ['about-you-filled', 'insurance-filled', 'consent', 'done'],
  progress: ['rating', 'table'],
  referral: ['attached', 'sent'],
};

const SHOTS = join(PACKAGE_DIR, '.hardening', 'screens');

/** Screenshots of every state of every element, on one page per style setup. */
async function shootAll(query: string): Promise<Map<string, Buffer>> {
  const { page, close } = await suite.open({ query });
  const shots = new Map<string, Buffer>();
  for (const name of PROFILE_NAMES) {
    for (const state of STATES[name]) {
      // Parts that tick by the second (a hold's countdown) are hidden in both screenshots.
      await inPage(page, 'showState', name, state, { hideTicking: true });
      shots.set(`${name}-${state}`, await page.locator(`pxm-${name}`).screenshot({ animations: 'disabled', caret: 'hide' }));
      await inPage(page, 'clearStage');
    }
  }
  const { errors } = await sentinel(page);
  await close();
  assert.deepEqual(errors, []);
  return shots;
}

const setups = { ltr: { clean: '', hostile: 'hostile' }, rtl: { clean: 'rtl', hostile: 'rtl&hostile' } };
const shots = new Map<string, Promise<Map<string, Buffer>>>();
const shotsFor = (query: string) => {
  if (!shots.has(query)) shots.set(query, shootAll(query));
  return shots.get(query)!;
};

describe('hostile host stylesheet', () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const name of PROFILE_NAMES) {
    for (const state of STATES[name]) {
      for (const direction of ['ltr', 'rtl'] as const) {
        it(`<pxm-${name}> "${state}" (${direction}) looks the same on a hostile page`, async () => {
          const key = `${name}-${state}`;
          const clean = (await shotsFor(setups[direction].clean)).get(key)!;
          const hostile = (await shotsFor(setups[direction].hostile)).get(key)!;
          writeFileSync(join(SHOTS, `${key}-${direction}-clean.png`), clean);
          writeFileSync(join(SHOTS, `${key}-${direction}-hostile.png`), hostile);
          const a = decodePng(clean);
          const b = decodePng(hostile);
          const diff = compareImages(a, b);
          addFigures('hostile-css', { 'screenshots compared': 2, 'pixels compared': a.width * a.height, 'pixels differing': diff.differing });
          assert.ok(diff.sameSize, `same size: clean ${a.width}x${a.height}, hostile ${b.width}x${b.height}`);
          assert.ok(diff.ratio <= TOLERANCE, `${(diff.ratio * 100).toFixed(3)}% of pixels differ at the best alignment (${diff.dx}, ${diff.dy}); tolerance ${TOLERANCE * 100}%`);
        });
      }
    }
    it(`<pxm-${name}> completes its flow on the hostile page`, async () => {
      const { page, close } = await suite.open({ query: 'hostile&rtl' });
      const result = await inPage(page, 'completeFlow', name);
      await close();
      assert.deepEqual(result.failures, []);
      addFigures('hostile-css', { 'flows completed on the hostile page': 1 });
    });
  }
});
