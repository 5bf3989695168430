/**
 * `pnpm size`: what each page of size.config.mjs costs as a browser loads it, up front and for
 * its whole flow, gzipped (level 9, each file on its own, as it travels). Prints a table with the
 * figures before the round that made the schemas the only validators (scripts/size-before.json)
 * and fails when a page is over its budget (scripts/size-budgets.json: raised only on purpose, in
 * review, by the change that needs it) or when the table in docs/size.md (between
 * `<!-- table:size -->` and `<!-- /table -->`) or a size quoted in the docs
 * (`<!-- figure:size:<page>:up-front|whole -->`) is not what it measures.
 *   pnpm size                   measure and check
 *   pnpm size --write           measure and write the docs' table and figures
 *   pnpm size --record-budgets  measure and store the figures as every page's budget
 *   pnpm size --record-before   measure and store the figures as the "before" of the comparison
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import pages from '../size.config.mjs';
import { buildCdn } from './build-cdn.mjs';
import { templateLiteralsPlugin } from './template-literals.mjs';
import { updateDocFigures } from './doc-figures.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BEFORE_FILE = join(ROOT, 'scripts/size-before.json');
const BUDGETS_FILE = join(ROOT, 'scripts/size-budgets.json');
const TABLE_FILE = join(ROOT, 'docs/size.md');
const write = process.argv.includes('--write');
const recordBefore = process.argv.includes('--record-before');
const recordBudgets = process.argv.includes('--record-budgets');

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const sum = (codes) => codes.reduce((total, code) => total + gzip(code), 0);

/** The module a page's script would be: register the elements, create the adapter, hand it over. */
function pageSource({ elements, adapter }) {
  return [
    ...elements.map((path) => `import ${JSON.stringify(join(ROOT, path))};`),
    `import { ${adapter.create} } from ${JSON.stringify(join(ROOT, adapter.module))};`,
    // An adapter composed of areas (each its own entry point) gets the ones the page names, and only those.
    ...Object.entries(adapter.areas ?? {}).map(([name, path]) => `import { ${name} } from ${JSON.stringify(join(ROOT, path))};`),
    `document.querySelector('pxm-provider').adapter = ${adapter.create}(${[adapter.options, ...(adapter.areas ? [`[${Object.keys(adapter.areas).join(', ')}]`] : [])].join(', ')});`,
  ].join('\n');
}

async function measureBundle(page, workDir) {
  const entry = join(workDir, `${page.key}.js`);
  writeFileSync(entry, pageSource(page));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(workDir, 'out', page.key),
    write: false,
    metafile: true,
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    // The published dist/ has its Lit templates minified (scripts/minify-dist-templates.mjs); measure the same.
    plugins: [templateLiteralsPlugin],
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const start = Object.keys(outputs).find((path) => outputs[path].entryPoint && resolve(outputs[path].entryPoint) === entry);
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const { path: next, kind } of outputs[path].imports) if (kind === 'import-statement' && outputs[next]) visit(next);
  };
  visit(start);
  const js = (paths) => paths.filter((path) => path.endsWith('.js')).map((path) => code.get(path));
  return { upFront: sum(js([...upFront])), whole: sum(js(Object.keys(outputs))) };
}

/** The memory adapter's modules loaded only for one capability, and the element that calls it. */
const CAPABILITY_TAGS = { 'progress-area': 'pxm-progress', referral: 'pxm-referral' };

