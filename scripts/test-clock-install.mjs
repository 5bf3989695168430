/**
 * Installs the test clock (scripts/test-clock.mjs) in this Node process. Loaded with
 * `--import` by the test runners; processes a test file starts inherit it through
 * NODE_OPTIONS and share the file's start through PXM_TEST_NOW_ANCHOR.
 */
import { installShiftedDate, testInstant } from './test-clock.mjs';

const realNow = Date.now();
const inherited = Number(process.env.PXM_TEST_NOW_ANCHOR);
const anchor = Number.isFinite(inherited) && inherited > 0 ? inherited : realNow;
installShiftedDate(testInstant(), anchor);
// A test file's own process fixes the anchor for the processes it starts; the runner that only
// spawns test files does not, so each file starts at PXM_TEST_NOW.
if (!process.execArgv.includes('--test') && !process.env.PXM_TEST_NOW_ANCHOR) process.env.PXM_TEST_NOW_ANCHOR = String(anchor);
