/**
 * `pnpm bench`: runs every benchmark in bench/ (`*.bench.ts` or `*.bench.mjs`) one after another
 * and prints their figures. Pass names to run some: `pnpm bench slots`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((file) => /\.bench\.(ts|mjs)$/.test(file))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
