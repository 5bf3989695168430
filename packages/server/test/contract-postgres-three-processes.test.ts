/**
 * Three server processes that only serve HTTP (`PXM_WORKER=off`) and one `pxm-server worker`,
 * all on one PostgreSQL database, as a practice group would run them behind a load balancer.
 * Every request goes to a different process than the one before, so every read after a write
 * crosses processes; the rules still hold because the database keeps them, not any one process.
 * The processes start once for the file; each test still gets a fresh backend
 * (process-deployment.ts).
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { bookingSuite, CONTRACT_NOW } from '@pxm/adapter-testkit';
import { AdapterError, type BookingApi } from '@pxm/core';
import pg from 'pg';
import { jobSchemaFor } from '../src/jobs/pg-boss-queue.js';
import { DATABASE_URL, dropSchema, postgresUnavailable, skipEveryCapability } from './harness.js';
import { processDeployment } from './process-deployment.js';
import { startProcessGroup } from './server-process.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL three-process suite SKIPPED: ${unavailable}`);
if (unavailable && process.env.CI) {
  it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));
}

const PROCESS_COUNT = 3;
const METRICS_TOKEN = 'three-processes-metrics-0123';
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const deployment = processDeployment({ servers: PROCESS_COUNT, worker: true, holdTtlMs: 5000, env: { PXM_METRICS_TOKEN: METRICS_TOKEN, PXM_JOB_POLL_SECONDS: '1' } });
const schema = deployment.schema;
after(() => deployment.stop());

bookingSuite({
  name: 'rest (postgres, three processes and a worker)',
  create: () => deployment.subject(),
  ...(unavailable ? { skip: skipEveryCapability(unavailable) } : {}),
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
    const cluster = await deployment.fresh();
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
    const cluster = await deployment.fresh();
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
      return jobs.length > 0 && jobs.every((job) => job.state === 'completed') ? jobs : undefined;
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
  it('each process served a third of the contract suite\'s requests', (t) => {
    const served = deployment.served;
    t.diagnostic(`requests per process: ${served.join(', ')}`);
    const total = served.reduce((sum, count) => sum + count, 0);
    assert.ok(
      served.every((count) => Math.abs(count - total / PROCESS_COUNT) <= 1 && count > 50),
      `requests per process: ${served.join(', ')}`,
    );
  });
});

describe('rest (postgres, three processes and a worker): starting', { skip: unavailable ?? false }, () => {
  it('three processes and a worker started at once on an empty database all come up', async () => {
    // Nothing prepared: they race to create the schema, migrate it and install the job queue.
    const empty = `${schema}_empty`;
    after(() => dropSchema(empty));
    const group = await startProcessGroup(PROCESS_COUNT, { DATABASE_URL, PXM_PG_SCHEMA: empty, PXM_WORKER: 'off' }, { workerEnv: {} });
    try {
      for (const url of group.urls) assert.equal((await fetch(`${url}/ready`)).status, 200, `${url} is ready`);
    } finally {
      await group.stop();
    }
  });

  it('a process that cannot start fails the group at once, and every process it started is gone', async () => {
    const children: ChildProcess[] = [];
    const startedAt = performance.now();
    // The worker refuses to start without PostgreSQL; the three servers would start fine.
    const unstarted = `${schema}_unstarted`;
    after(() => dropSchema(unstarted));
    await assert.rejects(
      startProcessGroup(PROCESS_COUNT, { DATABASE_URL, PXM_PG_SCHEMA: unstarted, PXM_WORKER: 'off' }, { workerEnv: { DATABASE_URL: '' }, onSpawn: (child) => children.push(child) }),
      /worker exited with 1: .*the worker needs PostgreSQL/s,
    );
    const seconds = (performance.now() - startedAt) / 1000;
    assert.ok(seconds < 30, `failed after ${seconds.toFixed(1)} s`);
    assert.equal(children.length, PROCESS_COUNT + 1);
    assert.deepEqual(
      children.map((child) => child.exitCode !== null || child.signalCode !== null),
      children.map(() => true),
      'every process has exited',
    );
  });
});
