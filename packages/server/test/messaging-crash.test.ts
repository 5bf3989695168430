/**
 * Nothing is sent twice when a sender dies mid-send. A real server process sends a due SMS to the
 * provider stand-in, which holds its answer; the process is killed with SIGKILL while it waits.
 * Another dispatcher (this process, on the same database) then finds the row handed over and
 * does not send it again; the provider's delivery callback settles it. A row whose worker died
 * before handing it over is sent, once.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, createTwilioProvider, openSqlite, type PxmServer, type RunningServer } from '../src/index.js';
import { manualClock, TEST_LIMITS } from './harness.js';
import { startServerProcess } from './server-process.js';
import { at, consentsFor, ACCOUNT_SID, AUTH_TOKEN, PRACTICE_NUMBER, PUBLIC_URL } from './support/messaging-rig.js';
import { startSmsStandIn, type SmsStandIn } from './support/sms-stand-in.js';

const SECRET_KEY = 'crash-test-secret-key-0123456789abcdef';
const MANAGE_LINK = 'https://cedarridge.example/visit#{token}';

describe('a sender killed mid-send', () => {
  let dir: string;
  let standIn: SmsStandIn;
  let server: PxmServer;
  let running: RunningServer;
  const clock = manualClock(CONTRACT_NOW);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pxm-crash-'));
    let serverUrl = '';
    standIn = await startSmsStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, route: (url) => url.replace(PUBLIC_URL, serverUrl) });
    server = await createPxmServer({
      database: openSqlite({ path: join(dir, 'pxm.sqlite') }),
      now: clock.now,
      log: false,
      limits: TEST_LIMITS,
      secretKey: SECRET_KEY,
      reminders: { pollIntervalMs: false, dispatch: { leaseMs: 60_000 } },
      messaging: {
        sms: createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: PRACTICE_NUMBER, apiBaseUrl: standIn.url }),
        publicUrl: PUBLIC_URL,
        links: { manage: MANAGE_LINK },
      },
    });
    running = await server.listen({ port: 0 });
    serverUrl = running.url;
  });

  after(async () => {
    await server.close();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is never sent again after the hand-over; a claim that died before it is sent once', { timeout: 180_000 }, async () => {
    const api = createRestAdapter({ baseUrl: running.url, timeoutMs: 15_000 }).booking!;
    const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-02T00:00:00-07:00', to: '2027-03-31T00:00:00-06:00' });
    const hold = await api.holdSlot(at('2027-03-15T09:00:00-06:00')(slots).id);
    await api.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Rosa', lastName: 'Parks', dateOfBirth: '1980-02-04', phone: '+1 303-555-0111', email: 'rosa@example.com' },
      consents: consentsFor(['sms'], CONTRACT_NOW.toISOString()),
      idempotencyKey: 'crash-test-booking',
    });

    // The sender process: the real server CLI on the same database, polling every 100 ms, its clock at the reminder's moment.
    standIn.holdResponses(true);
    const arrival = standIn.nextArrival();
    const sender = await startServerProcess({
      // This database, even where the environment names a PostgreSQL one for other suites.
      DATABASE_URL: '',
      PXM_SQLITE_PATH: join(dir, 'pxm.sqlite'),
      PXM_SECRET_KEY: SECRET_KEY,
      PXM_NOW: '2027-03-13T16:00:00Z',
      PXM_REMINDER_POLL_MS: '100',
      PXM_TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      PXM_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      PXM_TWILIO_FROM: PRACTICE_NUMBER,
      PXM_TWILIO_API_URL: standIn.url,
      PXM_PUBLIC_URL: PUBLIC_URL,
      PXM_LINK_MANAGE: MANAGE_LINK,
    });
    let output = '';
    sender.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    sender.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let waited: NodeJS.Timeout | undefined;
    const received: Awaited<typeof arrival> = await Promise.race([
      arrival,
      new Promise<never>((_, reject) => {
        // Generous for a busy machine; a sender that never sends fails the test instead of hanging it.
        waited = setTimeout(() => reject(new Error(`the sender process sent nothing within 90 s: ${output}`)), 90_000);
      }),
    ]).finally(() => {
      clearTimeout(waited);
      if (sender.child.exitCode === null && sender.child.signalCode === null) sender.child.kill('SIGKILL');
    });
    if (sender.child.exitCode === null && sender.child.signalCode === null) await once(sender.child, 'exit');
    assert.equal(sender.child.signalCode, 'SIGKILL');
    standIn.holdResponses(false);

    const row = async () =>
      (await server.db.get<{ status: string; handed_at: number | null; last_error: string | null; delivery_status: string | null }>(
        'SELECT status, handed_at, last_error, delivery_status FROM reminders WHERE offset_minutes = 2880',
      ))!;
    assert.equal((await row()).status, 'sending');
    assert.notEqual((await row()).handed_at, null, 'the killed process had handed it over');

    // Its lease runs out; this dispatcher takes over and does not send it again.
    clock.advance(Date.parse('2027-03-13T16:01:01Z') - clock.now().getTime());
    assert.deepEqual(await server.dispatchReminders(), { sent: 0, failed: 0, cancelled: 0 });
    assert.equal(standIn.messages.length, 1, 'one message at the provider');
    assert.equal((await row()).status, 'failed');
    assert.match((await row()).last_error!, /delivery unknown, not sent again/);

    // The provider took it after all: its signed delivery report settles the row.
    assert.equal((await standIn.report(received, 'delivered')).status, 204);
    assert.deepEqual([(await row()).status, (await row()).delivery_status], ['sent', 'delivered']);

    // A worker that died after claiming the 2-hour reminder but before handing it over.
    await server.db.run("UPDATE reminders SET status = 'sending', attempts = 1, lease_until = $1 WHERE offset_minutes = 120", [Date.parse('2027-03-15T14:00:00Z')]);
    clock.advance(Date.parse('2027-03-15T14:00:01Z') - clock.now().getTime());
    assert.deepEqual(await server.dispatchReminders(), { sent: 1, failed: 0, cancelled: 0 });
    assert.deepEqual(await server.dispatchReminders(), { sent: 0, failed: 0, cancelled: 0 });
    assert.equal(standIn.messages.length, 2);
    assert.deepEqual(new Set(standIn.messages.map((message) => message.body.slice(0, 40))).size, 1, 'the same reminder text, once per reminder');
  });
});
