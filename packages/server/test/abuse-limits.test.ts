/**
 * Abuse limits over HTTP, counted in the database so they hold across processes: a guessing run
 * of manage tokens is stopped with 429 problem+json and Retry-After, also when its guesses are
 * spread over two servers on one database; holds per address and renewals per hold are capped;
 * a returning-patient lookup can be tried only a few times per hold.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, DEFAULT_LIMITS, type PxmServer, type RunningServer } from '../src/index.js';
import { freshDatabase, manualClock, postgresUnavailable, type Dialect, type FreshDatabase } from './harness.js';

const limits = {
  ...DEFAULT_LIMITS,
  misses: { points: 10, seconds: 600 },
  holds: { points: 3, seconds: 3600 },
  renewals: { points: 2, seconds: 3600 },
};

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`abuse limits (${dialect})`, () => {
    let fresh: FreshDatabase;
    const servers: PxmServer[] = [];
    const running: RunningServer[] = [];

    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      const clock = manualClock(CONTRACT_NOW);
      // Two servers on one database, as two processes would be.
      for (let i = 0; i < 2; i++) {
        const server = await createPxmServer({ database: fresh.db, now: clock.now, log: false, seed: 'demo', reminders: { pollIntervalMs: false }, limits });
        servers.push(server);
        running.push(await server.listen({ port: 0 }));
      }
    });
    after(async () => {
      for (const server of servers) await server.close();
      await fresh?.dispose();
    });

    it('a guessing run of manage links is stopped with 429, across both servers', async (t) => {
      if (skip()) return t.skip(skip());
      const statuses: number[] = [];
      let stopped: Response | undefined;
      for (let i = 0; i < 40 && !stopped; i++) {
        const response = await fetch(`${running[i % 2]!.url}/booking/appointments/guess-${i.toString().padStart(4, '0')}-abcdefghijklmnop`);
        statuses.push(response.status);
        if (response.status === 429) stopped = response;
        else await response.body?.cancel();
      }
      assert.ok(stopped, `never stopped: ${statuses.join(',')}`);
      assert.ok(statuses.filter((s) => s === 404).length <= 11, `${statuses.filter((s) => s === 404).length} guesses answered`);
      assert.match(stopped.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(stopped.headers.get('retry-after')) > 0);
      const body = (await stopped.json()) as { status: number; retryable: boolean };
      assert.equal(body.status, 429);
      assert.equal(body.retryable, true);
      // The address stays stopped for valid-looking requests too, on the other server.
      assert.equal((await fetch(`${running[1]!.url}/booking/appointments/another-guess-abcdefghijklmnop`)).status, 429);
    });
  });

  describe(`hold and renewal caps (${dialect})`, () => {
    let fresh: FreshDatabase;
    let server: PxmServer;
    let url: string;
    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      server = await createPxmServer({ database: fresh.db, now: manualClock(CONTRACT_NOW).now, log: false, seed: 'demo', reminders: { pollIntervalMs: false }, limits });
      url = (await server.listen({ port: 0 })).url;
    });
    after(async () => {
      await server?.close();
      await fresh?.dispose();
    });

    it('caps holds per address and renewals per hold; a returning patient nobody matches is booked, not a countable miss', async (t) => {
      if (skip()) return t.skip(skip());
      const query = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-13T00:00:00-07:00' });
      const slots = ((await (await fetch(`${url}/booking/slots?${query}`)).json()) as { items: Array<{ id: string }> }).items;
      const post = (path: string, body?: unknown) =>
        fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `caps-${Math.random()}-0001` }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const holds = [];
      for (let i = 0; i < 4; i++) holds.push(await post('/booking/holds', { slotId: slots[i * 12]!.id }));
      assert.deepEqual(holds.map((r) => r.status), [201, 201, 201, 429]);
      const holdId = ((await holds[0]!.json()) as { id: string }).id;
      const renewals = [];
      for (let i = 0; i < 3; i++) renewals.push((await post(`/booking/holds/${holdId}/renewal`)).status);
      assert.deepEqual(renewals, [200, 200, 429]);
      // No oracle: an unmatched returning patient is booked (unverified), exactly like a match, so
      // there is nothing to guess with; the hold is then used, and every retry of it says so.
      const wrong = { kind: 'returning', lastName: 'Nobody', dateOfBirth: '1970-01-01', phone: '+1 303-555-0000' };
      const attempts = [];
      for (let i = 0; i < 3; i++) attempts.push((await post('/booking/appointments', { holdId, patient: wrong, consents: [] })).status);
      assert.deepEqual(attempts, [201, 409, 409]);
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);

describe('abuse-limit counters on PostgreSQL', () => {
  it('live in an unlogged table, also when an older version made it logged, and still count', async (t) => {
    if (postgresSkip) return t.skip(postgresSkip);
    const fresh = await freshDatabase('postgres');
    try {
      // As an older version left it: the store's own logged table, holding a counter.
      await fresh.db.exec('CREATE TABLE rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)');
      const persistence = async () =>
        (await fresh.db.get<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE oid = to_regclass('rate_limits')"))?.relpersistence;
      assert.equal(await persistence(), 'p');
      const server = await createPxmServer({ database: fresh.db, now: manualClock(CONTRACT_NOW).now, log: false, seed: 'demo', reminders: { pollIntervalMs: false }, limits });
      try {
        assert.equal(await persistence(), 'u');
        const { url } = await server.listen({ port: 0 });
        const guesses: number[] = [];
        for (let i = 0; i < 12; i++) guesses.push((await fetch(`${url}/booking/appointments/unlogged-${i.toString().padStart(4, '0')}-abcdefghijklmnop`)).status);
        assert.equal(guesses.at(-1), 429, guesses.join(','));
      } finally {
        await server.close();
      }
    } finally {
      await fresh.dispose();
    }
  });
});
