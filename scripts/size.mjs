/**
 * `pnpm size`: bundles each public entry point (size.config.mjs) the way a consumer's bundler
 * would (esbuild, ESM, minified, production conditions, tree-shaken) and prints raw minified and
 * gzipped bytes. Exits non-zero when an entry exceeds its gzip budget, or when a size quoted in
 * the docs (`<!-- figure:size:<entry>:gzip -->`, scripts/doc-figures.mjs) is not what it
 * measures: `pnpm size --write` writes them.
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import entries from '../size.config.mjs';
import { buildCdn, initialCost } from './build-cdn.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { updateDocFigures } from './doc-figures.mjs';

async function measure(entry, splitting = false, external = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    // The published dist/ has its css templates minified (scripts/minify-dist-css.mjs); measure the same.
    plugins: [cssLiteralsPlugin],
    external,
    ...(splitting ? { splitting: true, outdir: 'size-out', metafile: true } : {}),
  });
  if (!splitting) {
    const code = result.outputFiles[0].contents;
    return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  }
  // What a page loads up front: the entry chunk and the chunks it imports statically. Chunks
  // behind import() load on demand (the way every bundler splits them) and are reported apart.
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  // With splitting, every import() target is an entry point too: start from the one measured.
  const start = Object.keys(outputs).find((path) => outputs[path].entryPoint === entry);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const { path: next, kind } of outputs[path].imports) if (kind === 'import-statement' && outputs[next]) visit(next);
  };
  visit(start);
  // Each file travels compressed on its own, so sizes add up per file (splitting has a cost).
  const size = (paths) =>
    paths
      .filter((path) => path.endsWith('.js'))
      .map((path) => files.get(path))
      .reduce((sum, code) => ({ minified: sum.minified + code.length, gzipped: sum.gzipped + gzipSync(code, { level: 9 }).length }), { minified: 0, gzipped: 0 });
  const lazy = Object.keys(outputs).filter((path) => !initial.has(path));
  return { ...size([...initial]), lazy: size(lazy).gzipped };
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
const rows = [];
let failed = false;
/** Doc figures by key: `size:<entry, up to its first space>:gzip|lazy|min`. */
const figures = {};
// The script-tag files are measured as built (scripts/build-cdn.mjs), not re-bundled here.
let cdnChunks;
async function measureCdn(file, minus) {
  cdnChunks ??= await buildCdn({ write: false });
  const own = initialCost(cdnChunks, `${file}.js`);
  const lazy = cdnChunks.filter((c) => c.isDynamicEntry).reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
  if (!minus) return { ...own, lazy };
  const base = initialCost(cdnChunks, `${minus}.js`);
  return { minified: own.minified - base.minified, gzipped: own.gzipped - base.gzipped };
}
for (const { name, entry, budgetKb, splitting, external, cdn, cdnMinus } of entries) {
  const { minified, gzipped, lazy } = cdn ? await measureCdn(cdn, cdnMinus) : await measure(entry, splitting, external);
  const over = budgetKb !== undefined && gzipped / 1024 > budgetKb;
  if (over) failed = true;
  const key = `size:${name.split(' ')[0]}`;
  figures[`${key}:gzip`] = `${kb(gzipped).trim()} KB`;
  figures[`${key}:min`] = `${kb(minified).trim()} KB`;
  if (lazy) figures[`${key}:lazy`] = `${kb(lazy).trim()} KB`;
  const onDemand = lazy ? `  (+${kb(lazy).trim()} KB gzip on demand)` : '';
  rows.push(`${name.padEnd(48)} ${kb(minified)} KB min ${kb(gzipped)} KB gzip ${budgetKb === undefined ? '' : `  budget ${budgetKb} KB ${over ? 'OVER' : 'ok'}`}${onDemand}`);
}
console.log(`${'entry'.padEnd(48)} ${'minified'.padStart(10)}    ${'gzipped'.padStart(10)}`);
for (const row of rows) console.log(row);
const { stale } = updateDocFigures(figures, { write: process.argv.includes('--write') });
if (stale.length && !process.argv.includes('--write')) {
  console.error('\n[pxm] Sizes quoted in the docs are not what pnpm size measures (run `pnpm size --write`):');
  for (const { file, key, written, measured } of stale) console.error(`  ${file}: ${key} says ${written}, measured ${measured}`);
  failed = true;
} else if (stale.length) {
  console.log(`\n[pxm] wrote ${stale.length} size figure(s) in the docs`);
}
if (failed) {
  console.error('\n[pxm] An entry is over its size budget, or a doc figure is stale.');
  process.exit(1);
}
