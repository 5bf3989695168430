/**
 * `pnpm bench growth`: the reference server grown to many practices, on one PostgreSQL.
 *
 * 1. Seeds 50 practices with 1,000 providers between them (three large groups, seven mid-sized
 *    practices, forty small clinics), a year of visits, through the operator API and the
 *    server's own migrations (packages/server/src/seed/growth-*.ts), in its own schemas
 *    (`pxm_growth`, `pxm_growth_p_*`). A complete seed is kept and reused by later runs.
 * 2. Offers 1, 2 and 3 server processes (and one worker) an open model of load: slot search,
 *    hold and booking step up in rate; requests go round-robin over the processes and the
 *    practices. Reports the highest rate with p99 under 100 ms (no errors) for each.
 * 3. Times the reminder run of every practice's next day: the worker's clock is set to the
 *    evening when all of tomorrow's day-before reminders are due, one dispatch job per hundred
 *    of them is enqueued for each practice in the shared queue, and the clock stops when a stand-in receiver
 *    (the signed webhook's) has been handed every one.
 *
 * Every process runs at the default pool settings (one pool of 10 per process, shared by every
 * practice, pg-boss's connections included); one more run on one process with a pool of 20 shows
 * whether those 10 connections are the limit.
 *
 * While it runs it samples where the CPU went (/proc) and PostgreSQL's connections. `--write`
 * writes the tables into packages/server/README.md (figures `growth` and `growth:limits`);
 * `--quick` is a smoke run (5 practices, two process counts, short steps) that writes nothing.
 * Needs DATABASE_URL (PostgreSQL); without it the benchmark says so and stops.
 */
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createPxmServer, openPostgres, practiceSchemaName, JOB_NAMES, type Database, type PxmServer } from '@pxm/server';
import { GROWTH_PLAN, QUICK_GROWTH_PLAN, growthPracticeRequest, growthPractices, type GrowthPractice } from '../packages/server/src/seed/growth-plan.js';
import { scheduleNextDayReminders, seedGrowthPractice } from '../packages/server/src/seed/growth-seed.js';
import { updateDocFigures } from '../scripts/doc-figures.mjs';
import { cpuMark, cpuShare, machineDescription, startProcess, stopProcess, watchConnections, type ConnectionFigures, type CpuShare, type Started } from './growth-machine.js';
import { keepAliveAgent, passed, runClosed, runStep, send, stepUp, type LoadTarget, type PlannedRequest, type StepFigures } from './open-model-load.js';

const QUICK = process.argv.includes('--quick');
const WRITE = process.argv.includes('--write') && !QUICK;
const PLAN = QUICK ? QUICK_GROWTH_PLAN : GROWTH_PLAN;
const ROOT_SCHEMA = QUICK ? 'pxm_growth_quick' : 'pxm_growth';
const PROCESS_COUNTS = QUICK ? [1, 2] : [1, 2, 3];
const RATES = QUICK ? [10, 25] : [5, 10, 25, 50, 100, 200, 400];
const STEP_SECONDS = QUICK ? 2 : 3;
const P99_LIMIT_MS = 100;
/** "Now" for every process and the seed: a Monday, 08:00 on the west coast. */
const NOW = '2027-03-01T16:00:00Z';
/** The evening every day-before reminder of Tuesday's visits is due, inside every zone's sending window. */
const REMINDER_RUN_AT = '2027-03-02T01:30:00Z';
const REMINDER_RUN_LIMIT_MS = QUICK ? 60_000 : 300_000;
/** The dispatcher sends at most this many per run (src/reminders/outbox.ts), so that many runs are enqueued. */
const DISPATCH_BATCH = 100;
const APPLICATION_NAME = 'pxm-growth';
const SECRET_KEY = 'growth-bench-secret-key-0123456789abcdef';
const OPERATOR_KEY = 'growth-bench-operator-key-0123456789';
const WEBHOOK_SECRET = 'growth-bench-webhook-secret-0123456789abcdef';
/** A process's one pool, shared by every practice: the server's default size. */
const DEFAULT_POOL_SIZE = 10;
/** The comparison run's pool: twice the default, to see whether the pool is what waits. */
const LARGER_POOL_SIZE = 20;

