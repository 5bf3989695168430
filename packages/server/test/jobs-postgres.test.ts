/**
 * Background jobs on PostgreSQL (pg-boss). A job is enqueued in the transaction of the change
 * that causes it (a refused hold leaves none), and runs exactly once in effect even when the
 * worker running it is killed with -9: the job stays active, pg-boss gives it back once its time
 * limit passes, a restarted worker runs it again, and the receiver, which records deliveries by
 * their idempotency key, holds one.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import type { BookingApi } from '@pxm/core';
import { DATABASE_URL, postgresUnavailable, startTestServer, type TestServer } from './harness.js';
import { startWorkerProcess } from './server-process.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL job queue suite SKIPPED: ${unavailable}`);
if (unavailable && process.env.CI) {
  it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));
}

const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const SECRET_KEY = 'jobs-test-secret-key-jobs-test-secret-key';
const WEBHOOK_SECRET = 'jobs-test-webhook-secret-0123456789abcdef';
const at = CONTRACT_NOW.toISOString();

function schemaOf(server: TestServer): string {
  const native = server.server.db.native();
  assert.equal(native.dialect, 'postgres');
  return (native as { schema: string }).schema;
}

async function jobRows(server: TestServer, name: string) {
  return server.server.db.all<{ id: string; state: string; data: { holdId?: string } | null; singleton_key: string | null; retry_count: number }>(
    `SELECT id, state, data, singleton_key, retry_count FROM ${schemaOf(server)}_jobs.job WHERE name = $1 ORDER BY created_on`,
    [name],
  );
}

async function book(api: BookingApi) {
  const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
  const hold = await api.holdSlot(slots[0]!.id);
  return api.book({
    holdId: hold.id,
    patient: { kind: 'new', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1980-02-04', phone: '+1 303-555-0111', email: 'ada@example.com' },
    consents: [{ channel: 'sms', granted: true, recordedAt: at }],
    idempotencyKey: `jobs-test-${slots[0]!.id}`,
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('jobs on PostgreSQL', { skip: unavailable ?? false }, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('a hold enqueues its expiry job in its own transaction; a refused hold enqueues none', async () => {
    const server = await startTestServer('postgres', { now: CONTRACT_NOW, serverOptions: { seed: 'demo', jobs: { work: false } } });
    cleanups.push(() => server.dispose());
    const api = server.adapter.booking!;
    const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
    const hold = await api.holdSlot(slots[0]!.id);
    await assert.rejects(api.holdSlot(slots[0]!.id), { code: 'slot_unavailable' });
    const jobs = await jobRows(server, 'pxm-hold-expiry');
    assert.deepEqual(
      jobs.map((job) => [job.data?.holdId, job.state]),
      [[hold.id, 'created']],
    );
    // A booking with reminders enqueues a dispatch run per due minute, shared by every visit due then.
    await api.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1980-02-04', phone: '+1 303-555-0111', email: 'ada@example.com' },
      consents: [{ channel: 'sms', granted: true, recordedAt: at }],
      idempotencyKey: 'jobs-test-dispatch',
    });
    const dispatches = await jobRows(server, 'pxm-reminder-dispatch');
    assert.equal(dispatches.length, 2);
    assert.ok(dispatches.every((job) => job.singleton_key?.startsWith('due-')));
  });

  it('a worker killed with -9 mid-job: the job is run again by the next worker, its effect lands once, no job is lost', async (t) => {
    const server = await startTestServer('postgres', {
      now: CONTRACT_NOW,
      serverOptions: { seed: 'demo', secretKey: SECRET_KEY, jobs: { work: false, timeoutSeconds: 3 } },
    });
    cleanups.push(() => server.dispose());
    const appointment = await book(server.adapter.booking!);
    const [reminder] = await server.server.db.all<{ id: string; due_at: number }>(
      // The earliest of the visit's reminders (the offsets are the practice's: 2 days and 2 hours by default).
      'SELECT id, due_at FROM reminders WHERE appointment_id = $1 ORDER BY due_at LIMIT 1',
      [appointment.id],
    );
    assert.ok(reminder);

    // The receiver keeps each delivery once, by its idempotency key; it never answers the first.
    const attempts: string[] = [];
    const received = new Set<string>();
    let firstArrived: () => void = () => undefined;
    const firstInFlight = new Promise<void>((resolve) => (firstArrived = resolve));
    const receiver = createServer((request: IncomingMessage, response) => {
      const key = String(request.headers['idempotency-key']);
      attempts.push(key);
      request.resume();
      if (attempts.length === 1) {
        firstArrived();
        return; // hangs until the worker dies
      }
      received.add(key);
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));
    receiver.on('connection', (socket) => cleanups.push(async () => socket.destroy()));

    const workerEnv = (nowMs: number) => ({
      DATABASE_URL,
      PXM_PG_SCHEMA: schemaOf(server),
      PXM_SECRET_KEY: SECRET_KEY,
      PXM_REMINDER_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/reminders`,
      PXM_REMINDER_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PXM_REMINDER_POLL_MS: '0',
      PXM_JOB_TIMEOUT_SECONDS: '3',
      PXM_JOB_MAINTENANCE_SECONDS: '1',
      PXM_JOB_POLL_SECONDS: '1',
      // The worker's clock starts at this instant (its own start: no shared anchor is needed).
      PXM_NOW: new Date(nowMs).toISOString(),
    });
    let worker: ChildProcess = await startWorkerProcess(workerEnv(reminder.due_at + 60_000));
    cleanups.push(async () => worker.kill('SIGKILL'));
    await server.server.db.transaction((tx) => server.server.jobs.enqueue(tx, 'pxm-reminder-dispatch', { test: 'kill' }));
    await firstInFlight;

    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    const killedAt = performance.now();
    await exited;
    const killedJob = (await jobRows(server, 'pxm-reminder-dispatch')).find((job) => (job.data as { test?: string } | null)?.test === 'kill');
    assert.equal(killedJob?.state, 'active', 'the job was in hand when its worker died');

    // The next worker starts after the outbox's 60 s lease on the reminder has run out.
    worker = await startWorkerProcess(workerEnv(reminder.due_at + 4 * 60_000));
    const finished = await until('the killed job to complete', async () => {
      const job = (await jobRows(server, 'pxm-reminder-dispatch')).find((row) => row.id === killedJob!.id);
      return job?.state === 'completed' ? job : undefined;
    });
    assert.equal(finished.retry_count, 1, 'run a second time, not more');
    t.diagnostic(`killed job completed ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill (time limit 3 s, maintenance every 1 s, retry pause 5 s, worker restart included)`);
    assert.deepEqual([...received], [reminder.id], 'the delivery landed once');
    assert.equal(attempts.length, 2);
    const [row] = await server.server.db.all<{ status: string }>('SELECT status FROM reminders WHERE id = $1', [reminder.id]);
    assert.equal(row?.status, 'sent');
    const failed = await server.server.db.all(`SELECT id FROM ${schemaOf(server)}_jobs.job WHERE state = 'failed'`);
    assert.deepEqual(failed, [], 'no job gave up');
    const exitedAgain = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exitedAgain;
  });
});
