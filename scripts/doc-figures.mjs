/**
 * Figures in the documentation are written by the command that measures them. A figure sits
 * between two comments that name it, invisible in the rendered page:
 *
 *   `pxm-elements.js` ... (Lit included, <!-- figure:size:cdn-all:gzip -->77.9 KB<!-- /figure --> gzipped)
 *
 * `updateDocFigures(values)` finds every such figure in README.md, docs/ and packages/{name}/README.md
 * and, for the keys the command measured, writes the new value (`write: true`) or reports the
 * ones that differ (the check CI runs for figures that come out the same on every run).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIGURE = /<!-- figure:([\w:.@/+-]+) -->([\s\S]*?)<!-- \/figure -->/g;

function markdownFiles() {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : walk(path);
      return name.endsWith('.md') ? [path] : [];
    });
  const packages = readdirSync('packages').map((name) => join('packages', name, 'README.md'));
  return ['README.md', ...walk('docs'), ...packages.filter((path) => { try { return statSync(path).isFile(); } catch { return false; } })];
}

/**
 * @param {Record<string, string>} values figure key -> text, as the command measured it
 * @param {{ write?: boolean }} options
 * @returns {{ stale: { file: string, key: string, written: string, measured: string }[], seen: Set<string> }}
 */
export function updateDocFigures(values, { write = false } = {}) {
  const stale = [];
  const seen = new Set();
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    const next = text.replace(FIGURE, (whole, key, written) => {
      if (!(key in values)) return whole;
      seen.add(key);
      if (written === values[key]) return whole;
      stale.push({ file, key, written, measured: values[key] });
      return `<!-- figure:${key} -->${values[key]}<!-- /figure -->`;
    });
    if (write && next !== text) writeFileSync(file, next);
  }
  return { stale, seen };
}
