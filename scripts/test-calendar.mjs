/**
 * `pnpm test:calendar`: the time-sensitive suites under a matrix of fixed instants and zones.
 *
 * Each run sets PXM_TEST_NOW (the instant every test file starts at, scripts/test-clock.mjs) and
 * TZ (the zone of the Node processes and of Chromium). The instants are local times at the demo
 * clinics (America/Denver): a Sunday and a Monday; the days before, of and after both US
 * daylight-saving changes of 2027; 23:59 and 00:01 across New Year; 29 February 2028. Each
 * instant runs in one of the clinic zones or UTC in turn, so every zone meets every kind of day.
 *
 *   node scripts/test-calendar.mjs [--tier node|browser|hardening ...] [--only <instant name part>]
 *
 * Node suites run at every instant; the browser suites (slower) at the five instants marked
 * `browser`, the hardening fault scenarios at the three marked `hardening`. Two runs go at once
 * (two cores). Prints a line per run and exits non-zero if any run failed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export const INSTANTS = [
  { name: 'Sunday', now: '2026-12-06T12:00:00-07:00', browser: true, hardening: true },
  { name: 'Monday', now: '2026-12-07T08:30:00-07:00' },
  { name: 'day before spring DST', now: '2027-03-13T12:00:00-07:00' },
  { name: 'spring DST day', now: '2027-03-14T03:30:00-06:00', browser: true, hardening: true },
  { name: 'day after spring DST', now: '2027-03-15T12:00:00-06:00' },
  { name: 'day before fall DST', now: '2027-11-06T12:00:00-06:00' },
  { name: 'fall DST day (repeated hour)', now: '2027-11-07T01:30:00-07:00', browser: true },
  { name: 'day after fall DST', now: '2027-11-08T12:00:00-07:00' },
  { name: '23:59 on 31 December', now: '2027-12-31T23:59:00-07:00', browser: true, hardening: true },
  { name: '00:01 on 1 January', now: '2028-01-01T00:01:00-07:00' },
  { name: '29 February 2028', now: '2028-02-29T12:00:00-07:00', browser: true },
];

/** The clinic zones of the demo practice, and UTC. */
export const ZONES = ['America/Denver', 'America/Phoenix', 'UTC'];

/** What "time-sensitive" means here: today, adherence, streaks, slots, holds, reminders, scenarios. */
const NODE_FILES = [
  'packages/core/test/hep-adherence.test.ts',
  'packages/core/test/hep-progress.test.ts',
  'packages/core/test/hep-reminders.test.ts',
  'packages/core/test/hep-schedule.test.ts',
  'packages/core/test/hep-log-outbox.test.ts',
  'packages/core/test/slot-engine.test.ts',
  'packages/core/test/booking-calendar.test.ts',
  'packages/core/test/booking-demo.test.ts',
  'packages/core/test/booking-series.test.ts',
  'packages/core/test/booking-rules.test.ts',
  'packages/core/test/late-change.test.ts',
  'packages/core/test/zoned-time.test.ts',
  'packages/core/test/ics.test.ts',
  'packages/adapter-memory/test/memory-adapter.test.ts',
  'packages/adapter-memory/test/memory-hep.test.ts',
  'packages/adapter-testkit/test/memory.contract.test.ts',
  'packages/server/test/reminders.test.ts',
];
const BROWSER_FILES = ['packages/elements/src/hep-viewer/*.test.ts', 'packages/elements/src/booking/booking-{flow,time-zones,manage}.test.ts'];
const HARDENING_FILES = ['faults'];

function tiersFor(instant, wanted) {
  const tiers = ['node'];
  if (instant.browser) tiers.push('browser');
  if (instant.hardening) tiers.push('hardening');
  return tiers.filter((tier) => wanted.length === 0 || wanted.includes(tier));
}

function commandFor(tier) {
  const clock = `--import=${new URL('./test-clock-install.mjs', import.meta.url).href}`;
  if (tier === 'node') {
    return { args: ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=dot', ...NODE_FILES], nodeOptions: clock };
  }
  // One test file at a time: the Node lane runs beside it on the other core.
  if (tier === 'browser') return { args: ['scripts/test-browser.mjs', '--concurrency', '1', '--files', ...BROWSER_FILES] };
  return { args: ['--conditions=source', '--import', 'tsx', 'packages/hardening/run.ts', ...HARDENING_FILES] };
}

function run(job) {
  const { args, nodeOptions } = commandFor(job.tier);
  const env = { ...process.env, PXM_TEST_NOW: job.instant.now, TZ: job.zone };
  delete env.PXM_TEST_NOW_ANCHOR;
  if (nodeOptions) env.NODE_OPTIONS = [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' ');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ ...job, ok: code === 0, seconds: (performance.now() - started) / 1000, output }));
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const wanted = argv.flatMap((arg, i) => (argv[i - 1] === '--tier' ? [arg] : []));
  const only = argv.flatMap((arg, i) => (argv[i - 1] === '--only' ? [arg] : []));
  const instants = INSTANTS.filter((instant) => only.length === 0 || only.some((part) => instant.name.includes(part)));
  // Each instant keeps its zone whatever is filtered out, so `--only` reproduces a CI run exactly.
  const zoneOf = (instant) => ZONES[INSTANTS.indexOf(instant) % ZONES.length];
  const jobs = instants.flatMap((instant) => tiersFor(instant, wanted).map((tier) => ({ instant, tier, zone: zoneOf(instant) })));
  // Two lanes for two cores: the browser and hardening runs one after another (they share the
  // hardening figures folder and a Chromium each), the Node runs beside them.
  const heavy = jobs.filter((job) => job.tier !== 'node');
  const light = jobs.filter((job) => job.tier === 'node');
  const lanes = availableParallelism() > 1 ? [heavy, light] : [[...heavy, ...light]];
  const results = [];
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const job of lane) {
        const result = await run(job);
        results.push(result);
        console.log(`[calendar] ${result.ok ? 'ok  ' : 'FAIL'} ${job.tier.padEnd(9)} ${job.instant.name.padEnd(28)} ${job.instant.now} TZ=${job.zone.padEnd(15)} ${result.seconds.toFixed(1)} s`);
        if (!result.ok) console.log(result.output.split('\n').slice(-80).join('\n'));
      }
    }),
  );
  const failed = results.filter((result) => !result.ok);
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[calendar] ${results.length - failed.length} passed, ${failed.length} failed (${instants.length} instants, zones ${ZONES.join(', ')}) in ${total} s`);
  process.exit(failed.length ? 1 : 0);
}

await main();
