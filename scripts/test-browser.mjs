/** Browser tests: @web/test-runner in the system Chromium (see scripts/chromium.mjs). */
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

findChromium(); // installs or explains before the runner starts
const result = spawnSync('node_modules/.bin/web-test-runner', ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
