/**
 * Node tests: every `packages/<name>/test/**\/*.test.ts`, run by node:test with TypeScript
 * sources resolved through the `source` export condition. Pass package names to run fewer:
 * `pnpm test:node core adapter-memory`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const extra = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const packages = readdirSync('packages').filter((name) => only.length === 0 || only.includes(name));
// The demo site's words are checked too (`pnpm test:node example-site` runs only those).
const examples = only.length === 0 || only.includes('example-site') ? testFiles(join('examples', 'site', 'test')) : [];
const files = [...packages.flatMap((name) => testFiles(join('packages', name, 'test'))), ...examples];

if (files.length === 0) {
  console.error('[pxm] no Node test files found');
  process.exit(1);
}

// The test clock (scripts/test-clock.mjs) goes in through NODE_OPTIONS, so the server
// processes a test starts stand on the same "now" as the test itself.
const clock = `--import=${pathToFileURL(join(import.meta.dirname, 'test-clock-install.mjs')).href}`;
const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, clock].filter(Boolean).join(' ') } },
);
process.exit(result.status ?? 1);
