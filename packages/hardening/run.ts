/**
 * `pnpm test:hardening` (and a step of `pnpm test`): builds the test page once, serves it under
 * the strict policy, runs the Node and browser suites one file at a time (two cores are shared),
 * then prints the figures: cases run, payloads tried, faults injected, violations found.
 *
 *   node --conditions=source --import tsx packages/hardening/run.ts [part of a file name...]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_DIR, buildPage } from './browser/support/build.js';
import { FIGURES_DIR, readAllFigures } from './browser/support/figures.js';
import { startServer } from './browser/support/server.js';

const started = Date.now();
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const files = ['node', 'browser']
  .flatMap((dir) => readdirSync(join(PACKAGE_DIR, dir)).filter((name) => name.endsWith('.test.ts')).map((name) => join(dir, name)))
  .filter((file) => only.length === 0 || only.some((pattern) => file.includes(pattern)));

rmSync(FIGURES_DIR, { recursive: true, force: true });
const root = await buildPage();
const server = await startServer(root);
console.log(`[hardening] page built in ${((Date.now() - started) / 1000).toFixed(1)} s, served at ${server.origin}; ${files.length} test files`);

const status = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
    // The test clock (scripts/test-clock.mjs) for the Node side too; pages get it in session.ts.
    env: { ...process.env, HARDENING_ORIGIN: server.origin, NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(join(PACKAGE_DIR, '../../scripts/test-clock-install.mjs')).href}`].filter(Boolean).join(' ') },
  });
  child.on('exit', (code) => resolve(code ?? 1));
});
await server.close();

const figures = readAllFigures();
mkdirSync(join(PACKAGE_DIR, '.hardening'), { recursive: true });
writeFileSync(join(PACKAGE_DIR, '.hardening', 'figures.json'), JSON.stringify(figures, null, 2));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n[hardening] figures (${status === 0 ? 'all proofs passed' : 'SOME PROOFS FAILED'}, ${seconds} s):`);
for (const [area, values] of Object.entries(figures).sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${area}`);
  for (const [name, value] of Object.entries(values)) console.log(`    ${name.padEnd(52)} ${value.toLocaleString('en-US')}`);
}
// A complete, passing run writes its figures into docs/security.md: the doc never quotes a
// number this suite did not count.
if (status === 0 && only.length === 0) writeSecurityFigures(figures, seconds);
process.exit(status);

function writeSecurityFigures(all: Record<string, Record<string, number>>, wallSeconds: string): void {
  const doc = join(PACKAGE_DIR, '../../docs/security.md');
  const text = readFileSync(doc, 'utf8');
  const rows = Object.entries(all)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([area, values]) => Object.entries(values).map(([name, value]) => `| ${area} | ${name} | ${value.toLocaleString('en-US')} |`));
  const table = ['| area | figure | count |', '|---|---|---|', ...rows, '', `Wall time of that run: ${wallSeconds} s (TZ=${process.env.TZ || 'the machine\'s zone'}, PXM_TEST_NOW=${process.env.PXM_TEST_NOW || 'default'}).`].join('\n');
  const next = text.replace(/<!-- figures:hardening -->[\s\S]*?<!-- \/figures:hardening -->/, `<!-- figures:hardening -->\n${table}\n<!-- /figures:hardening -->`);
  if (next !== text) writeFileSync(doc, next);
}
