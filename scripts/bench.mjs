/**
 * `pnpm bench`: runs every benchmark in bench/ (`*.bench.ts` or `*.bench.mjs`) one after another
 * and prints their figures. Pass names to run some: `pnpm bench slots`; flags (`--write`) are
 * handed to each benchmark. The growth benchmark (ten minutes, a 1.3 GB seed) runs only when named.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith('--'));
const flags = args.filter((arg) => arg.startsWith('--'));
const ONLY_WHEN_NAMED = ['growth.bench.ts'];
const files = readdirSync('bench')
  .filter((file) => /\.bench\.(ts|mjs)$/.test(file))
  .filter((file) => (only.length === 0 ? !ONLY_WHEN_NAMED.includes(file) : only.some((name) => file.startsWith(name))))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n=== ${file}`);
  // Benchmarks stand on the test clock (scripts/test-clock.mjs) like the tests: same data every day.
  const clock = `--import=${pathToFileURL('scripts/test-clock-install.mjs').href}`;
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, clock].filter(Boolean).join(' ') };
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', `bench/${file}`, ...flags], { stdio: 'inherit', env });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
