/**
 * `pnpm bench pg-statements`: what one request costs PostgreSQL, counted. The server runs in this
 * process (as `pnpm server` runs it, demo practice seeded, abuse limits on) with node-postgres's
 * `Client.prototype.query` wrapped, and requests are sent one at a time, so every statement sent
 * between a request's start and its answer is that request's. For a slot search, a hold and a
 * booking it prints the statements of one request (`--verbose`: each with its time, `+` when it
 * went out while an earlier one was unanswered, pipelined on the same connection or side by side
 * on another) and the median counts over several requests: statements, round trips waited for in
 * turn (statements sent with none outstanding), commits, and the answer's time: wall clock, and
 * this process's processor time (server and client; other work on the machine inflates it least).
 * `--write` writes the figures into packages/server/README.md (figure `server-statements`).
 * Skipped without DATABASE_URL. `--sqlite` runs the same requests on SQLite (no statements counted):
 * the processor time to hold against PostgreSQL's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as PxmServer from '@pxm/server';
import type pgModule from 'pg';
import { updateDocFigures } from '../scripts/doc-figures.mjs';

const DATABASE_URL = process.env.PXM_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const NOW = '2027-03-01T16:00:00Z';
const REPEATS = 31;
const SQLITE = process.argv.includes('--sqlite');
const WRITE = process.argv.includes('--write') && !SQLITE;
const VERBOSE = process.argv.includes('--verbose');

interface Sent {
  text: string;
  ms: number;
  /**
   * Sent while an earlier statement of the request was unanswered: pipelined behind it on the same
   * connection, or side by side on another. Either way the request does not wait for it in turn.
   */
  overlapped: boolean;
}

/** Statements of the request being recorded, sent and not yet answered. */
let outstanding = 0;

if (!DATABASE_URL && !SQLITE) {
  console.log('pg-statements: skipped (set DATABASE_URL to a PostgreSQL database)');
  process.exit(0);
}

// The server's own node-postgres (pnpm keeps it under packages/server), wrapped before it connects.
const pg = createRequire(new URL('../packages/server/package.json', import.meta.url))('pg') as typeof pgModule;
let recording: Sent[] | undefined;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function recorded(this: unknown, ...args: unknown[]) {
  const log = recording;
  if (!log) return query.apply(this, args);
  const first = args[0] as string | { text?: string; name?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? first?.name ?? '?');
  const entry: Sent = { text: text.replace(/\s+/g, ' ').trim(), ms: 0, overlapped: outstanding > 0 };
  outstanding += 1;
  log.push(entry);
  const started = performance.now();
  let answered = false;
  const done = () => {
    if (answered) return;
    answered = true;
    entry.ms = performance.now() - started;
    outstanding -= 1;
  };
  // The pool queries with a callback, a checked-out client with a promise.
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last] as (...results: unknown[]) => void;
    args[last] = (...results: unknown[]) => {
      done();
      callback(...results);
    };
  }
  const result = query.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
  return result;
} as typeof pg.Client.prototype.query;

// PXM_BENCH_SERVER (as for `pnpm bench server`): another version's cli.ts, whose index.ts is measured instead.
const entry = process.env.PXM_BENCH_SERVER ? new URL(`../${process.env.PXM_BENCH_SERVER.replace(/cli\.ts$/, 'index.ts')}`, import.meta.url).href : '@pxm/server';
const { createPxmServer, configFromEnv, openPostgres } = (await import(entry)) as typeof PxmServer;
const schema = `pxm_statements_${process.pid}`;
const sqliteDir = SQLITE ? mkdtempSync(join(tmpdir(), 'pxm-statements-')) : undefined;
const config = configFromEnv({
  ...(sqliteDir ? { PXM_SQLITE_PATH: join(sqliteDir, 'bench.sqlite') } : { DATABASE_URL, PXM_PG_SCHEMA: schema }),
  PXM_SEED: 'demo',
  PXM_TRUST_PROXY: '1',
  PXM_ACCESS_LOG: 'off',
  PXM_REMINDER_POLL_MS: '0',
  PXM_NOW: NOW,
});
// Jobs are enqueued as in production but not worked here: a worker's polling would land in the counts.
const server = await createPxmServer({ ...config.options, jobs: { ...config.options.jobs, work: false } });
const running = await server.listen({ port: 0, hostname: '127.0.0.1' });

