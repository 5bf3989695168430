/**
 * 7. Every package imports in plain Node, with no DOM and no shim installed first: each entry
 * point of each package's `exports` (wildcards expanded), each in a fresh process. The sources
 * (`source` condition) always; the built files too when they exist (CI builds them first).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_DIR } from '../browser/support/build.js';
import { addFigures, saveFigures } from '../browser/support/figures.js';

const PACKAGES = join(PACKAGE_DIR, '..');

interface Entry {
  name: string;
  specifiers: string[];
  /** Browser-only bundles (the script-tag files): listed, not imported in Node. */
  browserOnly: string[];
  built: boolean;
}

type Target = { source?: string; default?: string } | string;

function entries(): Entry[] {
  return readdirSync(PACKAGES)
    .filter((dir) => dir !== 'hardening' && existsSync(join(PACKAGES, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(PACKAGES, dir, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, Target> };
      const specifiers: string[] = [];
      const browserOnly: string[] = [];
      for (const [subpath, target] of Object.entries(manifest.exports ?? { '.': {} })) {
        if (subpath.endsWith('.json') || typeof target === 'string') continue; // files, not modules
        const source = target.source;
        const name = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
        if (!source) {
          if (target.default?.endsWith('.js')) browserOnly.push(name);
          continue;
        }
        if (subpath.includes('*')) {
          const [before, after] = source.split('*') as [string, string];
          const folder = join(PACKAGES, dir, before);
          for (const file of readdirSync(folder).filter((f) => f.endsWith(after))) specifiers.push(name.replace('*', file.slice(0, -after.length)));
        } else specifiers.push(name);
      }
      return { name: manifest.name, specifiers, browserOnly, built: existsSync(join(PACKAGES, dir, 'dist')) };
    });
}

/** Imports each specifier in a new Node process that first checks it has no DOM. */
function importAll(specifiers: string[], conditions: string[]): { status: number | null; output: string } {
  const script = `
    for (const name of ['window', 'document', 'HTMLElement', 'customElements', 'Element', 'Node']) {
      if (name in globalThis) throw new Error('a DOM global is already there: ' + name);
    }
    for (const specifier of ${JSON.stringify(specifiers)}) {
      try { await import(specifier); } catch (error) { console.error('FAILED ' + specifier + ': ' + (error && error.stack || error)); process.exitCode = 1; }
    }`;
  const result = spawnSync(process.execPath, [...conditions.flatMap((c) => [`--conditions=${c}`]), '--import', 'tsx', '--input-type=module', '-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('importing every package in Node without a DOM', () => {
  const all = entries();
  let imported = 0;
  for (const entry of all) {
    it(`${entry.name}: ${entry.specifiers.length} entry points from source`, () => {
      const { status, output } = importAll(entry.specifiers, ['source']);
      assert.equal(status, 0, output);
      imported += entry.specifiers.length;
      addFigures('node without a DOM', { 'entry points imported (source)': entry.specifiers.length });
    });
    for (const specifier of entry.browserOnly) {
      // A script-tag file is built for browsers (Lit's browser build extends HTMLElement at load);
      // Node code imports the package entry points, which are all checked above.
      it(`${specifier} (a script-tag file for browsers)`, { skip: 'browser-only by design; Node imports the package entry points above' }, () => undefined);
    }
    const checkBuilt = entry.built && (process.env.CI || process.env.HARDENING_DIST);
    it(`${entry.name}: the built entry points`, { skip: checkBuilt ? false : 'built files are checked in CI (or with HARDENING_DIST=1), after `pnpm build`' }, () => {
      const { status, output } = importAll(entry.specifiers, []);
      assert.equal(status, 0, output);
      addFigures('node without a DOM', { 'entry points imported (built)': entry.specifiers.length });
    });
  }
  it('covers every package', () => {
    assert.ok(all.length >= 7, `${all.length} packages`);
    assert.ok(imported > 0);
    saveFigures(import.meta.filename);
  });
});
