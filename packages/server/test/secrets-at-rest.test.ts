/**
 * A copy of the database alone opens no visit: the manage token a booking answers is nowhere in
 * it in the clear (idempotent replies and reminder payloads are sealed with a key from the
 * environment), replays still answer it, and expired replies are purged even with the reminder
 * poller off.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { simpleParser } from 'mailparser';
import type { Database } from '../src/index.js';
import { startTestServer, type TestServer } from './harness.js';
import { at, consentsFor, startMessagingRig } from './support/messaging-rig.js';

const SECRET_KEY = 'secret-key-for-tests-0123456789-abcdef';
const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };
const consents = [
  { channel: 'sms', granted: true, recordedAt: CONTRACT_NOW.toISOString() },
  { channel: 'email', granted: true, recordedAt: CONTRACT_NOW.toISOString() },
];

async function until(condition: () => Promise<boolean>, what: string, withinMs = 5000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('no usable secret at rest', () => {
  let server: TestServer;
  let manageToken: string;
  const key = { 'idempotency-key': 'at-rest-book-0001' };
  let body: string;

  before(async () => {
    server = await startTestServer('sqlite', {
      now: CONTRACT_NOW,
      serverOptions: { seed: 'demo', secretKey: SECRET_KEY, purgeIntervalMs: 50, idempotencyRetentionMs: 3_600_000 },
    });
    const query = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-10T00:00:00-07:00' });
    const slots = (await (await fetch(`${server.url}/booking/slots?${query}`)).json()) as { items: Array<{ id: string }> };
    const hold = (await (await fetch(`${server.url}/booking/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slots.items[0]!.id }) })).json()) as { id: string };
    body = JSON.stringify({ holdId: hold.id, patient, consents });
    const booked = await fetch(`${server.url}/booking/appointments`, { method: 'POST', headers: { 'content-type': 'application/json', ...key }, body });
    assert.equal(booked.status, 201);
    manageToken = ((await booked.json()) as { manageToken: string }).manageToken;
  });
  after(() => server.dispose());

  it('the manage token is in no row of any table, nor in the database file', async () => {
    const db = server.server.db;
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    for (const { name } of tables) {
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${name}`);
      const text = JSON.stringify(rows, (_, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
      assert.ok(!text.includes(manageToken), `${name} holds the manage token`);
      if (name === 'reminders') assert.ok(!text.includes('303-555-0100') && !text.includes('t@example.com'), 'reminder payloads hold contact details');
    }
    const pending = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM reminders WHERE status = 'pending' AND payload IS NOT NULL");
    assert.ok(Number(pending!.n) > 0, 'reminders are pending');
    const file = await db.all<{ file: string }>('SELECT file FROM pragma_database_list WHERE name = $1', ['main']);
    await db.run('PRAGMA wal_checkpoint(TRUNCATE)');
    assert.ok(!readFileSync(file[0]!.file).includes(Buffer.from(manageToken)), 'the database file holds the manage token');
  });

  it('a replay still answers the same manage token', async () => {
    const replay = await fetch(`${server.url}/booking/appointments`, { method: 'POST', headers: { 'content-type': 'application/json', ...key }, body });
    assert.equal(replay.status, 201);
    assert.equal(((await replay.json()) as { manageToken: string }).manageToken, manageToken);
  });

  it('the reminder sent carries what it needs, opened with the key', async () => {
    server.clock.advance(6 * 86_400_000 + 3_600_000);
    const result = await server.server.dispatchReminders();
    assert.ok(result.sent > 0);
    assert.equal(result.failed, 0);
  });

  it('replies past retention are purged by the purge job with the reminder poller off', async () => {
    server.clock.advance(2 * 3_600_000);
    await until(async () => Number((await server.server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM idempotency_keys'))!.n) === 0, 'the purge');
  });
});

/** Every row of every table, as text (binary columns as bytes), and the file the database lives in. */
async function scan(db: Database, secrets: Record<string, string>): Promise<string[]> {
  const found: string[] = [];
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
  for (const { name } of tables) {
    const text = JSON.stringify(await db.all<Record<string, unknown>>(`SELECT * FROM ${name}`), (_, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value));
    for (const [what, secret] of Object.entries(secrets)) if (text.includes(secret)) found.push(`${what} in ${name}`);
  }
  await db.run('PRAGMA wal_checkpoint(TRUNCATE)');
  const file = (await db.all<{ file: string }>('SELECT file FROM pragma_database_list WHERE name = $1', ['main']))[0]!.file;
  // The practices' files lie beside the default one (and any journal left): every file there.
  for (const entry of readdirSync(dirname(file))) {
    const bytes = readFileSync(join(dirname(file), entry));
    for (const [what, secret] of Object.entries(secrets)) if (bytes.includes(Buffer.from(secret))) found.push(`${what} in the file ${entry}`);
  }
  return found;
}

