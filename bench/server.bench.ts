/**
 * `pnpm bench server`: the reference server's capacity under an open model of arrivals, on SQLite
 * and, when DATABASE_URL points at one, PostgreSQL. For slot search, hold and booking it steps
 * the arrival rate up (25, 50, 100 ... per second, STEP_SECONDS each) and reports p50/p99 latency
 * (from each request's scheduled start, so queueing shows) and errors per step, and the highest
 * rate whose p99 stayed under 100 ms with no errors. An operation stops stepping after two steps
 * in a row over that line. The generator is bench/open-model-load.ts (why not autocannon: there).
 *
 * The server runs in its own process as `pnpm server` runs it, with the demo practice seeded.
 * Holds and bookings take slots that do not overlap, spread over many days and three providers,
 * so none fails for want of a free slot. Each request comes from its own client address (through
 * X-Forwarded-For, the server trusting its proxy), so the abuse limits stay on, with their cost,
 * without one address tripping them. `--write` writes the table into packages/server/README.md
 * (figure `server-capacity`, see scripts/doc-figures.mjs); `--write=NAME` writes figure
 * `server-capacity:NAME` instead. PXM_BENCH_SERVER names another entry point to run (a copy of
 * another version's packages/server/src/cli.ts, kept inside packages/server so it resolves the
 * same dependencies): runs of two versions taken in turn compare them on the same machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPostgres } from '@pxm/server';
import { updateDocFigures } from '../scripts/doc-figures.mjs';
import { keepAliveAgent, passed as passedLine, runClosed, runStep, send, stepUp as stepUpRates, type LoadTarget, type PlannedRequest, type StepFigures } from './open-model-load.js';

const NOW = '2027-03-01T16:00:00Z';
const RATES = [25, 50, 100, 200, 400, 800];
const STEP_SECONDS = 3;
const P99_LIMIT_MS = 100;
const SEARCH = '/booking/slots?locationId=denver-highlands&appointmentTypeId=follow-up&from=2027-03-08T00:00:00-07:00&to=2027-03-22T00:00:00-06:00';
const DATABASE_URL = process.env.PXM_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const WRITE = process.argv.find((arg) => arg === '--write' || arg.startsWith('--write='));
const FIGURE = WRITE?.startsWith('--write=') ? `server-capacity:${WRITE.slice('--write='.length)}` : 'server-capacity';
const SERVER_ENTRY = process.env.PXM_BENCH_SERVER || 'packages/server/src/cli.ts';

type Operation = 'slot search' | 'hold' | 'booking';

interface Measured {
  database: string;
  operation: Operation;
  steps: StepFigures[];
}

let addressCounter = 0;
/** A distinct client address per request (10.x.y.z), as visitors to a site would have. */
function clientHeaders(): Record<string, string> {
  const n = addressCounter++;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PXM_SEED: 'demo',
      PXM_TRUST_PROXY: '1',
      PXM_ACCESS_LOG: 'off',
      PXM_REMINDER_POLL_MS: '0',
      PXM_NOW: NOW,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /server on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

/**
 * Free slots that overlap neither one another nor anything held, taken in turn from three
 * telehealth calendars, four weeks at a time, so holds land on many days and providers.
 */
function slotSupply(target: LoadTarget) {
  const sources = [
    { query: 'locationId=phoenix-arcadia&appointmentTypeId=telehealth-check-in', weekOffset: 0, busyUntil: new Map<string, number>(), buffer: [] as string[] },
    { query: 'locationId=denver-highlands&appointmentTypeId=telehealth-check-in&providerId=ana-rivera', weekOffset: 0, busyUntil: new Map<string, number>(), buffer: [] as string[] },
  ];
  const firstDay = Date.parse('2027-03-08T00:00:00Z');
  const WEEK = 7 * 86_400_000;
  async function refill(source: (typeof sources)[number]): Promise<void> {
    const from = new Date(firstDay + source.weekOffset * WEEK).toISOString();
    const to = new Date(firstDay + (source.weekOffset + 4) * WEEK).toISOString();
    source.weekOffset += 4;
    const answer = await send(target, { method: 'GET', path: `/booking/slots?${source.query}&from=${from}&to=${to}&limit=2000`, headers: clientHeaders() });
    if (answer.status !== 200) throw new Error(`slot listing answered ${answer.status}: ${answer.body}`);
    const page = JSON.parse(answer.body) as { items: Array<{ id: string; providerId: string; start: string; end: string }> };
    for (const slot of page.items) {
      if (Date.parse(slot.start) < (source.busyUntil.get(slot.providerId) ?? 0)) continue;
      source.buffer.push(slot.id);
      source.busyUntil.set(slot.providerId, Date.parse(slot.end));
    }
  }
  return async function take(count: number): Promise<string[]> {
    const taken: string[] = [];
    while (taken.length < count) {
      for (const source of sources) {
        if (source.buffer.length === 0) await refill(source);
        const slot = source.buffer.shift();
        if (slot && taken.length < count) taken.push(slot);
      }
    }
    return taken;
  };
}

const json = { 'content-type': 'application/json' };

function holdRequest(slotId: string): PlannedRequest {
  return { method: 'POST', path: '/booking/holds', headers: { ...json, ...clientHeaders() }, body: JSON.stringify({ slotId }) };
}

let bookingCounter = 0;
function bookingRequest(holdId: string): PlannedRequest {
  const patient = { kind: 'new', firstName: 'Load', lastName: 'Test', dateOfBirth: '1990-01-01', phone: '+1 303-555-0100', email: 'load@example.com' };
  return {
    method: 'POST',
    path: '/booking/appointments',
    headers: { ...json, ...clientHeaders(), 'idempotency-key': `bench-${process.pid}-${bookingCounter++}` },
    body: JSON.stringify({ holdId, patient, consents: [{ channel: 'sms', granted: true, recordedAt: NOW }] }),
  };
}

async function stepUp(run: (rate: number) => Promise<StepFigures>, label: string): Promise<StepFigures[]> {
  return stepUpRates(RATES, P99_LIMIT_MS, run, label);
}

function passed(step: StepFigures): boolean {
  return passedLine(step, P99_LIMIT_MS);
}

async function measure(database: string, env: Record<string, string>, cleanup: () => Promise<void>): Promise<Measured[]> {
  const { url, child } = await startServer(env);
  const agent = keepAliveAgent();
  const target: LoadTarget = { origin: new URL(url), agent, now: () => performance.now(), timeoutMs: 5_000 };
  const take = slotSupply(target);
  const created = (status: number) => status === 201;
  try {
    console.log(`${database}:`);
    // Warm-up (not measured): JIT, catalogue cache, connections.
    await runClosed(target, 100, 8, () => ({ method: 'GET', path: SEARCH, headers: clientHeaders() }));
    const warmHolds = await runClosed(target, 40, 8, ((slots) => (index: number) => holdRequest(slots[index]!))(await take(40)));
    await runClosed(target, 40, 8, (index) => bookingRequest((JSON.parse(warmHolds[index]!.body) as { id: string }).id));

    const search = await stepUp(
      (rate) => runStep(target, rate, STEP_SECONDS, () => ({ method: 'GET', path: SEARCH, headers: clientHeaders() }), (answer) => answer.status === 200),
      'slot search',
    );
    const hold = await stepUp(async (rate) => {
      const slots = await take(rate * STEP_SECONDS);
      return runStep(target, rate, STEP_SECONDS, (index) => holdRequest(slots[index]!), (answer) => created(answer.status));
    }, 'hold');
    const booking = await stepUp(async (rate) => {
      // Holds made beforehand, untimed: the step measures bookings alone.
      const slots = await take(rate * STEP_SECONDS);
      const holds = await runClosed(target, slots.length, 8, (index) => holdRequest(slots[index]!));
      const holdIds = holds.map((answer) => {
        if (answer.status !== 201) throw new Error(`preparing a hold answered ${answer.status}: ${answer.body}`);
        return (JSON.parse(answer.body) as { id: string }).id;
      });
      return runStep(target, rate, STEP_SECONDS, (index) => bookingRequest(holdIds[index]!), (answer) => created(answer.status));
    }, 'booking');
    return [
      { database, operation: 'slot search', steps: search },
      { database, operation: 'hold', steps: hold },
      { database, operation: 'booking', steps: booking },
    ];
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await cleanup();
  }
}

function highestPassing(steps: readonly StepFigures[]): string {
  let best: number | undefined;
  for (const step of steps) if (passed(step)) best = step.rate;
  return best === undefined ? `under ${RATES[0]}/s` : `${best}/s`;
}

/** Successful answers per second in the best step, however slow: what the server gets through when overrun. */
function mostAnswered(steps: readonly StepFigures[]): string {
  return `${Math.round(Math.max(...steps.map((step) => step.okPerSecond)))}/s`;
}

function cell(step: StepFigures | undefined): string {
  if (!step) return '';
  const errors = step.errors > 0 ? `, ${step.errors} err` : '';
  return `${Math.round(step.p50)} / ${Math.round(step.p99)}${errors}`;
}

function table(results: readonly Measured[], load: number): string {
  const header = `| Operation | Database | Highest rate, p99 < ${P99_LIMIT_MS} ms | Most answered | ${RATES.map((rate) => `${rate}/s`).join(' | ')} |`;
  const rule = `|---|---|---|---|${RATES.map(() => '---').join('|')}|`;
  const rows = results.map(
    (result) =>
      `| ${result.operation} | ${result.database} | ${highestPassing(result.steps)} | ${mostAnswered(result.steps)} | ${RATES.map((rate) => cell(result.steps.find((step) => step.rate === rate))).join(' | ')} |`,
  );
  return [
    '',
    header,
    rule,
    ...rows,
    '',
    `Most answered: successful answers per second in the best step, however late. Cells: p50 / p99 latency in ms from the scheduled start, errors if any; empty: not run (two lower rates already missed). ${STEP_SECONDS} s per step; ${cpus().length} cores, load average ${load.toFixed(1)} when the run began.`,
    '',
  ].join('\n');
}

const load = loadavg()[0]!;
const results: Measured[] = [];
const dir = mkdtempSync(join(tmpdir(), 'pxm-bench-'));
results.push(...(await measure('SQLite', { PXM_SQLITE_PATH: join(dir, 'bench.sqlite'), DATABASE_URL: '' }, async () => rmSync(dir, { recursive: true, force: true }))));

if (!DATABASE_URL) {
  console.log('PostgreSQL: skipped (set DATABASE_URL to a PostgreSQL database to measure it too)');
} else {
  const schema = `pxm_bench_${process.pid}`;
  results.push(
    ...(await measure('PostgreSQL', { DATABASE_URL, PXM_PG_SCHEMA: schema }, async () => {
      const db = await openPostgres({ connectionString: DATABASE_URL });
      // The job queue keeps its tables in a schema beside the server's.
      await db.exec(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`);
      await db.close();
    })),
  );
}

const figure = table(results, load);
console.log(`server: ${SERVER_ENTRY}`);
console.log(figure);
if (WRITE) {
  const { seen } = updateDocFigures({ [FIGURE]: figure }, { write: true });
  console.log(seen.has(FIGURE) ? `Wrote figure ${FIGURE} into packages/server/README.md.` : `No figure ${FIGURE} found to write.`);
}
