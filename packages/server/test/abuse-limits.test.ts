/**
 * Abuse limits over HTTP, counted in the database so they hold across processes: a guessing run
 * of manage tokens is stopped with 429 problem+json and Retry-After, also when its guesses are
 * spread over two servers on one database; holds per address and renewals per hold are capped;
 * a returning-patient lookup can be tried only a few times per hold. On the routes for progress,
 * referrals, messaging and practices: referral booking links and unsubscribe links cannot be
 * guessed, nor the operator key or a practice's admin key (counted across practices), forged
 * callbacks are stopped, and ratings, referrals and referral files are capped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import { createPxmServer, DEFAULT_LIMITS, type PxmServer, type RunningServer } from '../src/index.js';
import { hispSignature } from '../src/referrals/direct-hisp.js';
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


const OPERATOR_KEY = 'abuse-operator-key-0123456789abcdef';
const ADMIN_KEY = 'abuse-admin-key-0123456789abcdef';
const HISP_SECRET = 'abuse-hisp-secret-0123456789abcdef';
/** The smallest JPEG header, padded: a file the upload's content sniffing accepts. */
const jpegOf = (bytes: number) => {
  const file = new Uint8Array(bytes);
  file.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return file;
};

function newerRoutes(dialect: Dialect, skip: () => string | undefined) {
  describe(`abuse limits on the progress, referral, messaging and practice routes (${dialect})`, () => {
    let fresh: FreshDatabase;
    let server: PxmServer;
    let url: string;
    const tight = { ...limits, adminFailures: { points: 5, seconds: 600 }, signatureFailures: { points: 5, seconds: 600 }, ratings: { points: 3, seconds: 86_400 }, referrals: { points: 2, seconds: 86_400 }, uploadKibibytes: { points: 3, seconds: 86_400 } };
    /** Each case comes from its own address (behind a trusted proxy), so the counters of one do not stop another. */
    const from = (address: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address } });
    /** Sends until the answer is 429; the statuses before it. */
    async function untilStopped(send: (attempt: number) => Promise<Response>, most = 40): Promise<{ statuses: number[]; stopped: Response | undefined }> {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < most; attempt++) {
        const response = await send(attempt);
        if (response.status === 429) return { statuses, stopped: response };
        statuses.push(response.status);
        await response.body?.cancel();
      }
      return { statuses, stopped: undefined };
    }
    async function assertStopped(run: { statuses: number[]; stopped: Response | undefined }, answered: number, each: number) {
      assert.ok(run.stopped, `never stopped: ${run.statuses.join(',')}`);
      assert.deepEqual(run.statuses, Array.from({ length: answered }, () => each));
      assert.match(run.stopped.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(run.stopped.headers.get('retry-after')) > 0);
      assert.equal(((await run.stopped.json()) as { status: number }).status, 429);
    }

    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      server = await createPxmServer({
        database: fresh.db,
        now: manualClock(CONTRACT_NOW).now,
        log: false,
        seed: 'demo',
        reminders: { pollIntervalMs: false },
        limits: tight,
        trustProxy: true,
        adminApiKey: ADMIN_KEY,
        operatorKey: OPERATOR_KEY,
        referrals: { webhooks: { direct: { webhookSecret: HISP_SECRET } } },
      });
      url = (await server.listen({ port: 0 })).url;
      const created = await fetch(`${url}/operator/practices`, from('10.9.0.1', { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'practice-b', name: 'Practice B', adminApiKey: 'practice-b-admin-key-0123456789' }) }));
      assert.equal(created.status, 201);
    });
    after(async () => {
      await server?.close();
      await fresh?.dispose();
    });

    it('guessing referral booking links and unsubscribe links is stopped with 429', async (t) => {
      if (skip()) return t.skip(skip());
      const guess = (attempt: number) => `guess-${attempt.toString().padStart(4, '0')}-abcdefghijklmnopqrstuvwxyz`;
      await assertStopped(await untilStopped((attempt) => fetch(`${url}/booking/referral-context/${guess(attempt)}`, from('10.1.0.1'))), 10, 404);
      await assertStopped(await untilStopped((attempt) => fetch(`${url}/messaging/unsubscribe/${guess(attempt)}`, from('10.1.0.2', { method: 'POST' }))), 10, 404);
    });

    it('guessing the operator key is stopped, and so is the right key from that address', async (t) => {
      if (skip()) return t.skip(skip());
      const create = (key: string) => fetch(`${url}/operator/practices`, from('10.2.0.1', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'practice-x', name: 'X', adminApiKey: 'x'.repeat(30) }) }));
      await assertStopped(await untilStopped((attempt) => create(`wrong-operator-key-${attempt}`)), 5, 401);
      assert.equal((await create(OPERATOR_KEY)).status, 429);
    });

    it('guessing admin keys is counted across practices: ten practices do not give ten times the tries', async (t) => {
      if (skip()) return t.skip(skip());
      const practices = ['practice-b', 'default'];
      await assertStopped(await untilStopped((attempt) => fetch(`${url}/practices/${practices[attempt % 2]}/admin/referrals`, from('10.3.0.1', { headers: { authorization: `Bearer wrong-admin-key-${attempt}` } }))), 5, 401);
      const refused = await fetch(`${url}/practices/practice-b/admin/referrals`, from('10.3.0.1', { headers: { authorization: 'Bearer practice-b-admin-key-0123456789' } }));
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('cache-control'), 'no-store');
      assert.ok(refused.headers.get('x-request-id'));
      // Another address is not stopped, and the practice's own API still answers its key.
      assert.equal((await fetch(`${url}/practices/practice-b/admin/referrals`, from('10.3.0.2', { headers: { authorization: 'Bearer practice-b-admin-key-0123456789' } }))).status, 200);
    });

    it('guessing links is counted across practices too', async (t) => {
      if (skip()) return t.skip(skip());
      const practices = ['practice-b', 'default'];
      await assertStopped(await untilStopped((attempt) => fetch(`${url}/practices/${practices[attempt % 2]}/progress/guess-${attempt.toString().padStart(4, '0')}-abcdefghijklmnop`, from('10.3.1.1'))), 10, 404);
      assert.equal((await fetch(`${url}/practices/practice-b/booking/appointments/another-guess-abcdefghijklmnop`, from('10.3.1.1'))).status, 429);
    });

    it('forged callbacks are stopped per address; a signed one from elsewhere is still taken', async (t) => {
      if (skip()) return t.skip(skip());
      const status = JSON.stringify({ event: 'message.status', messageId: 'msg-unknown-0001', status: 'delivered' });
      const signed = (body: string, secret: string) => {
        const timestamp = String(Math.floor(CONTRACT_NOW.getTime() / 1000));
        return { 'content-type': 'application/json', 'x-hisp-timestamp': timestamp, 'x-hisp-signature': hispSignature(secret, timestamp, body) };
      };
      await assertStopped(await untilStopped((attempt) => fetch(`${url}/webhooks/direct/status`, from('10.4.0.1', { method: 'POST', headers: signed(status, `forged-${attempt}`), body: status }))), 5, 401);
      assert.equal((await fetch(`${url}/webhooks/direct/status`, from('10.4.0.1', { method: 'POST', headers: signed(status, HISP_SECRET), body: status }))).status, 429);
      const genuine = await fetch(`${url}/webhooks/direct/status`, from('10.4.0.2', { method: 'POST', headers: signed(status, HISP_SECRET), body: status }));
      assert.equal(genuine.status, 200, await genuine.clone().text());
    });

    it('caps goal ratings per progress link, referrals per address and the kibibytes of referral files per address', async (t) => {
      if (skip()) return t.skip(skip());
      const progress = (await (await fetch(`${url}/progress/${DEMO_PROGRESS_TOKEN}`, from('10.5.0.1'))).json()) as { goals: Array<{ id: string }> };
      const rate = (attempt: number) =>
        fetch(`${url}/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, from(`10.5.1.${attempt}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: `abuse-rating-${attempt}`, goalId: progress.goals[0]!.id, level: 0 }) }));
      // Per link, whatever the address.
      await assertStopped(await untilStopped(rate, 10), 3, 200);

      const refer = (attempt: number) => {
        const { idempotencyKey: _key, ...body } = referralInput({ idempotencyKey: `abuse-referral-${attempt}` });
        return fetch(`${url}/referrals`, from('10.6.0.1', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `abuse-referral-key-${attempt}` }, body: JSON.stringify(body) }));
      };
      await assertStopped(await untilStopped(refer, 10), 2, 201);

      const upload = () => fetch(`${url}/referrals/attachments`, from('10.7.0.1', { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from(jpegOf(2048)) }));
      await assertStopped(await untilStopped(upload, 10), 2, 201);
      assert.equal((await fetch(`${url}/referrals/attachments`, from('10.7.0.2', { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from(jpegOf(2048)) }))).status, 201, 'another address is not stopped');
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
newerRoutes('sqlite', () => undefined);
newerRoutes('postgres', () => postgresSkip);

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
