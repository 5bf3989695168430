/**
 * Three server processes that only serve HTTP (`PXM_WORKER=off`) and one `pxm-server worker`,
 * all on one PostgreSQL database: the deployment of "many practices, many machines". Every
 * request goes to a different process than the one before, so every read after a write crosses
 * processes; the rules still hold because the database keeps them, not any one process.
 *
 * The processes start once for the file (four starts per test would cost minutes). Each test
 * gets a fresh backend all the same: the schema is put back to its seeded rows before it (see
 * schema-snapshot.ts), so the processes hold nothing from one test to the next but the cached
 * catalogue, which is the same seeded catalogue.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { bookingSuite, CONTRACT_NOW } from '@pxm/adapter-testkit';
import { AdapterError, type BookingApi } from '@pxm/core';
import pg from 'pg';
import { createPxmServer } from '../src/index.js';
import { jobSchemaFor } from '../src/jobs/pg-boss-queue.js';
import { DATABASE_URL, dropSchema, freshSchemaName, postgresUnavailable } from './harness.js';
import { snapshotSchema, type SchemaSnapshot } from './schema-snapshot.js';
import { roundRobinFetch, startProcessGroup, type ProcessGroup } from './server-process.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL three-process suite SKIPPED: ${unavailable}`);
if (unavailable && process.env.CI) {
  it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));
}

const PROCESS_COUNT = 3;
// Real time passes in the child processes, so holds are short enough to outwait; all four
// processes read one clock (PXM_NOW at PXM_NOW_AT), so a hold lapses at one instant for all.
const holdTtlMs = 5000;
const METRICS_TOKEN = 'three-processes-metrics-0123';
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const schema = freshSchemaName();
const served = Array.from({ length: PROCESS_COUNT }, () => 0);

interface Deployment {
  processes: ProcessGroup;
  seeded: SchemaSnapshot;
}

let deployment: Promise<Deployment> | undefined;

/**
 * The processes, started on first use, with the database put back to its seeded rows. A failed
 * start fails every test at once (the start is not retried, and nothing waits on it).
 */
async function freshDeployment(): Promise<ProcessGroup> {
  deployment ??= (async () => {
    // Migrated and seeded here first, so the processes start at once and find the work done.
    const setup = await createPxmServer({ database: { url: DATABASE_URL, schema }, now: () => CONTRACT_NOW, log: false, reminders: { pollIntervalMs: false }, jobs: { work: false } });
    await setup.close();
    const env = {
      DATABASE_URL,
      PXM_PG_SCHEMA: schema,
      PXM_NOW: CONTRACT_NOW.toISOString(),
      PXM_NOW_AT: String(Date.now()),
      PXM_HOLD_TTL_MS: String(holdTtlMs),
      PXM_METRICS_TOKEN: METRICS_TOKEN,
      // One test address makes far more holds than a visitor may: the limits are another suite's.
      PXM_LIMITS: 'off',
      // Servers only enqueue; the worker runs every job, looking for them every second.
      PXM_WORKER: 'off',
      PXM_JOB_POLL_SECONDS: '1',
      PXM_REMINDER_POLL_MS: '0',
      PXM_REFERRAL_POLL_MS: '0',
    };
    const processes = await startProcessGroup(PROCESS_COUNT, env, { workerEnv: {} });
    return { processes, seeded: await snapshotSchema(DATABASE_URL, schema) };
  })();
  const { processes, seeded } = await deployment;
  await seeded.restore();
  return processes;
}

after(async () => {
  if (!deployment) return;
  const started = await deployment.catch(() => undefined);
  await started?.processes.stop();
  await started?.seeded.drop();
  await dropSchema(schema);
});

// One rotation for the whole file: whatever test makes the next call, it goes to the next process.
let rotation: typeof fetch | undefined;

bookingSuite({
  name: 'rest (postgres, three processes and a worker)',
  async create() {
    const processes = await freshDeployment();
    rotation ??= roundRobinFetch(processes.urls, served);
    const adapter = createRestAdapter({ baseUrl: processes.urls[0]!, fetch: rotation, timeoutMs: 15_000 });
    return { adapter, holdTtlMs };
  },
  ...(unavailable ? { skip: { booking: unavailable } } : {}),
});

/** One reply as the client saw it: which process, what status, which problem code. */
interface Reply {
  process: number;
  path: string;
  status: number;
  code: string | undefined;
  contentType: string;
}

/** An adapter bound to one process that records every reply it gets. */
function recordingAdapter(url: string, process: number, replies: Reply[]): BookingApi {
  const recording: typeof fetch = async (input, init) => {
    const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname;
    const response = await fetch(input, init);
    const contentType = response.headers.get('content-type') ?? '';
    const code = contentType.includes('problem+json') ? ((await response.clone().json()) as { code?: string }).code : undefined;
    replies.push({ process, path, status: response.status, code, contentType });
    return response;
  };
  return createRestAdapter({ baseUrl: url, fetch: recording, timeoutMs: 30_000 }).booking!;
}