let cdnChunks;
async function measureCdn(page) {
  cdnChunks ??= await buildCdn({ write: false });
  const byName = new Map(cdnChunks.map((chunk) => [chunk.fileName, chunk]));
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  for (const file of page.cdn) visit(`${file}.js`);
  // Whole flow: the files and everything they can load, statically or on demand; an element
  // defined on first use of its tag (cdn/on-demand-elements.ts) only when the page uses that tag,
  // and a capability the memory adapter loads on its first call (@pxm/adapter-memory/lazy) only
  // when the page uses the element that calls it.
  const usesOnDemand = (chunk) => {
    const tags = chunk.moduleIds.map((id) => /\/define\/(pxm-[\w-]+)\.ts$/.exec(id)?.[1] ?? CAPABILITY_TAGS[/\/adapter-memory\/src\/([\w-]+)\.ts$/.exec(id)?.[1]]).filter(Boolean);
    return tags.length === 0 || tags.every((tag) => (page.tags ?? []).includes(tag));
  };
  const whole = new Set();
  const reach = (name) => {
    if (whole.has(name)) return;
    whole.add(name);
    const chunk = byName.get(name);
    for (const next of chunk.imports) if (byName.has(next)) reach(next);
    for (const next of chunk.dynamicImports) if (byName.has(next) && usesOnDemand(byName.get(next))) reach(next);
  };
  for (const file of page.cdn) reach(`${file}.js`);
  const codes = (names) => [...names].map((name) => byName.get(name).code);
  return { upFront: sum(codes(upFront)), whole: sum(codes(whole)) };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const workDir = mkdtempSync(join(tmpdir(), 'pxm-size-'));
const measured = {};
try {
  for (const page of pages) measured[page.key] = page.cdn ? await measureCdn(page) : await measureBundle(page, workDir);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

if (recordBefore) {
  writeFileSync(BEFORE_FILE, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`[pxm] recorded the "before" figures in ${relative(ROOT, BEFORE_FILE)}`);
}
// Budgets are kept in the unit the table shows, KB to one decimal, the next tenth up: a change that moves a
// page by a few bytes passes, one that moves it by a tenth of a KB is seen.
const budgetKb = (bytes) => (Math.floor(bytes / 102.4) + 1) / 10;
if (recordBudgets) {
  const recorded = Object.fromEntries(Object.entries(measured).map(([key, { upFront, whole }]) => [key, { upFrontKb: budgetKb(upFront), wholeKb: budgetKb(whole) }]));
  writeFileSync(BUDGETS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`[pxm] recorded today's figures as the budgets in ${relative(ROOT, BUDGETS_FILE)}`);
}
const before = JSON.parse(readFileSync(BEFORE_FILE, 'utf8'));
const budgets = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8'));

let failed = false;
const lines = [];
const header = `| page | up front, before | up front, now | whole flow, before | whole flow, now |`;
lines.push(header, '|---|---:|---:|---:|---:|');
const figures = {};
console.log(`${'page'.padEnd(54)} ${'up front'.padStart(18)} ${'whole flow'.padStart(18)}   (KB gzip, before -> now)`);
for (const page of pages) {
  const now = measured[page.key];
  const was = before[page.key];
  const budget = budgets[page.key];
  const over = !budget || now.upFront > budget.upFrontKb * 1024 || now.whole > budget.wholeKb * 1024;
  if (over) failed = true;
  const pair = (a, b) => `${a === undefined ? '-' : kb(a)} -> ${kb(b)}`.padStart(18);
  console.log(`${page.name.padEnd(54)} ${pair(was?.upFront, now.upFront)} ${pair(was?.whole, now.whole)}${over ? '   OVER BUDGET' : ''}`);
  const cell = (value) => (value === undefined ? 'n/a' : `${kb(value)} KB`);
  lines.push(`| ${page.name.replaceAll('<', '&lt;').replaceAll('>', '&gt;')} | ${cell(was?.upFront)} | ${cell(now.upFront)} | ${cell(was?.whole)} | ${cell(now.whole)} |`);
  figures[`size:${page.key}:up-front`] = `${kb(now.upFront)} KB`;
  figures[`size:${page.key}:whole`] = `${kb(now.whole)} KB`;
}

// The table in docs/size.md is the command's output, not a copy of it.
const table = lines.join('\n');
const doc = readFileSync(TABLE_FILE, 'utf8');
const block = /<!-- table:size -->[\s\S]*?<!-- \/table -->/;
const nextDoc = doc.replace(block, `<!-- table:size -->\n${table}\n<!-- /table -->`);
const tableStale = nextDoc !== doc;
if (write && tableStale) writeFileSync(TABLE_FILE, nextDoc);
const { stale } = updateDocFigures(figures, { write });
if (!write && (tableStale || stale.length)) {
  console.error('\n[pxm] Sizes in the docs are not what pnpm size measures (run `pnpm size --write`):');
  if (tableStale) console.error(`  ${relative(ROOT, TABLE_FILE)}: the size table`);
  for (const { file, key, written, measured: value } of stale) console.error(`  ${file}: ${key} says ${written}, measured ${value}`);
  failed = true;
} else if (write && (tableStale || stale.length)) {
  console.log(`\n[pxm] wrote the size table and ${stale.length} figure(s) in the docs`);
}
if (failed) {
  console.error('\n[pxm] A page is over its budget (scripts/size-budgets.json), or a size in the docs is stale.');
  process.exit(1);
}
