/**
 * Builds the test page the way a practice's site would ship it: esbuild, minified, production
 * conditions, code split into chunks loaded on demand. The sentinel is a classic script so it
 * runs before any module.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a build script without type declarations
import { templateLiteralsPlugin } from '../../../../scripts/template-literals.mjs';

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_DIR = join(PACKAGE_DIR, '.hardening', 'page');

const common = {
  bundle: true,
  minify: process.env.HARDENING_DEBUG ? false : true,
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Lit templates minified as the published dist/ has them.
  plugins: [templateLiteralsPlugin],
  logLevel: 'warning' as const,
  // Names kept: a failure's stack should still say where it happened.
  keepNames: true,
};

export async function buildPage(): Promise<string> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  await build({ ...common, entryPoints: [join(PACKAGE_DIR, 'src/page/sentinel.ts')], format: 'iife', outfile: join(OUT_DIR, 'sentinel.js') });
  await build({
    ...common,
    entryPoints: { harness: join(PACKAGE_DIR, 'src/page/harness.ts'), 'harness-cdn': join(PACKAGE_DIR, 'src/page/harness-cdn.ts') },
    format: 'esm',
    splitting: true,
    outdir: OUT_DIR,
    chunkNames: 'chunks/[name]-[hash]',
  });
  // The same page as one file, as `esbuild --bundle` without splitting makes it (the host-page proofs).
  await build({ ...common, entryPoints: { 'harness-bundle': join(PACKAGE_DIR, 'src/page/harness.ts') }, format: 'esm', outdir: OUT_DIR });
  for (const [name, script] of Object.entries(SETUP_SCRIPTS)) writeFileSync(join(OUT_DIR, `setup-${name}.js`), script);
  writeFileSync(join(OUT_DIR, 'hostile.css'), HOSTILE_CSS);
  writeFileSync(join(OUT_DIR, 'inherited.css'), INHERITED_CSS);
  writeFileSync(join(OUT_DIR, 'unset-all.css'), UNSET_ALL_CSS);
  writeFileSync(join(OUT_DIR, 'rtl.css'), '#frame { direction: rtl; }\n');
  writeFileSync(join(OUT_DIR, 'page.css'), BASE_CSS);
  return OUT_DIR;
}

/**
 * Classic scripts a hostile or busy host page runs before anything of ours loads (`?setup=name`):
 * - `pollute`: a plugin that adds an enumerable property to `Object.prototype`.
 * - `host-lit`: the host's own Lit app, which creates the `lit-html` Trusted Types policy first.
 * - `inherited-css`: links a stylesheet of inherited properties that cross the shadow boundary.
 * - `small-root`: a theme's 10 px root font size, and a reset that unsets everything `!important`.
 */
export const SETUP_SCRIPTS: Record<string, string> = {
  'inherited-css': `document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/inherited.css' }));\n`,
  pollute: `Object.prototype.polluted = 'yes';\n`,
  'small-root': `document.documentElement.style.fontSize = '10px';\ndocument.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/unset-all.css' }));\n`,
  'host-lit': `window.hostLitPolicy = window.trustedTypes && trustedTypes.createPolicy('lit-html', { createHTML: function (s) { return s; } });\n`,
};

/** Inherited properties a page sets on `body` that the host's `font`/`color` resets do not cover. */
export const INHERITED_CSS = `body { -webkit-text-fill-color: transparent; -webkit-text-stroke: 3px #f0f; font-size-adjust: 2; font-feature-settings: "smcp"; word-break: break-all; hyphens: auto; }\n`;

/** A reset that takes every property from every element, the hosts included, past inline styles without `!important`. */
export const UNSET_ALL_CSS = `body * { all: unset !important; }\n#stage, #stage > * { display: block !important; }\n`;

/** Both pages give the elements the same room, so screenshots compare like with like. */
export const BASE_CSS = `html body #stage { display: block; box-sizing: border-box; max-inline-size: 760px; margin: 0; padding: 0; }\n`;

/**
 * What a careless or aggressive host page does to everything on it: framework resets that hit
 * every element (the hosts included), huge inherited type, transforms, spacing and alignment.
 */
export const HOSTILE_CSS = `
*, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; border: 0; }
:where(:not(html, iframe, canvas, img, svg, video, audio, #stage):not(svg *, symbol *)) { all: unset; display: revert; }
body { font-size: 32px; line-height: 3.2; }
body { font-family: "Courier New", monospace; font-weight: 900; font-style: italic; color: #c0c; background: #ffe; text-transform: uppercase; letter-spacing: 0.3em; word-spacing: 1em; text-align: center; text-indent: 4em; white-space: pre; cursor: wait; }
#stage { font-size: 48px; line-height: 5; text-shadow: 2px 2px #f00; font-variant: small-caps; font-stretch: condensed; }
button, input, select, textarea, label, fieldset, legend, a, h1, h2, h3, p, ul, li, dialog { all: unset; }
`;
