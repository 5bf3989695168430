/**
 * 11. Host pages that are not ours to fix, on both ways a practice ships the elements: the npm
 * package bundled by esbuild, and the script-tag build (`/cdn/pxm-elements.js`). A plugin that
 * adds an enumerable property to `Object.prototype` before the elements load, or after: every
 * element still loads and its main flow still writes to the backend (the memory adapter's
 * request checks used to refuse every call once the property was there). A Trusted Types policy
 * that refuses Lit's `lit-html` policy (`'none'`, or the host's own Lit created it first): one
 * clear console message and `pxm-error` per element, no uncaught error; with `'allow-duplicates'`
 * after the host's Lit, the elements work.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
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
/** The npm package bundled with code splitting, as the docs recommend. */
const POLLUTION_BUILDS = ['npm', 'bundle', 'cdn'] as const;

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
  for (const build of POLLUTION_BUILDS) {
    // An esbuild bundle without code splitting sets up zod's namespace objects at the top of the
    // file, before any module of ours can run: documented in docs/csp-and-privacy.md (build with
    // splitting, as the npm build here does, or use the script-tag build).
    for (const pollute of build === 'bundle' ? (['after'] as const) : (['before', 'after'] as const)) {
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

/** Every element a page mounts (the provider renders nothing of its own). */
const ELEMENT_TAGS = ['pxm-booking', 'pxm-intake-form', 'pxm-hep-viewer', 'pxm-survey', 'pxm-progress', 'pxm-referral'];

/** Mounts one of each element with nothing else (no adapter needed to show the refusal). */
async function mountAll(page: Page) {
  await page.evaluate(async (tags) => {
    const stage = document.getElementById('stage')!;
    for (const tag of tags) stage.append(document.createElement(tag));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, ELEMENT_TAGS);
}

describe('host page: Trusted Types', () => {
  for (const build of BUILDS) {
    for (const [label, query] of [
      ["trusted-types 'none'", 'tt=none'],
      ['the host’s Lit created lit-html first, no allow-duplicates', 'tt=lit&setup=host-lit'],
    ] as const) {
      it(`${build} build, ${label}: one clear console message and pxm-error, no uncaught error`, async () => {
        const { page, close, pageErrors, console: browserConsole } = await suite.open({ query: `build=${build}&${query}` });
        await mountAll(page);
        const record = await sentinel(page);
        await close();
        assert.deepEqual([...pageErrors, ...record.errors], [], 'no uncaught error');
        const ours = record.console.filter((line) => line.level === 'error' && line.text.includes('[pxm]'));
        assert.equal(ours.length, 1, `one console message, not ${JSON.stringify(ours)}`);
        assert.match(ours[0]!.text, /Trusted Types policy "lit-html"/);
        // (The viewer mounted without a token also reports that; only the refusal counts here.)
        const refusals = record.events.filter((e) => e.type === 'pxm-error' && e.detail.includes('"trusted-types"')).map((e) => e.detail);
        assert.deepEqual(refusals, Array(ELEMENT_TAGS.length).fill(JSON.stringify({ code: 'unsupported', operation: 'trusted-types' })), 'one pxm-error per element');
        assert.ok(!browserConsole.some((line) => /TrustedHTML/.test(line)), 'no refused assignment reached the browser');
        addFigures('host page', { 'Trusted Types refusals handled': 1 });
      });
    }
    it(`${build} build, the host’s Lit first with trusted-types lit-html 'allow-duplicates': every flow works`, async () => {
      const { page, close, pageErrors } = await suite.open({ query: `build=${build}&tt=dup&setup=host-lit` });
      const failures: string[] = [];
      for (const name of PROFILE_NAMES) failures.push(...(await inPage(page, 'completeFlow', name)).failures);
      const record = await sentinel(page);
      const hostPolicy = await page.evaluate(() => Boolean((window as { hostLitPolicy?: unknown }).hostLitPolicy));
      await close();
      assert.equal(hostPolicy, true, 'the host’s Lit made its policy first');
      assert.deepEqual([...pageErrors, ...record.errors], []);
      assert.deepEqual(failures, []);
      assert.deepEqual(record.violations, [], 'no CSP violation');
    });
  }
});

describe('host page: inherited properties', () => {
  for (const build of BUILDS) {
    it(`${build} build: text stays visible and unscaled under the page's inherited text properties`, async () => {
      const { page, close } = await suite.open({ query: `build=${build}&setup=inherited-css` });
      const failures: string[] = [];
      const seen: Record<string, Record<string, string>> = {};
      for (const name of PROFILE_NAMES) {
        await inPage(page, 'clearStage');
        failures.push(...(await inPage(page, 'completeFlow', name, { keep: true })).failures);
        seen[name] = await page.evaluate(() => {
          const host = document.querySelector('#stage > *')!;
          const heading = host.shadowRoot!.querySelector('h1, h2, h3, p')!;
          const style = getComputedStyle(heading);
          const body = getComputedStyle(document.body);
          return {
            pageFill: body.webkitTextFillColor,
            fill: style.webkitTextFillColor === style.color ? 'the text colour' : style.webkitTextFillColor,
            stroke: style.webkitTextStrokeWidth,
            sizeAdjust: style.fontSizeAdjust,
            features: style.fontFeatureSettings,
            wordBreak: style.wordBreak,
          };
        });
      }
      await close();
      assert.deepEqual(failures, []);
      for (const [name, style] of Object.entries(seen)) {
        assert.equal(style['pageFill'], 'rgba(0, 0, 0, 0)', 'the page’s own rule applies to the page');
        assert.deepEqual(
          { fill: style['fill'], stroke: style['stroke'], sizeAdjust: style['sizeAdjust'], features: style['features'], wordBreak: style['wordBreak'] },
          { fill: 'the text colour', stroke: '0px', sizeAdjust: 'none', features: 'normal', wordBreak: 'normal' },
          `<pxm-${name}>`,
        );
      }
      addFigures('host page', { 'inherited properties reset': 6 * PROFILE_NAMES.length });
    });
  }
});

describe('host page: a shrunken root font size', () => {
  for (const build of ['npm', 'cdn'] as const) {
    it(`${build} build: a 10 px root with everything unset !important, then 8 px after load: every element keeps its size`, async () => {
      const { page, close, pageErrors } = await suite.open({ query: `build=${build}&setup=small-root` });
      const zooms: Record<string, [string, string]> = {};
      for (const name of PROFILE_NAMES) {
        await inPage(page, 'clearStage');
        await inPage(page, 'mountOnly', name);
        const first = await page.evaluate(() => getComputedStyle(document.querySelector('#stage > *')!).zoom);
        // The page changes its root size after the element connected (a font-size switcher).
        await page.evaluate(() => (document.documentElement.style.fontSize = '8px'));
        await page.waitForFunction(() => getComputedStyle(document.querySelector('#stage > *')!).zoom === '2', undefined, { timeout: 5_000 }).catch(() => undefined);
        const after = await page.evaluate(() => getComputedStyle(document.querySelector('#stage > *')!).zoom);
        await page.evaluate(() => (document.documentElement.style.fontSize = '10px'));
        zooms[name] = [first, after];
      }
      await close();
      assert.deepEqual(pageErrors, []);
      for (const [name, [first, after]] of Object.entries(zooms)) {
        assert.deepEqual({ first, after }, { first: '1.6', after: '2' }, `<pxm-${name}> zoomed back to the visitor's text size (16 px)`);
      }
      addFigures('host page', { 'elements kept at the visitor’s text size on a shrunken root': 2 * PROFILE_NAMES.length });
    });
  }
});

describe('host page: a part that cannot load', () => {
  // The chunked builds (a one-file bundle has the rating inside it).
  for (const build of ['npm', 'cdn'] as const) {
    it(`${build} build: the HEP rating's code never arrives: the log is kept and the card says why there is no rating`, async () => {
      const { page, close, pageErrors } = await suite.open({ query: `build=${build}`, block: /\/chunks\/rating-form-[\w-]+\.js$/ });
      if (!PROFILE_NAMES.includes('hep-viewer')) return close();
      await inPage(page, 'mountOnly', 'hep-viewer');
      const shown = await page.evaluate(async () => {
        const root = document.querySelector('pxm-hep-viewer')!.shadowRoot!;
        const done = [...root.querySelectorAll<HTMLButtonElement>('[part~="done"]')].find((button) => !button.disabled)!;
        const card = done.closest('li')!;
        done.click();
        for (let i = 0; i < 200 && !card.querySelector('.rating-unavailable'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
        return { notice: card.querySelector('.rating-unavailable')?.textContent?.trim() ?? '', undo: Boolean(card.querySelector('[part~="undo"]')) };
      });
      await close();
      assert.deepEqual(pageErrors, []);
      assert.equal(shown.undo, true, 'the session is logged');
      assert.match(shown.notice, /Your log is saved\. The pain rating could not be loaded/);
    });
  }
});
