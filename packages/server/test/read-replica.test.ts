/**
 * Slot searches on a real streaming replica (`DATABASE_READ_URL`, started by
 * `scripts/pg-replica.sh`; `.ci/run` does it), with replication lag made on purpose: replay is
 * paused on the replica, so it stands still while the primary moves on. The patient who just held
 * a slot never sees it free again (their fence sends their searches to the primary until the
 * replica has caught up); another patient may see the replica's stale answer, and the hold they
 * then try is checked on the primary and refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createRestAdapter } from '@pxm/adapter-rest';
import { DATABASE_URL, postgresUnavailable, startTestServer, type TestServer } from './harness.js';

const READ_URL = process.env.PXM_TEST_DATABASE_READ_URL || process.env.DATABASE_READ_URL || '';
const unavailable = (await postgresUnavailable()) ?? (READ_URL ? undefined : 'no replica URL: start one with `scripts/pg-replica.sh start 5432 5433 pxm_test` (as root) and set PXM_TEST_DATABASE_READ_URL to the URL it prints (.ci/run does)');
if (unavailable) console.log(`# read replica suite SKIPPED: ${unavailable}`);

const METRICS_TOKEN = 'replica-test-metrics-token';
const RANGE = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-12T00:00:00-07:00' };

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function replicaReads(server: TestServer): Promise<{ replica: number; primary: number }> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const count = (source: string) => Number(new RegExp(`^pxm_replica_reads_total\\{source="${source}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { replica: count('replica'), primary: count('primary') };
}

describe('read replica with read-your-writes', { skip: unavailable ?? false }, () => {
  let server: TestServer;
  let replica: pg.Client;
  let primary: pg.Client;
  before(async () => {
    replica = new pg.Client({ connectionString: READ_URL });
    primary = new pg.Client({ connectionString: DATABASE_URL });
    await Promise.all([replica.connect(), primary.connect()]);
    server = await startTestServer('postgres', { now: CONTRACT_NOW, serverOptions: { seed: 'demo', readReplica: { url: READ_URL }, metricsToken: METRICS_TOKEN } });
    // The replica has replayed the seeded practice before the test begins.
    const schema = (server.server.db.native() as { schema: string }).schema;
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    await until('the replica to replay the seed', async () => (await replica.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [rows[0]!.lsn])).rows[0].ok === true);
    assert.equal((await replica.query(`SELECT count(*)::int AS n FROM ${schema}.practice`)).rows[0].n, 1);
  });
  after(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await server?.dispose();
    await Promise.all([replica?.end(), primary?.end()]);
  });

  it('with replay paused, the patient who held sees the slot taken, a stale reader is refused the hold, and all agree once replay resumes', async () => {
    const patient = createRestAdapter({ baseUrl: server.url, retry: false }).booking!;
    const other = createRestAdapter({ baseUrl: server.url, retry: false }).booking!;
    const before = await replicaReads(server);
    const slots = await patient.findSlots(RANGE);
    const slot = slots[0]!;
    assert.ok((await replicaReads(server)).replica > before.replica, 'a search without a fence reads the replica');

    await replica.query('SELECT pg_wal_replay_pause()');
    await until('replay to pause', async () => (await replica.query("SELECT pg_get_wal_replay_pause_state() = 'paused' AS paused")).rows[0].paused === true);
    try {
      const hold = await patient.holdSlot(slot.id);
      // The patient's fence is ahead of the paused replica: their search goes to the primary.
      const primaryBefore = (await replicaReads(server)).primary;
      assert.ok(!(await patient.findSlots(RANGE)).some((candidate) => candidate.id === slot.id), 'the held slot is not offered to the patient who holds it');
      assert.ok((await replicaReads(server)).primary > primaryBefore, 'served by the primary');
      // Replication lag is real: a client with no fence still reads the replica's past.
      assert.ok((await other.findSlots(RANGE)).some((candidate) => candidate.id === slot.id), 'the lagging replica still offers the slot');
      await assert.rejects(other.holdSlot(slot.id), { code: 'slot_unavailable' }, 'the hold is checked on the primary');
      const appointment = await patient.book({
        holdId: hold.id,
        patient: { kind: 'new', firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1980-02-04', phone: '+1 303-555-0142', email: 'grace@example.com' },
        consents: [],
        idempotencyKey: 'replica-test-book',
      });
      assert.equal(appointment.start, slot.start);
      assert.ok(!(await patient.findSlots(RANGE)).some((candidate) => candidate.id === slot.id), 'the booked slot is not offered to the patient who booked it');
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
    await until('the replica to catch up', async () => !(await other.findSlots(RANGE)).some((candidate) => candidate.id === slot.id));
    const ready = await (await fetch(`${server.url}/ready`)).json();
    assert.equal(ready.replica, 'ok');
  });
  it('serves a created practice from the replica too, on the shared replica connections, in its own schema', async () => {
    await server.server.practices!.create({ id: 'replica-b', name: 'Replica B', adminApiKey: 'replica-b-admin-key-0123456789ab', settings: { seed: 'demo' } });
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    await until('the replica to replay the new practice', async () => (await replica.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [rows[0]!.lsn])).rows[0].ok === true);
    const patient = createRestAdapter({ baseUrl: `${server.url}/practices/replica-b`, retry: false }).booking!;
    const other = createRestAdapter({ baseUrl: `${server.url}/practices/replica-b`, retry: false }).booking!;
    const slot = (await patient.findSlots(RANGE))[0]!;
    await replica.query('SELECT pg_wal_replay_pause()');
    await until('replay to pause', async () => (await replica.query("SELECT pg_get_wal_replay_pause_state() = 'paused' AS paused")).rows[0].paused === true);
    try {
      await patient.holdSlot(slot.id);
      assert.ok(!(await patient.findSlots(RANGE)).some((candidate) => candidate.id === slot.id), 'the fence sends the holder to the primary');
      // Only the paused replica still offers the slot: the practice's fence-less search read it there, in the practice's schema.
      assert.ok((await other.findSlots(RANGE)).some((candidate) => candidate.id === slot.id), 'a search without a fence reads the replica');
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
  });
});