let addressCounter = 0;
async function call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; sent: Sent[]; ms: number; cpuMs: number }> {
  const sent: Sent[] = [];
  recording = sent;
  outstanding = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const n = addressCounter++;
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n & 255}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as unknown;
  const ms = performance.now() - started;
  // This process's processor time (server and client): unlike the wall-clock time, it does not
  // grow with other work on the machine.
  const cpu = process.cpuUsage(cpuBefore);
  recording = undefined;
  return { status: response.status, json, sent, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const SEARCH = '/booking/slots?locationId=denver-highlands&appointmentTypeId=follow-up&from=2027-03-08T00:00:00-07:00&to=2027-03-22T00:00:00-06:00';
const slotPage = await call('GET', '/booking/slots?locationId=phoenix-arcadia&appointmentTypeId=telehealth-check-in&from=2027-03-08T00:00:00Z&to=2027-04-30T00:00:00Z&limit=2000');
const slots = (slotPage.json as { items: Array<{ id: string; providerId: string; start: string; end: string }> }).items;
// Slots that do not overlap: each hold finds its time free.
const free: string[] = [];
let busyUntil = 0;
for (const slot of slots) {
  if (Date.parse(slot.start) < busyUntil) continue;
  free.push(slot.id);
  busyUntil = Date.parse(slot.end);
}

const patient = { kind: 'new', firstName: 'Load', lastName: 'Test', dateOfBirth: '1990-01-01', phone: '+1 303-555-0100', email: 'load@example.com' };
const measured: Record<'slot search' | 'hold' | 'booking', Array<{ sent: Sent[]; ms: number; cpuMs: number }>> = { 'slot search': [], hold: [], booking: [] };
for (let i = 0; i < REPEATS + 2; i++) {
  const search = await call('GET', SEARCH);
  if (search.status !== 200) throw new Error(`search answered ${search.status}`);
  const hold = await call('POST', '/booking/holds', { slotId: free[i] });
  if (hold.status !== 201) throw new Error(`hold answered ${hold.status}: ${JSON.stringify(hold.json)}`);
  const booking = await call(
    'POST',
    '/booking/appointments',
    { holdId: (hold.json as { id: string }).id, patient, consents: [{ channel: 'sms', granted: true, recordedAt: NOW }] },
    { 'idempotency-key': `statements-${i}` },
  );
  if (booking.status !== 201) throw new Error(`booking answered ${booking.status}: ${JSON.stringify(booking.json)}`);
  // The first two warm up (catalogue cache, prepared statements, connections).
  if (i < 2) continue;
  measured['slot search'].push(search);
  measured.hold.push(hold);
  measured.booking.push(booking);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Statements in a transaction, BEGIN and COMMIT included; a write outside one commits on its own. */
function countsOf(sent: Sent[]) {
  const commits = sent.filter((entry) => /^COMMIT\b/i.test(entry.text)).length;
  return { statements: sent.length, roundTrips: sent.filter((entry) => !entry.overlapped).length, commits };
}

const rows: string[] = [];
for (const [operation, runs] of Object.entries(measured)) {
  const example = runs[Math.floor(runs.length / 2)]!;
  if (VERBOSE) {
    console.log(`\n${operation}: ${example.sent.length} statements, ${example.ms.toFixed(1)} ms`);
    for (const entry of example.sent) console.log(`  ${entry.overlapped ? '+' : ' '} ${entry.ms.toFixed(2).padStart(6)} ms  ${entry.text.slice(0, 140)}`);
  }
  const statements = median(runs.map((run) => countsOf(run.sent).statements));
  const roundTrips = median(runs.map((run) => countsOf(run.sent).roundTrips));
  const commits = median(runs.map((run) => countsOf(run.sent).commits));
  const ms = median(runs.map((run) => run.ms));
  const cpuMs = median(runs.map((run) => run.cpuMs));
  rows.push(`| ${operation} | ${statements} | ${roundTrips} | ${commits} | ${ms.toFixed(1)} | ${cpuMs.toFixed(1)} |`);
}

const figure = [
  '',
  '| Request | Statements | Round trips waited for in turn | Commits | Median answer, ms | Node processor time, ms |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  `Median of ${REPEATS} requests sent one at a time (\`pnpm bench pg-statements\`), server and PostgreSQL on the same machine; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (the times move with it, the counts do not).`,
  '',
].join('\n');
console.log(figure);

await server.close();
if (sqliteDir) {
  rmSync(sqliteDir, { recursive: true, force: true });
} else {
  const cleanup = await openPostgres({ connectionString: DATABASE_URL });
  await cleanup.exec(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`);
  await cleanup.close();
}
if (WRITE) {
  const { seen } = updateDocFigures({ 'server-statements': figure }, { write: true });
  console.log(seen.has('server-statements') ? 'Wrote figure server-statements into packages/server/README.md.' : 'No figure server-statements found to write.');
}
