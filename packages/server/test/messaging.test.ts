/**
 * Reminders that reach patients and what comes back, end to end: the real server sends through
 * a real SMTP server and the SMS provider's stand-in (official SDK), the stand-in posts signed
 * callbacks, and the consent ledger, the staff queue and the practice's webhook show the result.
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, it, type TestContext } from 'node:test';
import twilio from 'twilio';
import { simpleParser } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { postgresUnavailable, type Dialect } from './harness.js';
import { at, consentsFor, startMessagingRig as startRig, AUTH_TOKEN, PATIENT_PHONE, PUBLIC_URL, type MessagingRig } from './support/messaging-rig.js';

const INBOUND = `${PUBLIC_URL}/messaging/sms/inbound`;
/** The provider reports the patient's number in E.164, whatever way it was typed at booking. */
const FROM_PATIENT = '+13035550111';
const consentAt = CONTRACT_NOW.toISOString();

async function outboxRows(rig: MessagingRig) {
  return rig.server.server.db.all<{ id: string; channel: string; offset_minutes: number; status: string; last_error: string | null; hold_reason: string | null; sent_at: number | null; delivery_status: string | null; provider_message_id: string | null }>(
    'SELECT id, channel, offset_minutes, status, last_error, hold_reason, sent_at, delivery_status, provider_message_id FROM reminders ORDER BY due_at, channel',
  );
}

