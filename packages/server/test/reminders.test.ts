/**
 * Reminders: computed from the consents given at booking into the outbox (24 h and 2 h before by
 * default, on the location's calendar), handed to the sender when due, retried when the sender
 * fails, and never sent for a visit that was cancelled or moved. Plus the built-in senders.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import type { Appointment, ReminderConsent } from '@pxm/core/booking';
import type { BookingApi } from '@pxm/core';
import { createLogSender, createWebhookSender, reminderDueTimes, signWebhook, type ReminderMessage, type ReminderSender, type WebhookSenderOptions } from '../src/index.js';
import { startTestServer, type TestServer } from './harness.js';

const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const at = CONTRACT_NOW.toISOString();

function recordingSender(fail = 0): ReminderSender & { sent: ReminderMessage[]; attempts: number } {
  let failures = fail;
  const sender = {
    name: 'recording',
    sent: [] as ReminderMessage[],
    attempts: 0,
    async send(message: ReminderMessage) {
      sender.attempts++;
      if (failures > 0) {
        failures--;
        throw new Error('SMS gateway down');
      }
      sender.sent.push(message);
    },
  };
  return sender;
}

async function book(api: BookingApi, consents: ReminderConsent[], pick = 0): Promise<Appointment> {
  const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
  const hold = await api.holdSlot(slots[pick]!.id);
  return api.book({
    holdId: hold.id,
    patient: { kind: 'new', firstName: 'Rosa', lastName: 'Parks', dateOfBirth: '1980-02-04', phone: '+1 303-555-0111', email: 'rosa@example.com' },
    consents,
    idempotencyKey: `reminder-test-${Math.random()}`,
  });
}

async function outbox(server: TestServer) {
  return server.server.db.all<{ channel: string; offset_minutes: number; due_at: number; status: string; payload: string | null; attempts: number }>(
    'SELECT channel, offset_minutes, due_at, status, payload, attempts FROM reminders ORDER BY due_at, channel',
  );
}

describe('reminders', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('day-based offsets keep the wall-clock time across a DST change; others are elapsed time', () => {
    // A 09:00 visit on the Sunday Denver springs forward: the day before at 09:00 was still MST.
    const start = Date.parse('2027-03-14T09:00:00-06:00');
    const due = reminderDueTimes(start, 'America/Denver', { offsetsMinutes: [1440, 120] }, Date.parse('2027-03-01T00:00:00Z'));
    assert.deepEqual(due.map((d) => new Date(d.dueAtMs).toISOString()), ['2027-03-13T16:00:00.000Z', '2027-03-14T13:00:00.000Z']);
    // Booked at short notice: a reminder whose moment has passed is not scheduled.
    assert.deepEqual(reminderDueTimes(start, 'America/Denver', { offsetsMinutes: [1440, 120] }, start - 3 * 3_600_000).map((d) => d.offsetMinutes), [120]);
  });

  it('writes one reminder per granted channel and offset, and sends each when due', async () => {
    const sender = recordingSender();
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender, pollIntervalMs: false } } });
    const api = server.adapter.booking!;
    const appointment = await book(api, [
      { channel: 'sms', granted: true, recordedAt: at },
      { channel: 'email', granted: false, recordedAt: at },
    ]);
    const rows = await outbox(server);
    assert.deepEqual(rows.map((r) => [r.channel, r.offset_minutes, r.status]), [['sms', 2880, 'pending'], ['sms', 120, 'pending']]);
    const start = Date.parse(appointment.start);
    assert.equal(rows[0]!.due_at, start - 48 * 3_600_000);
    assert.equal(rows[1]!.due_at, start - 2 * 3_600_000);

    assert.deepEqual(await server.server.dispatchReminders(), { sent: 0, failed: 0, cancelled: 0 }, 'nothing is due yet');
    server.clock.advance(rows[0]!.due_at - CONTRACT_NOW.getTime());
    assert.deepEqual(await server.server.dispatchReminders(), { sent: 1, failed: 0, cancelled: 0 });
    const [message] = sender.sent;
    assert.equal(message!.channel, 'sms');
    assert.equal(message!.to, '+1 303-555-0111');
    assert.equal(message!.manageToken, appointment.manageToken);
    assert.equal(message!.appointment.start, appointment.start);
    assert.equal(message!.appointment.locationName, 'Denver Highlands');
    assert.equal(message!.offsetMinutes, 2880);
    const after = await outbox(server);
    assert.equal(after[0]!.status, 'sent');
    assert.equal(after[0]!.payload, null, 'the phone number and link leave the outbox once sent');
    assert.deepEqual(await server.server.dispatchReminders(), { sent: 0, failed: 0, cancelled: 0 }, 'sent once');
  });

  it('a later answer on a channel overrides an earlier one', async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender: recordingSender(), pollIntervalMs: false } } });
    await book(server.adapter.booking!, [
      { channel: 'email', granted: true, recordedAt: '2027-03-01T15:00:00Z' },
      { channel: 'email', granted: false, recordedAt: '2027-03-01T15:30:00Z' },
    ]);
    assert.equal((await outbox(server)).length, 0);
  });

  it('cancelling cancels the pending reminders; none goes out later', async () => {
    const sender = recordingSender();
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender, pollIntervalMs: false } } });
    const api = server.adapter.booking!;
    const appointment = await book(api, [{ channel: 'email', granted: true, recordedAt: at }]);
    await api.cancelAppointment(appointment.manageToken, { reason: 'Feeling better' });
    assert.deepEqual((await outbox(server)).map((r) => r.status), ['cancelled', 'cancelled']);
    server.clock.advance(Date.parse(appointment.start) - CONTRACT_NOW.getTime() - 60_000);
    await server.server.dispatchReminders();
    assert.equal(sender.sent.length, 0);
  });

  it('rescheduling moves the reminders to the new time', async () => {
    const sender = recordingSender();
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender, pollIntervalMs: false } } });
    const api = server.adapter.booking!;
    const first = await book(api, [{ channel: 'sms', granted: true, recordedAt: at }]);
    const later = (await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE })).find(
      (slot) => Date.parse(slot.start) > Date.parse(first.start) + 2 * 86_400_000,
    )!;
    const moved = await api.rescheduleAppointment(first.manageToken, { holdId: (await api.holdSlot(later.id)).id, idempotencyKey: 'reschedule-reminders-1' });
    const rows = await server.server.db.all<{ appointment_id: string; status: string; due_at: number }>('SELECT appointment_id, status, due_at FROM reminders ORDER BY due_at');
    assert.deepEqual(rows.filter((r) => r.appointment_id === first.id).map((r) => r.status), ['cancelled', 'cancelled']);
    const fresh = rows.filter((r) => r.appointment_id === moved.id);
    assert.deepEqual(fresh.map((r) => r.status), ['pending', 'pending']);
    assert.equal(fresh[0]!.due_at, Date.parse(moved.start) - 48 * 3_600_000);
    // At the old visit's reminder time nothing goes out; at the new one's, its reminder does.
    server.clock.advance(Date.parse(first.start) - 2 * 3_600_000 - CONTRACT_NOW.getTime());
    await server.server.dispatchReminders();
    assert.equal(sender.sent.length, 0);
    server.clock.advance(fresh[0]!.due_at - server.clock.now().getTime());
    await server.server.dispatchReminders();
    assert.deepEqual(sender.sent.map((m) => m.appointment.id), [moved.id]);
  });

  it('retries a failed send with growing pauses, then gives up', async () => {
    const sender = recordingSender(Number.POSITIVE_INFINITY);
    server = await startTestServer('sqlite', {
      now: CONTRACT_NOW,
      serverOptions: { reminders: { sender, pollIntervalMs: false, offsetsMinutes: [1440], dispatch: { maxAttempts: 3 } } },
    });
    const appointment = await book(server.adapter.booking!, [{ channel: 'sms', granted: true, recordedAt: at }]);
    server.clock.advance(Date.parse(appointment.start) - 24 * 3_600_000 - CONTRACT_NOW.getTime());
    assert.equal((await server.server.dispatchReminders()).failed, 1);
    assert.equal((await server.server.dispatchReminders()).failed, 0, 'not retried at once');
    server.clock.advance(60_000);
    assert.equal((await server.server.dispatchReminders()).failed, 1);
    server.clock.advance(2 * 60_000);
    assert.equal((await server.server.dispatchReminders()).failed, 1);
    const [row] = await outbox(server);
    assert.equal(row!.status, 'failed');
    assert.equal(row!.attempts, 3);
    assert.equal(row!.payload, null);
    assert.equal(sender.attempts, 3);
  });

  it('one run sends everything due, a page of rows after another', async () => {
    const sender = recordingSender();
    const messaging = { window: { startMinute: 0, endMinute: 24 * 60 }, caps: { perDay: 100, perWeek: 100 } };
    // Pages of two rows: more is due than one page holds.
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender, pollIntervalMs: false, dispatch: { limit: 2 } }, messaging } });
    const booked: Appointment[] = [];
    for (let i = 0; i < 3; i++) {
      booked.push(await book(server.adapter.booking!, [{ channel: 'sms', granted: true, recordedAt: at }, { channel: 'email', granted: true, recordedAt: at }], i * 3));
    }
    server.clock.advance(Math.min(...booked.map((a) => Date.parse(a.start))) - 30 * 60_000 - CONTRACT_NOW.getTime());
    const due = (await outbox(server)).filter((r) => r.due_at <= server!.clock.now().getTime()).length;
    assert.ok(due > 2, `${due} reminders due`);
    assert.equal((await server.server.dispatchReminders()).sent, due, 'nothing due waits for the next run');
    assert.equal(new Set(sender.sent.map((m) => m.id)).size, due);
  });

  it('two dispatchers at once send each reminder once', async () => {
    const sender = recordingSender();
    // The subject is concurrency: quiet hours and caps are opened wide (they have their own tests).
    const messaging = { window: { startMinute: 0, endMinute: 24 * 60 }, caps: { perDay: 100, perWeek: 100 } };
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { reminders: { sender, pollIntervalMs: false }, messaging } });
    const booked: Appointment[] = [];
    for (let i = 0; i < 3; i++) {
      booked.push(await book(server.adapter.booking!, [{ channel: 'sms', granted: true, recordedAt: at }, { channel: 'email', granted: true, recordedAt: at }], i * 3));
    }
    // Just before the first visit: every reminder due by then is due at once.
    server.clock.advance(Math.min(...booked.map((a) => Date.parse(a.start))) - 30 * 60_000 - CONTRACT_NOW.getTime());
    const due = (await outbox(server)).filter((r) => r.due_at <= server!.clock.now().getTime()).length;
    assert.ok(due >= 4, `${due} reminders due`);
    const [a, b] = await Promise.all([server.server.dispatchReminders(), server.server.dispatchReminders()]);
    assert.equal(a.sent + b.sent, due);
    assert.equal(sender.sent.length, due);
    assert.equal(new Set(sender.sent.map((m) => m.id)).size, due, 'no reminder sent twice');
  });
});

describe('reminder senders', () => {
  it('the log sender writes ids and times, never contact details or names', async () => {
    const lines: string[] = [];
    const message: ReminderMessage = {
      id: 'rem_1',
      channel: 'sms',
      kind: 'reminder',
      step: 'reminder',
      language: 'en',
      to: '+1 303-555-0111',
      offsetMinutes: 120,
      patientFirstName: 'Rosa',
      manageToken: 'secret-manage-token',
      appointment: {
        id: 'appt_1',
        start: '2027-03-08T08:00:00-07:00',
        end: '2027-03-08T09:00:00-07:00',
        timeZone: 'America/Denver',
        locationName: 'Denver Highlands',
        locationAddress: '3456 W 32nd Ave, Denver, CO',
        providerName: 'Ana Rivera',
        appointmentTypeName: 'Initial evaluation',
        modality: 'in-clinic',
      },
      practice: { name: 'Cedar Ridge Physical Therapy' },
    };
    await createLogSender((line) => lines.push(line)).send(message, new AbortController().signal);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /rem_1.*sms.*appt_1/);
    for (const secret of ['555-0111', 'Rosa', 'secret-manage-token']) assert.ok(!lines[0]!.includes(secret), secret);
  });

  it('the webhook sender posts signed, minimal JSON and fails on a non-2xx answer', async () => {
    const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
    let status = 202;
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/reminders`;
      const secret = 'webhook-signing-secret-0123456789abcdef';
      const sender = createWebhookSender({ url, secret, nowSeconds: () => 1_800_000_000 });
      const message: ReminderMessage = {
        id: 'rem_2',
        channel: 'email',
        kind: 'reminder',
        step: 'reminder',
        language: 'en',
        to: 'rosa@example.com',
        offsetMinutes: 1440,
        patientFirstName: 'Rosa',
        manageToken: 'secret-manage-token',
        appointment: {
          id: 'appt_2',
          start: '2027-03-08T08:00:00-07:00',
          end: '2027-03-08T09:00:00-07:00',
          timeZone: 'America/Denver',
          locationName: 'Denver Highlands',
          locationAddress: '3456 W 32nd Ave, Denver, CO',
          providerName: 'Ana Rivera',
          appointmentTypeName: 'Initial evaluation',
          modality: 'in-clinic',
        },
        practice: { name: 'Cedar Ridge Physical Therapy', phone: '555-0100' },
      };
      await sender.send(message, new AbortController().signal);
      const [request] = received;
      assert.equal(request!.headers['idempotency-key'], 'rem_2');
      assert.equal(request!.headers['x-pxm-delivery'], 'rem_2');
      assert.equal(request!.headers['x-pxm-timestamp'], '1800000000');
      assert.equal(request!.headers['x-pxm-signature'], signWebhook(secret, 1_800_000_000, request!.body));
      assert.deepEqual(JSON.parse(request!.body), {
        deliveryId: 'rem_2',
        kind: 'appointment.reminder',
        channel: 'email',
        offsetMinutes: 1440,
        appointment: { id: 'appt_2', start: '2027-03-08T08:00:00-07:00', end: '2027-03-08T09:00:00-07:00', timeZone: 'America/Denver' },
      });
      // Nothing that names or reaches the patient, and no link that acts for them.
      for (const kept of ['rosa@example.com', 'Rosa', 'secret-manage-token', 'Ana Rivera', '3456 W', 'Denver Highlands', '555-0100']) {
        assert.ok(!request!.body.includes(kept), kept);
      }
      status = 500;
      await assert.rejects(sender.send(message, new AbortController().signal), /500/);
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });

  it('the webhook sender refuses plain HTTP off this machine and a missing or short secret', () => {
    const secret = 'webhook-signing-secret-0123456789abcdef';
    for (const url of ['http://sms.example/hook', 'http://10.0.0.5/hook', 'ftp://sms.example/hook', 'file:///etc/passwd', 'not a url', 'http://localhost.evil.example/hook']) {
      assert.throws(() => createWebhookSender({ url, secret }), /https:\/\/|not a valid URL/, url);
    }
    for (const url of ['https://sms.example/hook', 'http://localhost:9000/hook', 'http://127.0.0.1:9000/hook', 'http://[::1]:9000/hook']) {
      assert.equal(createWebhookSender({ url, secret }).name, 'webhook', url);
    }
    assert.throws(() => createWebhookSender({ url: 'https://sms.example/hook' } as unknown as WebhookSenderOptions), /signing secret/);
    assert.throws(() => createWebhookSender({ url: 'https://sms.example/hook', secret: 'short' }), /signing secret/);
  });
});