describe('no usable secret at rest: progress, referral booking, practices and the operator', () => {
  const ADMIN_KEY = 'at-rest-admin-key-0123456789abcdef';
  const OPERATOR_KEY = 'at-rest-operator-key-0123456789abcdef';
  const PRACTICE_KEY = 'at-rest-practice-b-admin-key-0123456789';
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { seed: 'demo', secretKey: SECRET_KEY, adminApiKey: ADMIN_KEY, operatorKey: OPERATOR_KEY } });
  });
  after(() => server.dispose());

  it('no link token nor key is in any table of any practice, nor in their files', async () => {
    const call = async (path: string, body: unknown, key: string | undefined, extra: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra }, body: JSON.stringify(body) });
      assert.ok(response.status < 300, `${path}: ${response.status}`);
      return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const levels = [-2, -1, 0, 1, 2].map((value) => ({ value, description: `Level ${value}` }));
    const episode = await call(
      '/admin/progress-episodes',
      {
        episode: { id: 'ep-rest', title: 'Left hip', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge Physical Therapy' },
        goals: [{ id: 'g1', text: 'Garden again', targetDate: '2027-05-01', status: 'active', scale: levels }],
        assignments: [{ instrumentId: 'hoos-jr', everyVisits: 2 }],
      },
      ADMIN_KEY,
    );
    const progress = (await (await fetch(`${server.url}/progress/${episode.token}`)).json()) as { due: Array<{ formToken: string }> };
    assert.equal(progress.due.length, 1, 'a measure link is offered');
    const { idempotencyKey, ...referral } = referralInput();
    await call('/referrals', referral, undefined, { 'idempotency-key': idempotencyKey });
    const [item] = ((await (await fetch(`${server.url}/admin/referrals`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()) as { items: Array<{ id: string }> }).items;
    const bookingLink = await call(`/admin/referrals/${item!.id}/booking-links`, {}, ADMIN_KEY);
    await call('/operator/practices', { id: 'practice-b', name: 'Practice B', adminApiKey: PRACTICE_KEY, settings: { seed: 'demo' } }, OPERATOR_KEY);
    const practiceEpisode = await call('/practices/practice-b/admin/progress-episodes', { episode: { id: 'ep-b', title: 'Knee', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'B' } }, PRACTICE_KEY);

    const secrets = {
      'the progress token': String(episode.token),
      'the measure link token': progress.due[0]!.formToken,
      'the referral booking token': String(bookingLink.token),
      "practice B's progress token": String(practiceEpisode.token),
      "practice B's admin key": PRACTICE_KEY,
      'the operator key': OPERATOR_KEY,
      'the admin key': ADMIN_KEY,
    };
    assert.deepEqual(await scan(server.server.db, secrets), []);
    // Each token still opens what it was made for: the scan looked for the right text.
    assert.equal((await fetch(`${server.url}/booking/referral-context/${bookingLink.token}`)).status, 200);
    assert.equal((await fetch(`${server.url}/practices/practice-b/progress/${practiceEpisode.token}`)).status, 200);
  });
});

describe('no usable secret at rest: the email unsubscribe link', () => {
  it('is sealed into the email only, and stored nowhere', async () => {
    const rig = await startMessagingRig(CONTRACT_NOW);
    try {
      await rig.book(consentsFor(['email'], CONTRACT_NOW.toISOString()), at('2027-03-15T09:00:00-06:00'));
      rig.server.clock.advance(Date.parse('2027-03-13T16:00:00Z') - rig.server.clock.now().getTime());
      assert.equal((await rig.server.server.dispatchReminders()).sent, 1);
      const parsed = await simpleParser(rig.smtp.received[0]!.raw);
      const header = parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      const token = /\/messaging\/unsubscribe\/([\w.-]+)>/.exec(header)?.[1];
      assert.ok(token, header);
      assert.deepEqual(await scan(rig.server.server.db, { 'the unsubscribe token': token }), []);
      assert.equal((await fetch(`${rig.server.url}/messaging/unsubscribe/${token}`, { method: 'POST' })).status, 200, 'the token works');
    } finally {
      await rig.dispose();
    }
  });
});