async function dispatchAt(rig: MessagingRig, iso: string) {
  rig.server.clock.advance(Date.parse(iso) - rig.server.clock.now().getTime());
  return rig.server.server.dispatchReminders();
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`messages to patients, two-way (${dialect})`, () => {
    let rig: MessagingRig | undefined;
    afterEach(async () => {
      await rig?.dispose();
      rig = undefined;
    });
    /** A rig on this suite's database, or undefined when that database is not reachable here. */
    const startMessagingRig = async (now: Date, t: TestContext, extra = {}) => {
      if (skip()) {
        t.skip(skip());
        return undefined;
      }
      return startRig(now, extra, dialect);
    };

    it('a visit after the spring DST change gets its reminders at the right local times, by email and SMS', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      // Monday 15 March 2027, 9:00 MDT; Denver springs forward on Sunday the 14th.
      const visit = await rig.book(consentsFor(['sms', 'email'], consentAt), at('2027-03-15T09:00:00-06:00'));

      // Two days before, on the wall clock: Saturday 13 March 9:00 MST (16:00Z), not 15:00Z.
      assert.deepEqual(await dispatchAt(rig, '2027-03-13T15:59:00Z'), { sent: 0, failed: 0, cancelled: 0 });
      assert.deepEqual(await dispatchAt(rig, '2027-03-13T16:00:00Z'), { sent: 2, failed: 0, cancelled: 0 });
      assert.equal(rig.smtp.received.length, 1);
      assert.equal(rig.sms.messages.length, 1);

      const sms = rig.sms.messages[0]!;
      assert.equal(sms.to, PATIENT_PHONE);
      assert.ok(sms.body.length < 160, `${sms.body.length} characters`);
      assert.match(sms.body, /^Cedar Ridge Physical Therapy: visit Mon, Mar 15 9:00 AM/);
      assert.match(sms.body, /https:\/\/cedarridge\.example\/visit#/);
      assert.doesNotMatch(sms.body, /Initial evaluation|Ana Rivera|James Okafor/, 'no visit type or provider on a lock screen');
      assert.equal(sms.statusCallback, `${PUBLIC_URL}/messaging/sms/status/${(await outboxRows(rig)).find((r) => r.channel === 'sms')!.id}`);

      const mail = rig.smtp.received[0]!;
      assert.deepEqual(mail.to, ['rosa@example.com']);
      const parsed = await simpleParser(mail.raw);
      assert.equal(parsed.subject, 'Cedar Ridge Physical Therapy: your visit on Mon, Mar 15');
      assert.match(parsed.text ?? '', /on Mon, Mar 15 at 9:00 AM, at Denver Highlands, 3456 W 32nd Ave/);
      assert.match(parsed.text ?? '', /Replies to this email are not read/);
      assert.match(String(parsed.html), /<a href="https:\/\/cedarridge\.example\/visit#/);
      const unsubscribe = parsed.headerLines.find((header) => header.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, ' ');
      assert.match(String(unsubscribe), /^List-Unsubscribe: <https:\/\/api\.cedarridge\.example\/messaging\/unsubscribe\/v1\.[\w.-]+> \(Unsubscribe\)$/);
      assert.equal(parsed.headerLines.find((header) => header.key === 'list-unsubscribe-post')?.line, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      // The DKIM signature verifies against the published key (a resolver stands in for DNS).
      const verification = await dkimVerify(Buffer.from(mail.raw), {
        curTime: rig.server.clock.now(),
        resolver: async (name: string, type: string) => {
          assert.equal(`${type} ${name}`, 'TXT pxm2027._domainkey.cedarridge.example');
          return [[`v=DKIM1; k=rsa; p=${rig!.dkimPublicKey}`]];
        },
      });
      assert.equal(verification.results[0]?.status.result, 'pass', verification.results[0]?.info);
      assert.match(String(verification.results[0]!.signingHeaders?.keys), /list-unsubscribe/i);

      // Two hours before is 7:00 MDT: quiet hours hold it to 8:00 MDT (14:00Z), still before the visit.
      assert.deepEqual(await dispatchAt(rig, '2027-03-15T13:00:00Z'), { sent: 0, failed: 0, cancelled: 0 });
      assert.deepEqual((await outboxRows(rig)).filter((r) => r.offset_minutes === 120).map((r) => r.hold_reason), ['quiet-hours', 'quiet-hours']);
      assert.deepEqual(await dispatchAt(rig, '2027-03-15T13:59:00Z'), { sent: 0, failed: 0, cancelled: 0 });
      assert.deepEqual(await dispatchAt(rig, '2027-03-15T14:00:00Z'), { sent: 2, failed: 0, cancelled: 0 });
      assert.equal(visit.status, 'booked');
    });

    it("quiet hours are read on the patient's own clock when the booking page gave it", async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      const consents = consentsFor(['sms'], consentAt).map((consent) => ({ ...consent, timeZone: 'America/New_York' }));
      await rig.book(consents, at('2027-03-15T09:00:00-06:00'));
      // 7:00 in Denver is 9:00 in New York: the 2-hour reminder goes at once.
      await dispatchAt(rig, '2027-03-13T16:00:00Z');
      assert.deepEqual(await dispatchAt(rig, '2027-03-15T13:00:00Z'), { sent: 1, failed: 0, cancelled: 0 });
      assert.equal(rig.sms.messages.length, 2);
    });

    it('C confirms; STOP and CANCEL opt out at once with a confirmation; START opts back in; HELP answers; other replies wait for staff', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      const visit = await rig.book(consentsFor(['sms', 'email'], consentAt), at('2027-03-15T09:00:00-06:00'));
      await dispatchAt(rig, '2027-03-13T16:00:00Z');

      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'c');
      assert.match(rig.sms.replies.at(-1)!.body, /^Cedar Ridge Physical Therapy: thank you, your visit is confirmed\.$/);
      const state = (await (await rig.admin(`/admin/appointments/${visit.id}`)).json()) as { confirmedAt?: string; confirmedVia?: string; patientId: string };
      assert.equal(state.confirmedAt, '2027-03-13T16:00:00.000Z');
      assert.equal(state.confirmedVia, 'sms');
      assert.deepEqual(rig.practiceEvents.find((event) => event.kind === 'appointment.confirmed'), { kind: 'appointment.confirmed', appointmentId: visit.id, confirmedAt: '2027-03-13T16:00:00.000Z', via: 'sms' });

      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'Can I bring my knee brace?');
      assert.equal(rig.sms.replies.length, 1, 'no automatic answer to a question');
      const queue = (await (await rig.admin('/admin/replies')).json()) as { items: { id: string; body: string; patientId?: string }[] };
      assert.deepEqual(queue.items.map((item) => [item.body, item.patientId]), [['Can I bring my knee brace?', state.patientId]]);

      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'STOP');
      assert.match(rig.sms.replies.at(-1)!.body, /you are unsubscribed and will get no more texts\. Reply START to resubscribe\./);
      const ledger = (await (await rig.admin(`/admin/patients/${state.patientId}/consents`)).json()) as { items: { channel: string; scope: string; granted: boolean; source: string; keyword?: string; wordingVersion?: string }[] };
      assert.deepEqual(
        ledger.items.map((entry) => [entry.channel, entry.scope, entry.granted, entry.source, entry.keyword ?? entry.wordingVersion]),
        [
          ['sms', 'reminder', true, 'booking', 'booking-2027-03'],
          ['sms', 'care', true, 'booking', 'booking-2027-03'],
          ['email', 'reminder', true, 'booking', 'booking-2027-03'],
          ['email', 'care', true, 'booking', 'booking-2027-03'],
          ['sms', 'channel', false, 'keyword', 'STOP'],
        ],
      );

      // The 2-hour reminder: nothing more by SMS, the email still goes (at 8:00, after quiet hours).
      await dispatchAt(rig, '2027-03-15T14:00:00Z');
      assert.equal(rig.sms.messages.length, 1, 'no SMS after STOP');
      assert.equal(rig.smtp.received.length, 2);
      assert.deepEqual((await outboxRows(rig)).filter((r) => r.offset_minutes === 120).map((r) => [r.channel, r.status, r.last_error]), [
        ['email', 'sent', null],
        ['sms', 'cancelled', 'no-consent'],
      ]);
      // The admin API shows the same, without addresses or links.
      const listed = (await (await rig.admin('/admin/reminders')).json()) as { items: { channel: string; offsetMinutes: number; status: string; deliveryStatus?: string; lastError?: string; step: string }[] };
      assert.deepEqual(
        listed.items.filter((item) => item.offsetMinutes === 120).map((item) => [item.step, item.channel, item.status, item.deliveryStatus, item.lastError]).sort(),
        [
          ['reminder', 'email', 'sent', 'sent', undefined],
          ['reminder', 'sms', 'cancelled', undefined, 'no-consent'],
        ],
      );
      assert.doesNotMatch(JSON.stringify(listed), /rosa@example\.com|303-555-0111|visit#/);

      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'START');
      assert.match(rig.sms.replies.at(-1)!.body, /you will get appointment texts again/);
      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'help');
      assert.equal(rig.sms.replies.at(-1)!.body, 'Cedar Ridge Physical Therapy: appointment texts. Call +1 303-555-0142 for help. Reply STOP to opt out. Msg&data rates may apply.');
      await rig.sms.inbound(INBOUND, FROM_PATIENT, 'Cancel');
      assert.match(rig.sms.replies.at(-1)!.body, /you are unsubscribed/, 'CANCEL is an opt-out word');
      assert.equal(((await (await rig.admin(`/admin/appointments/${visit.id}`)).json()) as { status: string }).status, 'booked', 'and never cancels a visit');
      const after = (await (await rig.admin(`/admin/patients/${state.patientId}/consents`)).json()) as { items: { scope: string; granted: boolean; keyword?: string }[] };
      assert.deepEqual(after.items.slice(-2).map((entry) => [entry.scope, entry.granted, entry.keyword]), [['channel', true, 'START'], ['channel', false, 'CANCEL']]);
    });

    it('in Spanish for a patient who booked in Spanish; the email unsubscribe link stops emails only', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      const visit = await rig.book(consentsFor(['sms', 'email'], consentAt, 'es'), at('2027-03-15T09:00:00-06:00'));
      await dispatchAt(rig, '2027-03-13T16:00:00Z');
      assert.match(rig.sms.messages[0]!.body, /^Cedar Ridge Physical Therapy: cita lun, 15 de mar 9:00 a\.m\.: https:\/\/cedarridge\.example\/visit#[\w-]{43} Baja: STOP$/);
      const mail = await simpleParser(rig.smtp.received[0]!.raw);
      assert.equal(mail.subject, 'Cedar Ridge Physical Therapy: su cita del lun, 15 de mar');
      assert.match(mail.text ?? '', /No leemos las respuestas a este correo/);

      // The link in the text opens a page; only its button (a POST, as one-click mail clients send) unsubscribes.
      const link = /https:\/\/api\.cedarridge\.example(\/messaging\/unsubscribe\/[\w.-]+)/.exec(mail.text ?? '')![1]!;
      const page = await fetch(`${rig.server.url}${link}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post"><button type="submit">Unsubscribe from emails<\/button><\/form>/);
      const patientId = ((await (await rig.admin(`/admin/appointments/${visit.id}`)).json()) as { patientId: string }).patientId;
      const before = ((await (await rig.admin(`/admin/patients/${patientId}/consents`)).json()) as { items: unknown[] }).items.length;
      const unsubscribed = await fetch(`${rig.server.url}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(unsubscribed.status, 200);
      const ledger = (await (await rig.admin(`/admin/patients/${patientId}/consents`)).json()) as { items: { channel: string; scope: string; granted: boolean; source: string }[] };
      assert.equal(ledger.items.length, before + 1);
      assert.deepEqual(ledger.items.at(-1), { ...ledger.items.at(-1), channel: 'email', scope: 'channel', granted: false, source: 'unsubscribe-link' });
      assert.equal((await fetch(`${rig.server.url}/messaging/unsubscribe/v1.forged.token`, { method: 'POST' })).status, 404);

      await dispatchAt(rig, '2027-03-15T14:00:00Z');
      assert.equal(rig.smtp.received.length, 1, 'no more emails');
      assert.equal(rig.sms.messages.length, 2, 'texts go on');
    });

    it('refuses a forged callback and believes a signed one; a dead number is marked and the practice told', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      await rig.book(consentsFor(['sms'], consentAt), at('2027-03-15T09:00:00-06:00'));
      await dispatchAt(rig, '2027-03-13T16:00:00Z');
      const sent = rig.sms.messages[0]!;
      // The stand-in signs exactly as the provider documents: the official SDK's own check agrees.
      const params = { MessageSid: sent.sid, MessageStatus: 'delivered' };
      assert.equal(twilio.validateRequest(AUTH_TOKEN, rig.sms.sign(sent.statusCallback!, params), sent.statusCallback!, params), true);

      assert.equal((await rig.sms.report(sent, 'delivered', undefined, true)).status, 401);
      assert.equal((await rig.sms.inbound(INBOUND, FROM_PATIENT, 'STOP', true)).status, 401);
      assert.equal((await outboxRows(rig))[0]!.delivery_status, 'queued', 'a forged report changes nothing');
      assert.equal(rig.sms.replies.length, 0);

      assert.equal((await rig.sms.report(sent, 'sent')).status, 204);
      assert.equal((await rig.sms.report(sent, 'delivered')).status, 204);
      assert.equal((await outboxRows(rig))[0]!.delivery_status, 'delivered');

      // The next visit's text cannot be delivered: the number is a landline (30006).
      await dispatchAt(rig, '2027-03-15T14:00:00Z');
      const second = rig.sms.messages[1]!;
      assert.equal((await rig.sms.report(second, 'undelivered', '30006')).status, 204);
      const rows = await outboxRows(rig);
      assert.deepEqual([rows[1]!.delivery_status, rows[1]!.last_error], ['undeliverable', 'provider error 30006']);
      assert.deepEqual(rig.practiceEvents.at(-1), { kind: 'contact.undeliverable', patientId: rig.practiceEvents.at(-1)!.patientId, channel: 'sms', messageId: rows[1]!.id });
      const suppressed = await rig.server.server.db.all<{ reason: string }>("SELECT reason FROM contact_suppressions WHERE channel = 'sms'");
      assert.deepEqual(suppressed.map((row) => row.reason), ['provider error 30006']);
    });

    it('caps: one message a day and three a week per patient, whatever the channel', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      // Two visits two days apart (Tuesday and Thursday, 10:00 MST), by SMS and email.
      await rig.book(consentsFor(['sms', 'email'], consentAt), at('2027-03-09T10:00:00-07:00'));
      await rig.book(consentsFor(['sms', 'email'], consentAt), at('2027-03-11T10:00:00-07:00'), { kind: 'returning' });
      await dispatchAt(rig, '2027-03-07T17:00:00Z'); // first visit, 2 days before: sent (both channels count as one message)
      await dispatchAt(rig, '2027-03-09T15:00:00Z'); // first visit, 2 hours before (8:00): sent
      await dispatchAt(rig, '2027-03-09T17:00:00Z'); // second visit, 2 days before: the day's message is spent
      const held = (await outboxRows(rig)).filter((row) => row.hold_reason === 'frequency-cap');
      assert.equal(held.length, 2);
      await dispatchAt(rig, '2027-03-10T07:00:00Z'); // local midnight: quiet hours now
      assert.equal(rig.sms.messages.length, 2);
      await dispatchAt(rig, '2027-03-10T15:00:00Z'); // 8:00 on the next day: goes out
      assert.equal(rig.sms.messages.length, 3);
      // Second visit, 2 hours before: three in the last seven days already, and waiting would pass the visit.
      await dispatchAt(rig, '2027-03-11T15:00:00Z');
      assert.equal(rig.sms.messages.length, 3);
      assert.equal(rig.smtp.received.length, 3);
      const last = (await outboxRows(rig)).filter((row) => row.offset_minutes === 120).slice(-2);
      assert.deepEqual(last.map((row) => [row.status, row.last_error]), [['cancelled', 'too-late'], ['cancelled', 'too-late']]);
    });

    it('a cancelled visit withdraws its pending messages; a temporary provider failure is retried with backoff', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      const api = rig.server.adapter.booking!;
      const cancelled = await rig.book(consentsFor(['sms', 'email'], consentAt), at('2027-03-15T09:00:00-06:00'));
      await api.cancelAppointment(cancelled.manageToken, {});
      const kept = await rig.book(consentsFor(['sms'], consentAt), at('2027-03-16T11:00:00-06:00'), { kind: 'returning' });
      assert.ok(kept.id);
      rig.sms.failNext(503, 20500);
      assert.deepEqual(await dispatchAt(rig, '2027-03-13T16:00:00Z'), { sent: 0, failed: 0, cancelled: 0 });
      assert.deepEqual(await dispatchAt(rig, '2027-03-14T17:00:00Z'), { sent: 0, failed: 1, cancelled: 0 });
      assert.deepEqual(await dispatchAt(rig, '2027-03-14T17:00:30Z'), { sent: 0, failed: 0, cancelled: 0 }, 'not at once');
      assert.deepEqual(await dispatchAt(rig, '2027-03-14T17:01:00Z'), { sent: 1, failed: 0, cancelled: 0 });
      assert.equal(rig.sms.messages.length, 1, 'the refused attempt was never taken: one message');
      assert.equal(rig.smtp.received.length, 0, 'nothing for the cancelled visit');
      const statuses = await rig.server.server.db.all<{ appointment_id: string; status: string }>('SELECT appointment_id, status FROM reminders ORDER BY due_at');
      assert.deepEqual(statuses.filter((row) => row.appointment_id === cancelled.id).map((row) => row.status), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    });

    it('a mailbox that does not exist is marked after the 550, and the practice is told', async (t) => {
      rig = await startMessagingRig(CONTRACT_NOW, t);
      if (!rig) return;
      rig.smtp.rejectRecipients.add('rosa@example.com');
      await rig.book(consentsFor(['email'], consentAt), at('2027-03-15T09:00:00-06:00'));
      assert.deepEqual(await dispatchAt(rig, '2027-03-13T16:00:00Z'), { sent: 0, failed: 1, cancelled: 0 });
      const [row] = await outboxRows(rig);
      assert.deepEqual([row!.status, row!.delivery_status], ['failed', 'undeliverable']);
      assert.equal(rig.practiceEvents.at(-1)!.kind, 'contact.undeliverable');
      // The next reminder is not even tried.
      assert.deepEqual(await dispatchAt(rig, '2027-03-15T14:00:00Z'), { sent: 0, failed: 0, cancelled: 1 });
      assert.equal((await outboxRows(rig))[1]!.last_error, 'address-suppressed');
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