const BASE_URL = process.env.PXM_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
if (!/^postgres(ql)?:\/\//.test(BASE_URL)) {
  console.log('growth: skipped (set DATABASE_URL to a PostgreSQL database)');
  process.exit(0);
}
const DATABASE_URL = `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}application_name=${APPLICATION_NAME}`;
const practices = growthPractices(PLAN);
const agent = keepAliveAgent();

function commonEnv(): Record<string, string> {
  return {
    DATABASE_URL,
    PXM_PG_SCHEMA: ROOT_SCHEMA,
    PORT: '0',
    HOST: '127.0.0.1',
    PXM_SEED: 'none',
    PXM_NOW: NOW,
    PXM_SECRET_KEY: SECRET_KEY,
    PXM_OPERATOR_KEY: OPERATOR_KEY,
    PXM_TRUST_PROXY: '1',
    PXM_ACCESS_LOG: 'off',
    PXM_REMINDER_POLL_MS: '0',
    PXM_REFERRAL_POLL_MS: '0',
    PXM_WORKER: 'off',
  };
}

async function openSpace(schema?: string): Promise<Database> {
  return openPostgres({ connectionString: DATABASE_URL, ...(schema ? { schema } : {}), maxConnections: 2, statementTimeoutMs: 60_000 });
}

/** True when every practice of the plan is registered and seeded. */
async function seeded(probe: Database): Promise<boolean> {
  const tables = await probe.get<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'practices'", [ROOT_SCHEMA]);
  if (!tables?.n) return false;
  const registered = await probe.get<{ n: number }>(`SELECT count(*)::int AS n FROM ${ROOT_SCHEMA}.practices WHERE id LIKE 'growth-%'`);
  if (registered?.n !== practices.length) return false;
  for (const practice of practices) {
    const row = await probe.get<{ n: number }>(`SELECT count(*)::int AS n FROM ${practiceSchemaName(ROOT_SCHEMA, practice.id)}.practice`).catch(() => undefined);
    if (!row?.n) return false;
  }
  return true;
}

