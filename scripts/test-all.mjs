/** `pnpm test`: every test: Node (core, adapters, server) then browser (elements). */
import { spawnSync } from 'node:child_process';

const steps = [
  ['Node tests', ['scripts/test-node.mjs']],
  ['Browser tests', ['scripts/test-browser.mjs']],
  // Hostile pages, bad backends, failing networks, leaks: packages/hardening (docs/security.md).
  ['Hardening', ['--conditions=source', '--import', 'tsx', 'packages/hardening/run.ts']],
];

let failed = false;
for (const [name, args] of steps) {
  console.log(`\n[pxm] ${name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  console.log(`[pxm] ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
