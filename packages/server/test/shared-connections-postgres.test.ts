/**
 * Practices on PostgreSQL share one process's connections and one job queue. A connection
 * serves whichever practice checks it out, pointed at that practice's schema first: these tests
 * interleave two practices over a single connection (named prepared statements included) and
 * check neither ever reads the other's rows; open 50 practices in one process and count its
 * connections in `pg_stat_activity`; and run a practice's job from the shared queue.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { requireCapability } from '@pxm/core';
import { createPxmServer, openPostgres, type Database, type PxmServer } from '../src/index.js';
import { practiceSpace } from '../src/tenancy/practice-space.js';
import { DATABASE_URL, dropSchema, freshSchemaName, manualClock, postgresUnavailable, TEST_LIMITS } from './harness.js';

const unavailable = await postgresUnavailable();
const PRACTICE_COUNT = 50;
const POOL_MAX = 10;

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('practices sharing connections on PostgreSQL', { skip: unavailable ?? false }, () => {
  const schemas: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    for (const schema of schemas) await dropSchema(schema);
  });

  it('never lets one connection serving two practices read the other practice rows (pool of one)', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const root = await openPostgres({ connectionString: DATABASE_URL, schema, maxConnections: 1 });
    closers.push(() => root.close());
    const spaceA = (await practiceSpace(root, 'iso-a')) as Database;
    const spaceB = (await practiceSpace(root, 'iso-b')) as Database;
    for (const [space, label] of [
      [spaceA, 'a'],
      [spaceB, 'b'],
    ] as const) {
      await space.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, owner TEXT NOT NULL)');
      await space.transaction(async (tx) => {
        for (let id = 1; id <= 3; id++) await tx.run('INSERT INTO notes (id, owner) VALUES ($1, $2)', [id, label]);
      });
    }
    const pids = new Set<number>();
    // The same statement texts (so the same named prepared statements) from both practices, interleaved.
    const work = Array.from({ length: 40 }, (_, index) => {
      const [space, label] = index % 2 === 0 ? ([spaceA, 'a'] as const) : ([spaceB, 'b'] as const);
      if (index % 4 < 2) {
        return (async () => {
          const rows = await space.all<{ owner: string }>('SELECT owner FROM notes WHERE id >= $1', [1]);
          pids.add((await space.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid);
          return rows.map((row) => row.owner);
        })();
      }
      return space.transaction(async (tx) => {
        await tx.run('INSERT INTO notes (id, owner) VALUES ($1, $2)', [100 + index, label]);
        const rows = await tx.all<{ owner: string }>('SELECT owner FROM notes WHERE id >= $1', [1]);
        await tx.run('DELETE FROM notes WHERE id = $1', [100 + index]);
        return rows.map((row) => row.owner);
      });
    });
    const results = await Promise.all(work);
    results.forEach((owners, index) => {
      const label = index % 2 === 0 ? 'a' : 'b';
      assert.ok(owners.length >= 3, `request ${index} saw its practice's rows`);
      assert.deepEqual(new Set(owners), new Set([label]), `request ${index} saw only practice ${label}`);
    });
    assert.equal(pids.size, 1, 'every request ran on the one connection');
  });

  it('keeps two practices apart when their HTTP requests interleave over a pool of one connection', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const db = await openPostgres({ connectionString: DATABASE_URL, schema, maxConnections: 1 });
    const server = await createPxmServer({ database: db, now: manualClock(CONTRACT_NOW).now, log: false, seed: 'none', limits: TEST_LIMITS, reminders: { pollIntervalMs: false }, jobs: { work: false } });
    const running = await server.listen({ port: 0, hostname: '127.0.0.1' });
    closers.push(async () => {
      await running.close();
      await server.close();
      await db.close();
    });
    const booking = async (id: string) => {
      await server.practices!.create({ id, name: id, adminApiKey: `${id}-admin-key-0123456789abcdef`, settings: { seed: 'demo' } });
      return requireCapability(createRestAdapter({ baseUrl: `${running.url}/practices/${id}`, timeoutMs: 15_000 }), 'booking');
    };
    const [first, second] = [await booking('http-a'), await booking('http-b')];
    const search = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
    // The same demo catalogue in both: a slot held in the first practice stays free in the second.
    const [slot] = await first.findSlots(search);
    await first.holdSlot(slot!.id);
    const searches = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? first : second).findSlots(search)));
    searches.forEach((slots, index) => {
      assert.ok(slots.length > 0);
      assert.equal(slots.some((free) => free.id === slot!.id), index % 2 === 1, `search ${index} answered from its own practice`);
    });
  });

  it(`holds at most ${POOL_MAX} connections with ${PRACTICE_COUNT} practices open, jobs worked`, async (t) => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const applicationName = `pxm-test-${schema}`;
    const db = await openPostgres({ connectionString: DATABASE_URL, schema, maxConnections: POOL_MAX, applicationName });
    const clock = manualClock(CONTRACT_NOW);
    const server: PxmServer = await createPxmServer({
      database: db,
      now: clock.now,
      log: false,
      seed: 'none',
      limits: TEST_LIMITS,
      reminders: { pollIntervalMs: false },
      jobs: { work: true, pollingSeconds: 1 },
    });
    closers.push(async () => {
      await server.close();
      await db.close();
    });
    for (let index = 0; index < PRACTICE_COUNT; index++) {
      await server.practices!.create({ id: `scale-${index}`, name: `Scale ${index}`, adminApiKey: `scale-admin-key-${index}-0123456789abcdef` });
    }
    const opened = await server.practices!.opened();
    assert.equal(opened.length, PRACTICE_COUNT);
    // Every practice at work at once: a read, a transaction, and a job each.
    await Promise.all(
      opened.map(async (practice) => {
        await practice.db.all('SELECT id FROM appointments');
        await practice.db.transaction((tx) => practice.jobs.enqueue(tx, 'pxm-hold-expiry', { holdId: 'none' }));
      }),
    );
    await until('every practice job to run', async () => {
      const ran = opened.filter((practice) => (practice.jobs.runs.get('pxm-hold-expiry')?.completed ?? 0) > 0).length;
      return ran === PRACTICE_COUNT ? ran : undefined;
    });
    // A cron run (as pg-boss's schedule sends it) fans out: the default practice and each of the 50 run it.
    await db.transaction((tx) => server.jobs.enqueue(tx, 'pxm-purge', { everyPractice: true }));
    await until('the purge in every practice', async () => {
      const ran = opened.filter((practice) => (practice.jobs.runs.get('pxm-purge')?.completed ?? 0) > 0).length;
      return ran === PRACTICE_COUNT && (server.jobs.runs.get('pxm-purge')?.completed ?? 0) > 0 ? ran : undefined;
    });
    const [row] = await db.all<{ connections: number }>('SELECT count(*)::int AS connections FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    t.diagnostic(`${PRACTICE_COUNT} practices open, their jobs and a fanned-out cron run worked: ${row!.connections} connections (pool max ${POOL_MAX})`);
    assert.ok(row!.connections >= 1 && row!.connections <= POOL_MAX, `${row!.connections} connections`);
    const jobSchemas = await db.all<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) AND nspname LIKE '%\\_jobs'", [`${schema}_p_`]);
    assert.deepEqual(jobSchemas, [], 'no practice has a job queue of its own');
  });

  it('enqueues a practice job in the shared queue, in the practice transaction (a rolled-back change leaves none)', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const db = await openPostgres({ connectionString: DATABASE_URL, schema, maxConnections: 4 });
    const clock = manualClock(CONTRACT_NOW);
    const server = await createPxmServer({ database: db, now: clock.now, log: false, seed: 'none', limits: TEST_LIMITS, reminders: { pollIntervalMs: false }, jobs: { work: false } });
    closers.push(async () => {
      await server.close();
      await db.close();
    });
    await server.practices!.create({ id: 'queue-a', name: 'A', adminApiKey: 'queue-a-admin-key-0123456789abcdef' });
    const practice = (await server.practices!.serverFor('queue-a'))!;
    // A rolled-back change leaves no job behind; a committed one leaves its job, tagged with the practice.
    await assert.rejects(
      practice.db.transaction(async (tx) => {
        await practice.jobs.enqueue(tx, 'pxm-hold-expiry', { holdId: 'rolled-back' });
        throw new Error('refused');
      }),
    );
    await practice.db.transaction((tx) => practice.jobs.enqueue(tx, 'pxm-hold-expiry', { holdId: 'kept' }));
    const jobs = await db.all<{ data: Record<string, unknown> }>(`SELECT data FROM ${schema}_jobs.job WHERE name = 'pxm-hold-expiry'`);
    assert.deepEqual(
      jobs.map((job) => job.data),
      [{ holdId: 'kept', practice: 'queue-a' }],
    );
  });
});
