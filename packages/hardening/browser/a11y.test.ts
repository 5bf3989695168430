/**
 * 8. Accessibility: axe on every state of every element; the whole flow again with
 * `prefers-reduced-motion: reduce` (nothing animates) at 200% zoom (a 1280 px window zoomed to
 * 200% is 640 CSS px at 2 device pixels each: no sideways scrolling, targets at least 24 px);
 * and each element completed with the keyboard alone, at that zoom.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';
import { KEYBOARD_FLOWS } from './support/keyboard.js';

const suite = useBrowser(import.meta.filename);
const ZOOM_200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

describe('accessibility', () => {
  it('the motion check sees the spinner turn when reduced motion is not asked for', async () => {
    const { page, close } = await suite.open();
    const result = await inPage(page, 'accessibleStates', 'survey', { motion: true });
    await close();
    assert.ok(result.failures.some((f) => /loading: .*spinner.* animates/.test(f)), `the check can fail: ${result.failures.join(' | ').slice(0, 300)}`);
  });

  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}>: axe finds nothing in any state`, async () => {
      const { page, close } = await suite.open();
      const result = await inPage(page, 'accessibleStates', name, {});
      const { violations } = await sentinel(page);
      await close();
      addFigures('accessibility', result.figures);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(violations, [], 'axe runs under the strict policy too');
    });

    it(`<pxm-${name}>: at 200% zoom with reduced motion, nothing moves, nothing scrolls sideways, targets are 24 px or more`, async () => {
      const { page, close } = await suite.open({ ...ZOOM_200, reducedMotion: 'reduce' });
      const result = await inPage(page, 'accessibleStates', name, { motion: true, reflow: true });
      await close();
      addFigures('accessibility', { 'states checked at 200% zoom, reduced motion': result.figures['states checked with axe'] ?? 0, 'loading spinners checked': result.figures['loading spinners checked'] ?? 0 });
      assert.equal(result.figures['loading spinners checked'], 1, 'the loading state was seen');
      assert.deepEqual(result.failures, []);
    });

    it(`<pxm-${name}>: completed with the keyboard alone at 200% zoom`, async () => {
      const { page, close, pageErrors } = await suite.open({ ...ZOOM_200, reducedMotion: 'reduce' });
      const flow = KEYBOARD_FLOWS[name];
      assert.ok(flow, `a keyboard flow for ${name}`);
      const keys = await flow(page);
      const { errors } = await sentinel(page);
      await close();
      addFigures('accessibility', { 'keyboard-only completions': 1, 'keys pressed': keys });
      assert.deepEqual([...errors, ...pageErrors], []);
    });
  }
});

export type { Page };