async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('rest (postgres, three processes and a worker): one slot, one queue', { skip: unavailable ?? false }, () => {
  it('50 concurrent bookings of one slot, spread evenly over the three processes: one winner, 49 clean 409 slot_unavailable, one appointment', async () => {
    const cluster = await freshDeployment();
    const replies: Reply[] = [];
    const apis = cluster.urls.map((url, index) => recordingAdapter(url, index, replies));
    const [slot] = await apis[1]!.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
    assert.ok(slot, 'the demo practice has free slots');
    replies.length = 0;

    // Attempt i goes to process i mod 3 (17, 17 and 16 attempts), each a hold then a booking.
    const attempts = Array.from({ length: 50 }, async (_, index) => {
      const api = apis[index % PROCESS_COUNT]!;
      const hold = await api.holdSlot(slot.id);
      return api.book({
        holdId: hold.id,
        patient: { kind: 'new', firstName: 'Race', lastName: `Patient ${index}`, dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: `race${index}@example.com` },
        consents: [{ channel: 'sms', granted: true, recordedAt: CONTRACT_NOW.toISOString() }],
        idempotencyKey: `three-processes-race-${index}`,
      });
    });
    const results = await Promise.allSettled(attempts);
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    assert.equal(won.length, 1, 'one booking wins');
    assert.equal(lost.length, 49);
    for (const reason of lost) {
      assert.ok(AdapterError.is(reason), String(reason));
      assert.equal(reason.code, 'slot_unavailable');
    }

    // On the wire: every process took its share, nothing was a 5xx, every refusal a 409 problem.
    assert.deepEqual(
      cluster.urls.map((_, index) => replies.filter((reply) => reply.process === index && reply.path.endsWith('/booking/holds')).length),
      [17, 17, 16],
    );
    assert.deepEqual(replies.filter((reply) => reply.status >= 500), [], 'no 5xx');
    const refusals = replies.filter((reply) => reply.status >= 400);
    assert.equal(refusals.length, 49);
    for (const refusal of refusals) {
      assert.equal(refusal.status, 409);
      assert.equal(refusal.code, 'slot_unavailable');
      assert.match(refusal.contentType, /^application\/problem\+json/);
    }
    assert.equal(replies.filter((reply) => reply.path.endsWith('/booking/appointments') && reply.status < 300).length, 1, 'one booking request succeeded');

    // And in the database: exactly one visit at that time with that provider.
    const rows = await query<{ id: string }>(`SELECT id FROM ${schema}.appointments WHERE start_ms = $1 AND provider_id = $2 AND status = 'booked'`, [
      Date.parse(slot.start),
      slot.providerId,
    ]);
    assert.deepEqual(
      rows.map((row) => row.id),
      [won[0]!.id],
    );
  });

  it('a hold expiry enqueued by one server process is run by the worker, exactly once, and by no server process', async () => {
    const cluster = await freshDeployment();
    const replies: Reply[] = [];
    const api = recordingAdapter(cluster.urls[1]!, 1, replies);
    const [slot] = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', ...RANGE });
    assert.ok(slot);
    const hold = await api.holdSlot(slot.id);
    const jobTable = `${jobSchemaFor(schema)}.job`;
    const jobsOfHold = () =>
      query<{ id: string; state: string; retry_count: number }>(`SELECT id, state, retry_count FROM ${jobTable} WHERE name = 'pxm-hold-expiry' AND data->>'holdId' = $1`, [hold.id]);
    assert.deepEqual(
      (await jobsOfHold()).map((job) => job.state),
      ['created'],
      'enqueued with the hold, waiting for its expiry',
    );

    const done = await until('the hold expiry job to complete', async () => {
      const jobs = await jobsOfHold();
      return jobs.every((job) => job.state === 'completed') ? jobs : undefined;
    });
    assert.equal(done.length, 1, 'one job');
    assert.equal(done[0]!.retry_count, 0, 'run once, never again');
    const claims = await query(`SELECT hold_id FROM ${schema}.slot_claims WHERE hold_id = $1`, [hold.id]);
    assert.deepEqual(claims, [], 'its effect landed: the lapsed hold no longer claims the slot');

    // No server process ran a job of any kind: they only enqueue, so the worker ran this one.
    for (const url of cluster.urls) {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(response.status, 200);
      const runs = (await response.text()).split('\n').filter((line) => line.startsWith('pxm_job_runs_total{') && !line.endsWith(' 0'));
      assert.deepEqual(runs, [], `job runs in the server process at ${url}`);
    }
  });
});

// Runs after the suites above: every process really served its share.
describe('rest (postgres, three processes and a worker): traffic', { skip: unavailable ?? false }, () => {
  it('each process served a third of the contract suite\'s requests', () => {
    const total = served.reduce((sum, count) => sum + count, 0);
    assert.ok(
      served.every((count) => Math.abs(count - total / PROCESS_COUNT) <= 1 && count > 50),
      `requests per process: ${served.join(', ')}`,
    );
  });
});