async function seed(probe: Database): Promise<void> {
  if (await seeded(probe)) {
    console.log(`seed: ${practices.length} practices in ${ROOT_SCHEMA}_p_* already seeded, reused`);
    return;
  }
  const started = performance.now();
  const schemas = await probe.all<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $2", [ROOT_SCHEMA, `${ROOT_SCHEMA}\\_%`]);
  for (const { name } of schemas) await probe.exec(`DROP SCHEMA ${name} CASCADE`);
  // Practices are made the way an operator makes them: through the API of a running server.
  const server = await startProcess(commonEnv());
  const target: LoadTarget = { origin: new URL(server.url), agent, now: () => performance.now(), timeoutMs: 60_000 };
  for (const practice of practices) {
    const answer = await send(target, {
      method: 'POST',
      path: '/operator/practices',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(growthPracticeRequest(practice)),
    });
    if (answer.status !== 201) throw new Error(`creating ${practice.id} answered ${answer.status}: ${answer.body}`);
  }
  await stopProcess(server);
  let visits = 0;
  for (const practice of practices) {
    // A practice is seeded in one transaction: when other work on the shared PostgreSQL ends the
    // connection (a restart, an outage test), the practice is simply seeded again.
    for (let attempt = 1; ; attempt++) {
      const db = await openSpace(practiceSchemaName(ROOT_SCHEMA, practice.id));
      try {
        const result = await seedGrowthPractice(db, practice, PLAN, new Date(NOW));
        visits += result?.appointments ?? 0;
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        console.log(`seed: ${practice.id} interrupted (${(error as Error).message}), again`);
      } finally {
        await db.close();
      }
    }
  }
  await probe.exec('ANALYZE');
  console.log(`seed: ${practices.length} practices, ${PLAN.providers} providers, ${visits} visits in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

let addressCounter = 0;
function clientHeaders(): Record<string, string> {
  const n = addressCounter++;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/** Request n goes to process n mod N, and to the practices in turn (each practice meets every process). */
function spread(origins: readonly URL[], index: number): { origin: URL; practice: GrowthPractice } {
  return { origin: origins[index % origins.length]!, practice: practices[Math.floor(index / origins.length) % practices.length]! };
}

function searchRequest(origins: readonly URL[], index: number): PlannedRequest {
  const { origin, practice } = spread(origins, index);
  const location = practice.locations[index % practice.locations.length]!;
  const from = '2027-03-08T00:00:00Z';
  const to = '2027-03-22T00:00:00Z';
  return { origin, method: 'GET', path: `/practices/${practice.id}/booking/slots?locationId=${location.id}&appointmentTypeId=follow-up&from=${from}&to=${to}`, headers: clientHeaders() };
}

interface FreeSlot {
  practice: GrowthPractice;
  slotId: string;
}

/** Free telehealth slots that overlap nothing, a few weeks at a time, from every practice in turn. */
function slotSupply(target: LoadTarget) {
  const WEEK = 7 * 86_400_000;
  const sources = practices.map((practice) => ({ practice, weekOffset: 1, buffer: [] as string[], busyUntil: new Map<string, number>() }));
  let turn = 0;
  async function refill(source: (typeof sources)[number]): Promise<void> {
    const from = new Date(Date.parse(NOW) + source.weekOffset * WEEK).toISOString();
    const to = new Date(Date.parse(NOW) + (source.weekOffset + 2) * WEEK).toISOString();
    source.weekOffset += 2;
    const location = source.practice.locations[0]!;
    const answer = await send(target, {
      method: 'GET',
      path: `/practices/${source.practice.id}/booking/slots?locationId=${location.id}&appointmentTypeId=telehealth-check-in&from=${from}&to=${to}&limit=2000`,
      headers: clientHeaders(),
    });
    if (answer.status !== 200) throw new Error(`slot listing answered ${answer.status}: ${answer.body}`);
    for (const slot of (JSON.parse(answer.body) as { items: Array<{ id: string; providerId: string; start: string; end: string }> }).items) {
      if (Date.parse(slot.start) < (source.busyUntil.get(slot.providerId) ?? 0)) continue;
      source.buffer.push(slot.id);
      source.busyUntil.set(slot.providerId, Date.parse(slot.end));
    }
  }
  return async function take(count: number): Promise<FreeSlot[]> {
    const taken: FreeSlot[] = [];
    while (taken.length < count) {
      const source = sources[turn++ % sources.length]!;
      if (source.buffer.length === 0) await refill(source);
      const slotId = source.buffer.shift();
      if (slotId) taken.push({ practice: source.practice, slotId });
    }
    return taken;
  };
}

const json = { 'content-type': 'application/json' };
function holdRequest(origin: URL, slot: FreeSlot): PlannedRequest {
  return { origin, method: 'POST', path: `/practices/${slot.practice.id}/booking/holds`, headers: { ...json, ...clientHeaders() }, body: JSON.stringify({ slotId: slot.slotId }) };
}

let bookingCounter = 0;
function bookingRequest(origin: URL, practice: GrowthPractice, holdId: string): PlannedRequest {
  const patient = { kind: 'new', firstName: 'Load', lastName: 'Test', dateOfBirth: '1990-01-01', phone: '+1 303-555-0100', email: 'load@example.com' };
  return {
    origin,
    method: 'POST',
    path: `/practices/${practice.id}/booking/appointments`,
    headers: { ...json, ...clientHeaders(), 'idempotency-key': `growth-${process.pid}-${bookingCounter++}` },
    body: JSON.stringify({ holdId, patient, consents: [{ channel: 'sms', granted: true, recordedAt: NOW }] }),
  };
}

interface Measured {
  processes: number;
  /** The size of each server process's one pool in this run. */
  poolSize: number;
  search: StepFigures[];
  hold: StepFigures[];
  booking: StepFigures[];
  cpu: CpuShare | undefined;
  connections: ConnectionFigures;
}

async function measure(count: number, worker: Started, probe: Database, poolSize = DEFAULT_POOL_SIZE): Promise<Measured> {
  const servers: Started[] = [];
  for (let n = 0; n < count; n++) servers.push(await startProcess({ ...commonEnv(), PXM_PG_POOL_SIZE: String(poolSize) }));
  const origins = servers.map((server) => new URL(server.url));
  const target: LoadTarget = { origin: origins[0]!, agent, now: () => performance.now(), timeoutMs: 5_000 };
  const take = slotSupply(target);
  try {
    console.log(`${count} server process${count > 1 ? 'es' : ''}, a pool of ${poolSize} each:`);
    // Warm-up (not measured): every practice's catalogue in every process, and the pools filled.
    await runClosed(target, practices.length * count * 2, 8, (index) => searchRequest(origins, index));
    const watch = watchConnections(probe, APPLICATION_NAME);
    const cpuFrom = cpuMark(servers, worker, performance.now());
    const search = await stepUp(RATES, P99_LIMIT_MS, (rate) => runStep(target, rate, STEP_SECONDS, (index) => searchRequest(origins, index), (answer) => answer.status === 200), 'slot search');
    const hold = await stepUp(RATES, P99_LIMIT_MS, async (rate) => {
      const slots = await take(rate * STEP_SECONDS);
      return runStep(target, rate, STEP_SECONDS, (index) => holdRequest(origins[index % origins.length]!, slots[index]!), (answer) => answer.status === 201);
    }, 'hold');
    const booking = await stepUp(RATES, P99_LIMIT_MS, async (rate) => {
      // Holds made beforehand, untimed: the step measures bookings alone.
      const slots = await take(rate * STEP_SECONDS);
      const holds = await runClosed(target, slots.length, 8, (index) => holdRequest(origins[index % origins.length]!, slots[index]!));
      const holdIds = holds.map((answer) => {
        if (answer.status !== 201) throw new Error(`preparing a hold answered ${answer.status}: ${answer.body}`);
        return (JSON.parse(answer.body) as { id: string }).id;
      });
      return runStep(target, rate, STEP_SECONDS, (index) => bookingRequest(origins[index % origins.length]!, slots[index]!.practice, holdIds[index]!), (answer) => answer.status === 201);
    }, 'booking');
    const cpu = cpuShare(cpuFrom, cpuMark(servers, worker, performance.now()));
    return { processes: count, poolSize, search, hold, booking, cpu, connections: await watch.stop() };
  } finally {
    for (const server of servers) await stopProcess(server);
  }
}

interface ReminderRun {
  reminders: number;
  handedOver: number;
  seconds: number;
  /** Times the run found deliveries stalled and enqueued jobs for the due reminders left. */
  topUps: number;
  cpu: CpuShare | undefined;
  connections: ConnectionFigures;
}

/** The stand-in for the practices' messaging service: the signed webhook's receiver, counting distinct deliveries. */
async function standInReceiver(): Promise<{ url: string; received: Set<string>; lastAt: () => number; close(): Promise<void> }> {
  const received = new Set<string>();
  let lastAt = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = request.headers['x-pxm-delivery'];
      if (typeof id === 'string') received.add(id);
      lastAt = performance.now();
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/reminders`, received, lastAt: () => lastAt, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function reminderRun(probe: Database): Promise<ReminderRun> {
  const due = new Map<string, number>();
  for (const practice of practices) {
    const db = await openSpace(practiceSchemaName(ROOT_SCHEMA, practice.id));
    due.set(practice.id, await scheduleNextDayReminders(db, [24 * 60], new Date(NOW), new Date(Date.parse(NOW) - 7 * 86_400_000), SECRET_KEY));
    await db.close();
  }
  const reminders = [...due.values()].reduce((sum, n) => sum + n, 0);
  const receiver = await standInReceiver();
  let queue: PxmServer | undefined;
  let worker: Started | undefined;
  try {
    worker = await startProcess({ ...commonEnv(), PXM_NOW: REMINDER_RUN_AT, PXM_REMINDER_WEBHOOK_URL: receiver.url, PXM_REMINDER_WEBHOOK_SECRET: WEBHOOK_SECRET }, true);
    // The shared queue, opened as an HTTP-only process opens it (every practice with it), to enqueue into.
    queue = await createPxmServer({
      database: { url: DATABASE_URL, schema: ROOT_SCHEMA },
      now: () => new Date(REMINDER_RUN_AT),
      seed: 'none',
      log: false,
      limits: false,
      eligibility: false,
      jobs: { work: false },
      reminders: { pollIntervalMs: false },
      referrals: { pollIntervalMs: false },
      purgeIntervalMs: 24 * 3_600_000,
    });
    const practiceServers = new Map<string, PxmServer>();
    for (const practice of practices) {
      const server = await queue.practices?.serverFor(practice.id);
      if (!server) throw new Error(`practice ${practice.id} is not registered`);
      practiceServers.set(practice.id, server);
    }
    const watch = watchConnections(probe, APPLICATION_NAME);
    const cpuFrom = cpuMark([], worker, performance.now());
    const started = performance.now();
    const enqueueDispatch = async (pending: ReadonlyMap<string, number>) => {
      for (const [practiceId, count] of pending) {
        const server = practiceServers.get(practiceId)!;
        for (let run = 0; run < Math.ceil(count / DISPATCH_BATCH); run++) await server.jobs.enqueue(server.db, JOB_NAMES.reminderDispatch, {});
      }
    };
    await enqueueDispatch(due);
    // One practice's dispatch jobs may run side by side in the shared queue, and a run that finds
    // the next batch leased by its twin sends less than a hundred: when deliveries stall, each
    // practice still holding due reminders gets jobs for what is left (what the periodic dispatch does).
    let topUps = 0;
    let lastCount = -1;
    let lastChangeAt = performance.now();
    while (receiver.received.size < reminders && performance.now() - started < REMINDER_RUN_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (receiver.received.size !== lastCount) {
        lastCount = receiver.received.size;
        lastChangeAt = performance.now();
      } else if (lastCount > 0 && performance.now() - lastChangeAt > 3_000) {
        const pending = new Map<string, number>();
        for (const [practiceId, server] of practiceServers) {
          const row = await server.db.get<{ n: number }>("SELECT count(*)::int AS n FROM reminders WHERE status = 'pending' AND next_attempt_at <= $1", [Date.parse(REMINDER_RUN_AT)]);
          if (row?.n) pending.set(practiceId, row.n);
        }
        await enqueueDispatch(pending);
        topUps++;
        lastChangeAt = performance.now();
      }
    }
    const finished = receiver.received.size >= reminders ? receiver.lastAt() : performance.now();
    return { reminders, handedOver: receiver.received.size, seconds: (finished - started) / 1000, topUps, cpu: cpuShare(cpuFrom, cpuMark([], worker, performance.now())), connections: await watch.stop() };
  } finally {
    if (queue) await queue.close();
    if (worker) await stopProcess(worker);
    await receiver.close();
  }
}

/**
 * Connections an idle worker holds at the default pool settings, with every practice open: its
 * one pool (pg-boss's pollers included) is bounded by its size, whatever the number of practices.
 */
async function idleWorkerConnections(probe: Database): Promise<number | undefined> {
  // Only when PostgreSQL has room for the pool and more, so a shared server's other clients are never refused.
  const room = await probe.get<{ free: number }>("SELECT current_setting('max_connections')::int - count(*)::int AS free FROM pg_stat_activity");
  if ((room?.free ?? 0) < 2 * DEFAULT_POOL_SIZE) return undefined;
  const worker = await startProcess(commonEnv(), true);
  try {
    const watch = watchConnections(probe, APPLICATION_NAME);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    return (await watch.stop()).peakOurs;
  } finally {
    await stopProcess(worker);
  }
}

function highestPassing(steps: readonly StepFigures[]): string {
  let best: number | undefined;
  for (const step of steps) if (passed(step, P99_LIMIT_MS)) best = step.rate;
  return best === undefined ? `under ${RATES[0]}/s` : `${best}/s`;
}

function mostAnswered(steps: readonly StepFigures[]): string {
  return `${Math.round(Math.max(...steps.map((step) => step.okPerSecond)))}/s`;
}

const cores = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2));

