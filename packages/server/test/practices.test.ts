/**
 * Practices beside the default one: an existing single-practice database goes forward with its
 * data as the default practice's; practices are opened again at start (their jobs with them);
 * one registered by another process is found; each has its own configuration (CORS origins,
 * hold length, admin key).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, type PxmServer, type ReminderMessage } from '../src/index.js';
import { manualClock, startTestServer, TEST_LIMITS } from './harness.js';

const OPERATOR_KEY = 'operator-key-0123456789-abcdefgh';
const KEY_B = 'practice-b-admin-key-0123456789';

describe('practices', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pxm-practices-'));
  const path = join(dir, 'pxm.sqlite');
  const clock = manualClock(CONTRACT_NOW);
  const start = (practiceScanMs?: number) =>
    createPxmServer({ database: { sqlitePath: path }, now: clock.now, log: false, reminders: { pollIntervalMs: false }, limits: TEST_LIMITS, operatorKey: OPERATOR_KEY, corsOrigins: ['https://default.example'], ...(practiceScanMs ? { practiceScanMs } : {}) });
  const request = (server: PxmServer, path: string, init: RequestInit = {}) => server.fetch(new Request(`http://127.0.0.1${path}`, init));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a single-practice database forward: its rows are the default practice', async () => {
    let server = await start();
    const before = await server.db.all('SELECT id FROM appointments ORDER BY id');
    assert.ok(before.length > 0, 'the demo practice has appointments');
    // As it was before 0010.
    await server.db.run('DROP TABLE practices');
    await server.db.run('DELETE FROM schema_migrations WHERE version = 10');
    await server.close();
    server = await start();
    assert.deepEqual(await server.db.all('SELECT id FROM appointments ORDER BY id'), before);
    assert.deepEqual(await server.db.all('SELECT id, admin_key_digest FROM practices'), [{ id: 'default', admin_key_digest: null }]);
    assert.equal((await request(server, '/practices/default/booking/locations')).status, 200);
    await server.close();
  });

  it('gives each practice its own configuration, and opens every practice again at start', async () => {
    let server = await start();
    const created = await request(server, '/operator/practices', {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'practice-b', name: 'B', adminApiKey: KEY_B, settings: { seed: 'demo', corsOrigins: ['https://b.example'], holdTtlMinutes: 3 } }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), '/practices/practice-b');
    await server.close();

    server = await start();
    const opened = await server.practices!.opened();
    assert.equal(opened.length, 1, 'opened at start: its background jobs run');
    assert.notEqual(opened[0]!.jobs, server.jobs, 'a job queue of its own');

    const preflight = (path: string, origin: string) =>
      request(server, path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }).then((response) => response.headers.get('access-control-allow-origin'));
    assert.equal(await preflight('/practices/practice-b/booking/holds', 'https://b.example'), 'https://b.example');
    assert.equal(await preflight('/practices/practice-b/booking/holds', 'https://default.example'), null);
    assert.equal(await preflight('/booking/holds', 'https://default.example'), 'https://default.example');
    assert.equal(await preflight('/booking/holds', 'https://b.example'), null);

    const slots = (await (await request(server, '/practices/practice-b/booking/slots?locationId=denver-highlands&appointmentTypeId=initial-evaluation&from=2027-03-08T00:00:00-07:00&to=2027-03-20T00:00:00-06:00')).json()) as { items: Array<{ id: string }> };
    const hold = (await (await request(server, '/practices/practice-b/booking/holds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slots.items[0]!.id }) })).json()) as { expiresAt: string };
    assert.equal(new Date(hold.expiresAt).getTime() - clock.now().getTime(), 3 * 60_000, "the practice's hold length");
    await server.close();
  });

  it('finds a practice another process registered, and opens it (its jobs) without a request', async () => {
    const server = await start(20);
    const digest = createHash('sha256').update('practice-c-admin-key-0123456789').digest('hex');
    await server.db.run('INSERT INTO practices (id, name, admin_key_digest, settings, created_at) VALUES ($1, $2, $3, $4, $5)', ['practice-c', 'C', digest, '{}', 0]);
    for (let waited = 0; (await server.practices!.opened()).length < 2 && waited < 100; waited++) await new Promise((done) => setTimeout(done, 20));
    assert.equal((await server.practices!.opened()).length, 2, 'practice-b from before, practice-c from the scan');
    assert.equal((await request(server, '/practices/practice-c/admin/referrals', { headers: { authorization: 'Bearer practice-c-admin-key-0123456789' } })).status, 200);
    assert.equal((await request(server, '/practices/practice-c/admin/referrals', { headers: { authorization: `Bearer ${KEY_B}` } })).status, 401);
    await server.close();
  });

  it("runs each practice's reminders from that practice's own job", async () => {
    const sent: ReminderMessage[] = [];
    const sender = { name: 'recording', async send(message: ReminderMessage) { sent.push(message); return {}; } };
    const server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { operatorKey: OPERATOR_KEY, reminders: { sender, pollIntervalMs: 20 } } });
    try {
      const created = await fetch(`${server.url}/operator/practices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'practice-b', name: 'B', adminApiKey: KEY_B, settings: { seed: 'demo', reminderOffsetsMinutes: [60] } }),
      });
      assert.equal(created.status, 201);
      const booking = createRestAdapter({ baseUrl: `${server.url}/practices/practice-b` }).booking!;
      // A midday visit: its reminder an hour before falls inside the sending hours.
      const slots = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
      const slot = slots.find((candidate) => new Date(candidate.start).getUTCHours() >= 19)!;
      const hold = await booking.holdSlot(slot.id);
      const appointment = await booking.book({
        holdId: hold.id,
        patient: { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'test.patient@example.com', reasonForVisit: 'Knee pain' },
        consents: [{ channel: 'sms', granted: true, recordedAt: CONTRACT_NOW.toISOString() }],
        idempotencyKey: 'book-practice-b-reminder',
      });
      server.clock.advance(Date.parse(appointment.start) - 60 * 60_000 - CONTRACT_NOW.getTime());
      for (let waited = 0; !sent.some((message) => message.manageToken === appointment.manageToken) && waited < 200; waited++) await new Promise((done) => setTimeout(done, 20));
      const ours = sent.filter((message) => message.manageToken === appointment.manageToken);
      assert.deepEqual(ours.map((message) => message.offsetMinutes), [60], "sent once, at the practice's own offset");
    } finally {
      await server.dispose();
    }
  });
});
