/** Browser tests: @web/test-runner in the system Chromium (see scripts/chromium.mjs). */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findChromium } from './chromium.mjs';

findChromium(); // installs or explains before the runner starts
const require = createRequire(import.meta.url);
const bin = require.resolve('@web/test-runner/dist/bin.js');
const result = spawnSync(process.execPath, [bin, '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
