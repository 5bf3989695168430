/**
 * Runs the Custom Elements Manifest analyzer over @pxm/elements with its config and returns the
 * manifest (no file written). Errors in the config or a plugin stop the run instead of falling
 * back to defaults, as the analyzer's CLI would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { globToRegExp } from '../packages/glob.mjs';

export const ELEMENTS_DIR = new URL('../../packages/elements/', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export async function analyzeElements() {
  const { default: config } = await import(new URL('custom-elements-manifest.config.mjs', `file://${ELEMENTS_DIR}`).href);
  const include = config.globs.map(globToRegExp);
  const exclude = config.exclude.map(globToRegExp);
  const files = walk(join(ELEMENTS_DIR, 'src'))
    .map((path) => relative(ELEMENTS_DIR, path).split(sep).join('/'))
    .filter((path) => include.some((re) => re.test(path)) && !exclude.some((re) => re.test(path)))
    .sort();
  const modules = files.map((path) => ts.createSourceFile(path, readFileSync(join(ELEMENTS_DIR, path), 'utf8'), ts.ScriptTarget.ES2022, true));
  return create({ modules, plugins: [...litPlugin(), ...config.plugins], context: { dev: false, thirdPartyCEMs: [] } });
}
