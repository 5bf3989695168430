/**
 * `pnpm size`: bundles each public entry point (size.config.mjs) the way a consumer's bundler
 * would (esbuild, ESM, minified, production conditions, tree-shaken) and prints raw minified and
 * gzipped bytes. Exits non-zero when an entry exceeds its gzip budget.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import entries from '../size.config.mjs';

async function measure(entry) {
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
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
const rows = [];
let failed = false;
for (const { name, entry, budgetKb } of entries) {
  const { minified, gzipped } = await measure(entry);
  const over = budgetKb !== undefined && gzipped / 1024 > budgetKb;
  if (over) failed = true;
  rows.push(`${name.padEnd(48)} ${kb(minified)} KB min ${kb(gzipped)} KB gzip ${budgetKb === undefined ? '' : `  budget ${budgetKb} KB ${over ? 'OVER' : 'ok'}`}`);
}
console.log(`${'entry'.padEnd(48)} ${'minified'.padStart(10)}    ${'gzipped'.padStart(10)}`);
for (const row of rows) console.log(row);
if (failed) {
  console.error('\n[pxm] An entry is over its size budget.');
  process.exit(1);
}
