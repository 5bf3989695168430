/**
 * 2a. No leaks into the page: after each element's full flow and its removal, the document has no
 * new `<style>` or style sheet, `<html>` and `<body>` are as they were, no listener the elements
 * put on `window` or `document` is left, and no global was added by them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

/**
 * Globals the test page itself adds (the harness and its sentinel), and the registries the
 * elements' dependencies keep on `globalThis` when loaded: Lit's version lists (so two copies on
 * one page can warn) and property metadata, and zod's configuration. The elements add none.
 */
const EXPECTED_GLOBALS = new Set([
  'pxmHarness',
  'pxmSentinel',
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  '__zod_globalConfig',
]);

describe('no leaks into the page', () => {
  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}>: no style, listener, global or body change left after use and removal`, async () => {
      const { page, close } = await suite.open();
      const before = await sentinel(page);
      const result = await inPage(page, 'completeFlow', name);
      // Removal lets go of holds and timers on the next task; give it a moment.
      await page.waitForTimeout(100);
      const after = await sentinel(page);
      await close();
      assert.deepEqual(result.failures, []);
      assert.deepEqual(after.state, before.initialPage, 'head, style sheets, <html> and <body> unchanged');
      assert.deepEqual(after.live, before.live, 'every window/document listener added was removed');
      const added = after.globals.filter((g) => !before.initialGlobals.includes(g) && !EXPECTED_GLOBALS.has(g));
      assert.deepEqual(added, [], 'no new global');
      addFigures('leaks', { 'flows checked': 1, 'window/document listeners compared': after.live.length, 'globals compared': after.globals.length, 'leaks found': 0 });
    });
  }
});
