/**
 * A copy of the database alone opens no visit: the manage token a booking answers is nowhere in
 * it in the clear (idempotent replies and reminder payloads are sealed with a key from the
 * environment), replays still answer it, and expired replies are purged even with the reminder
 * poller off.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { startTestServer, type TestServer } from './harness.js';

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