function growthTable(results: readonly Measured[], loads: readonly number[]): string {
  const rows = results.map(
    (result) =>
      `| ${result.processes}${result.poolSize === DEFAULT_POOL_SIZE ? '' : `, a pool of ${result.poolSize}`} | ${highestPassing(result.search)} (${mostAnswered(result.search)}) | ${highestPassing(result.hold)} (${mostAnswered(result.hold)}) | ${highestPassing(result.booking)} (${mostAnswered(result.booking)}) | ${result.cpu?.load.toFixed(1) ?? ''} |`,
  );
  return [
    '',
    `| Server processes | Slot search | Hold | Booking | Load average at the end |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Each cell: the highest arrival rate whose p99 stayed under ${P99_LIMIT_MS} ms with no errors (steps ${RATES.join(', ')} per second, ${STEP_SECONDS} s each), then in brackets the most successful answers per second any step got through, however late. ${practices.length} practices, ${PLAN.providers} providers, requests round-robin over the processes and the practices; one worker process; one PostgreSQL. ${machineDescription()}, load average ${loads.map((load) => load.toFixed(1)).join(' / ')} (1 / 5 / 15 minutes) when the run began.`,
    '',
  ].join('\n');
}

function limitsTable(results: readonly Measured[], run: ReminderRun, idleWorker: number | undefined): string {
  const row = (label: string, cpu: CpuShare | undefined, connections: ConnectionFigures) =>
    `| ${label} | ${cores(cpu?.postgres)} | ${cores(cpu ? cpu.servers + cpu.worker : undefined)} | ${cores(cpu?.generator)} | ${cores(cpu?.other)} | ${connections.peakOurs} | ${connections.peakAll} of ${connections.maxConnections} | ${connections.meanActive.toFixed(1)} | ${connections.connectsPerSecond.toFixed(0)} |`;
  return [
    '',
    '| Window | PostgreSQL (cores) | Server and worker processes (cores) | Load generator (cores) | Other work on the machine (cores) | Peak connections, this run | Peak connections, everyone | Mean connections running a statement | New connections a second |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map((result) => row(`load, ${result.processes} process${result.processes > 1 ? 'es' : ''}${result.poolSize === DEFAULT_POOL_SIZE ? '' : `, pool of ${result.poolSize}`}`, result.cpu, result.connections)),
    row('reminder run (worker)', run.cpu, run.connections),
    '',
    `Reminder run: ${run.handedOver} of ${run.reminders} reminders (tomorrow's visits of all ${practices.length} practices, SMS and email) handed to the stand-in receiver in ${run.seconds.toFixed(1)} s (${(run.handedOver / Math.max(run.seconds, 0.001)).toFixed(0)} a second), from the first enqueue to the last delivery${run.topUps ? `; deliveries stalled ${run.topUps} time${run.topUps > 1 ? 's' : ''} with due reminders left (a practice's dispatch jobs running side by side), and each time the practices still holding some got jobs for the rest` : ''}. CPU in cores' worth over each window, read from /proc (2.00 is the whole machine); connections sampled from pg_stat_activity every 250 ms; one pool per process shared by every practice, ${DEFAULT_POOL_SIZE} connections at most unless the row says otherwise (the worker and the reminder run's enqueuing process at the default). ${idleWorker === undefined ? 'The idle worker was not measured (too few connections free).' : `The worker alone, idle, with all ${practices.length} practices open, held ${idleWorker} connections.`}`,
    '',
  ].join('\n');
}

const loads = loadavg();
const probe = await openSpace();
try {
  await seed(probe);
  const worker = await startProcess({ ...commonEnv(), PXM_JOB_POLL_SECONDS: '30' }, true);
  const results: Measured[] = [];
  try {
    for (const count of PROCESS_COUNTS) results.push(await measure(count, worker, probe));
    // The same load on one process with twice the pool: whether the shared pool's connections are
    // what requests wait for. Only when PostgreSQL has room for it and more.
    const room = await probe.get<{ free: number }>("SELECT current_setting('max_connections')::int - count(*)::int AS free FROM pg_stat_activity");
    if (QUICK) console.log('1 process with a larger pool: skipped (--quick)');
    else if ((room?.free ?? 0) >= 2 * LARGER_POOL_SIZE) results.push(await measure(1, worker, probe, LARGER_POOL_SIZE));
    else console.log(`1 process with a larger pool: skipped (${room?.free ?? 0} connections free, ${2 * LARGER_POOL_SIZE} wanted)`);
  } finally {
    await stopProcess(worker);
  }
  const run = await reminderRun(probe);
  const idleWorker = await idleWorkerConnections(probe);
  const growth = growthTable(results, loads);
  const limits = limitsTable(results, run, idleWorker);
  console.log(growth);
  console.log(limits);
  if (WRITE) {
    const values = { growth, 'growth:limits': limits };
    const { seen } = updateDocFigures(values, { write: true });
    console.log(`Wrote figures ${[...seen].join(', ') || '(none found)'} into packages/server/README.md.`);
  }
} finally {
  agent.destroy();
  await probe.close();
}
console.log(`${cpus().length} cores; done.`);
