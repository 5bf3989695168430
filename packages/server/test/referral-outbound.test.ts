/**
 * The loop back to referrers through real senders, against local stand-ins of each provider:
 * Phaxio's send API (the fax stand-in), a HISP's REST API and inbox (the HISP stand-in), and a
 * real SMTP server. Through the outbox job: each transmission goes out once, a job run again sends
 * nothing new, a send whose answer was lost is not sent twice (the fax's tag, the HISP's
 * idempotency key), the signed delivery callback records the status and a forged one changes
 * nothing, a failure is retried with backoff and ends `failed` with a reason code. Direct polling
 * takes in the HISP's inbox once per message id.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { simpleParser } from 'mailparser';
import { directSenderOf } from '../src/referrals/direct-hisp.js';
import { createHispRestClient } from '../src/referrals/hisp-rest-client.js';
import { createPhaxioFaxSender } from '../src/referrals/phaxio-fax-sender.js';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';
import { createFaxProviderStandIn, type FaxProviderStandIn } from './stand-ins/fax-provider.js';
import { createHispStandIn, type HispStandIn } from './stand-ins/hisp.js';
import type { StandInApi } from './stand-ins/http-stand-in.js';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.js';

const ADMIN_KEY = 'admin-key-for-referral-outbound-tests-01';
const FAX_TOKEN = 'fax-callback-token-0002';
const FAX_CREDENTIALS = { apiKey: 'phaxio-key-0001', apiSecret: 'phaxio-secret-0001' };
const HISP_SECRET = 'hisp-webhook-secret-0002';
const HISP_TOKEN = 'hisp-api-token-0001';
const PUBLIC_URL = 'https://clinic.example/pxm';
const PRACTICE_DIRECT = 'intake@direct.clinic.example';
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

interface Transmission {
  id: string;
  milestone: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  deliveredAt?: string;
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`referral senders (${dialect})`, () => {
    let test: TestServer;
    let fax: FaxProviderStandIn;
    let hisp: HispStandIn;
    let faxApi: StandInApi;
    let hispApi: StandInApi;
    let smtp: SmtpTestServer;
    const admin = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${test.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) } : {}),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const transmissions = async (id: string) => ((await admin('GET', `/admin/referrals/${id}`)).json.transmissions as Transmission[]);
    const dispatch = async () => (await admin('POST', '/admin/referral-transmissions/dispatch')).json as Record<string, number>;
    /** A web referral, scheduled by staff: its `scheduled` message is queued. */
    const scheduledReferral = async (overrides: Parameters<typeof referralInput>[0] = {}) => {
      const { idempotencyKey, ...body } = referralInput(overrides);
      const sent = await fetch(`${test.url}/referrals`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } });
      assert.equal(sent.status, 201);
      const reference = ((await sent.json()) as { reference: string }).reference;
      const items = (await admin('GET', '/admin/referrals?limit=100')).json.items as Array<{ id: string; reference: string }>;
      const id = items.find((item) => item.reference === reference)!.id;
      assert.equal((await admin('POST', `/admin/referrals/${id}/triage`, { status: 'scheduled', by: 'kp' })).status, 200);
      return { id, reference };
    };

    before(async () => {
      if (skip()) return;
      let clockNow = () => CONTRACT_NOW;
      fax = createFaxProviderStandIn({ callbackToken: FAX_TOKEN, publicUrl: PUBLIC_URL });
      hisp = createHispStandIn({ webhookSecret: HISP_SECRET, now: () => clockNow() });
      faxApi = await fax.startApi(FAX_CREDENTIALS);
      hispApi = await hisp.startApi(HISP_TOKEN);
      smtp = await startSmtpTestServer();
      const hispClient = createHispRestClient({ baseUrl: hispApi.url, token: HISP_TOKEN });
      test = await startTestServer(dialect, {
        now: CONTRACT_NOW,
        serverOptions: {
          adminApiKey: ADMIN_KEY,
          messaging: {
            email: { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }, from: '"Summit Physical Therapy" <referrals@summitpt.example>' },
            links: { manage: 'https://clinic.example/manage/{token}' },
          },
          referrals: {
            pollIntervalMs: false,
            emailAllowed: true,
            channels: {
              fax: createPhaxioFaxSender({ ...FAX_CREDENTIALS, callbackUrl: `${PUBLIC_URL}/webhooks/fax/status`, apiBaseUrl: faxApi.url }),
              direct: directSenderOf(hispClient, PRACTICE_DIRECT),
            },
            // Polled by the test (`pollDirectInbox`), not by the hourly timer.
            directInbox: { inbox: hispClient, pollIntervalMs: 3_600_000 },
            webhooks: { fax: { callbackToken: FAX_TOKEN, publicUrl: PUBLIC_URL }, direct: { webhookSecret: HISP_SECRET } },
          },
        },
      });
      clockNow = test.clock.now;
    });
    after(async () => {
      await test?.dispose();
      await faxApi?.close();
      await hispApi?.close();
      await smtp?.close();
    });

    it('a fax goes out once through the send API; a job run again sends nothing; the signed callback records delivery and a forged one is refused', async (t) => {
      if (skip()) return t.skip(skip());
      const referral = await scheduledReferral();
      assert.deepEqual(await dispatch(), { sent: 1, retrying: 0, failed: 0, skipped: 0 });
      assert.equal(fax.apiFaxes.length, 1);
      const sent = fax.apiFaxes[0]!;
      assert.equal(sent.to, '+1 303-555-0101');
      assert.equal(sent.callbackUrl, `${PUBLIC_URL}/webhooks/fax/status`);
      assert.equal(sent.headerText, `Referral ${referral.reference}: scheduled`);
      assert.equal(new TextDecoder().decode(sent.file.bytes.slice(0, 8)), '%PDF-1.4');
      assert.equal(sent.file.type, 'application/pdf');
      const [record] = await transmissions(referral.id);
      assert.equal(sent.tags.pxm_transmission, record!.id);
      assert.deepEqual([record!.status, record!.attempts], ['sent', 1]);
      // The job runs again (a second worker, a retried job): nothing more leaves.
      assert.equal((await dispatch()).sent, 0);
      assert.equal(fax.apiFaxes.length, 1);

      const forged = await fax.completeFax(test.url, sent.id, { success: false }, { signWith: 'not-the-token' });
      assert.equal(forged.status, 401);
      assert.equal((await transmissions(referral.id))[0]!.status, 'sent');
      const completed = await fax.completeFax(test.url, sent.id, { success: true });
      assert.equal(completed.status, 200);
      assert.deepEqual(await completed.json(), { matched: true });
      const delivered = (await transmissions(referral.id))[0]!;
      assert.equal(delivered.status, 'delivered');
      assert.equal(delivered.deliveredAt, test.clock.now().toISOString());
    });

    it('a fax whose answer was lost is found by its tag on the retry, not dialled twice', async (t) => {
      if (skip()) return t.skip(skip());
      const referral = await scheduledReferral({ patient: { ...referralInput().patient, givenName: 'Lost' } });
      const before = fax.apiFaxes.length;
      fax.apiDropAnswerNext = 1;
      assert.equal((await dispatch()).retrying, 1);
      assert.equal(fax.apiFaxes.length, before + 1, 'the provider took the fax');
      assert.equal((await transmissions(referral.id))[0]!.lastError, 'fax_network');
      test.clock.advance(60_000);
      assert.equal((await dispatch()).sent, 1);
      assert.equal(fax.apiFaxes.length, before + 1, 'no second fax');
      const record = (await transmissions(referral.id))[0]!;
      assert.deepEqual([record.status, record.attempts], ['sent', 2]);
      // The callback names the first fax's id: it is this transmission's.
      await fax.completeFax(test.url, fax.apiFaxes.at(-1)!.id, { success: false, errorType: 'lineError' });
      const failed = (await transmissions(referral.id))[0]!;
      assert.deepEqual([failed.status, failed.lastError], ['failed', 'fax_lineError']);
    });

    it('a provider that stays down is retried with backoff, then the transmission ends failed with a reason code', async (t) => {
      if (skip()) return t.skip(skip());
      const referral = await scheduledReferral({ patient: { ...referralInput().patient, givenName: 'Down' } });
      const before = fax.apiFaxes.length;
      fax.apiFailNext = 5;
      assert.equal((await dispatch()).retrying, 1);
      // Not due again for a minute: a run now sends nothing and asks the provider nothing.
      assert.equal((await dispatch()).retrying, 0);
      assert.equal(fax.apiFailNext, 4);
      for (const waitMs of [60_000, 5 * 60_000, 30 * 60_000]) {
        test.clock.advance(waitMs - 1_000);
        assert.equal((await dispatch()).retrying, 0, 'still waiting');
        test.clock.advance(1_000);
        assert.equal((await dispatch()).retrying, 1);
      }
      test.clock.advance(2 * 3_600_000);
      assert.equal((await dispatch()).failed, 1);
      const record = (await transmissions(referral.id))[0]!;
      assert.deepEqual([record.status, record.attempts, record.lastError], ['failed', 5, 'fax_unavailable']);
      assert.equal(fax.apiFailNext, 0);
      assert.equal(fax.apiFaxes.length, before);
      test.clock.advance(86_400_000);
      assert.equal((await dispatch()).sent, 0, 'a failed transmission stays failed');
    });

    it('the plan of care goes by Direct once, even when the HISP\'s answer is lost; MDNs record delivery; a forged one is refused', async (t) => {
      if (skip()) return t.skip(skip());
      const input = referralInput();
      const referral = await scheduledReferral({
        patient: { ...input.patient, givenName: 'Direct' },
        referrer: { ...input.referrer, npi: '1245319599', directAddress: 'dr.lee@direct.ortho.example' },
      });
      assert.equal((await dispatch()).sent, 1);
      assert.equal(hisp.apiMessages.length, 1);
      const plan = await admin('POST', `/admin/referrals/${referral.id}/plans-of-care?certifiedOn=2027-04-01`, pdf('plan of care'), { 'content-type': 'application/pdf' });
      assert.equal(plan.status, 201);
      hisp.apiDropAnswerNext = 1;
      assert.equal((await dispatch()).retrying, 1);
      test.clock.advance(60_000);
      assert.equal((await dispatch()).sent, 1);
      // One message per transmission: the retry carried the same idempotency key.
      assert.equal(hisp.apiMessages.length, 2);
      const message = hisp.apiMessages[1]!;
      assert.deepEqual([message.from, message.to, message.subject], [PRACTICE_DIRECT, 'dr.lee@direct.ortho.example', `Referral ${referral.reference}: plan of care`]);
      assert.equal(Buffer.from(message.attachments[0]!.content, 'base64').toString(), '%PDF-1.4\n% plan of care\n%%EOF\n');
      const record = (await transmissions(referral.id)).find((entry) => entry.milestone === 'plan-of-care')!;
      assert.equal(message.idempotencyKey, record.id);
      assert.deepEqual([record.channel, record.status, record.attempts], ['direct', 'sent', 2]);

      assert.deepEqual(await (await hisp.reportStatus(test.url, message.messageId, 'processed')).json(), { matched: false, final: false });
      assert.equal((await transmissions(referral.id)).find((entry) => entry.milestone === 'plan-of-care')!.status, 'sent');
      assert.equal((await hisp.reportStatus(test.url, message.messageId, 'failed', { secret: 'guess' })).status, 401);
      assert.equal((await transmissions(referral.id)).find((entry) => entry.milestone === 'plan-of-care')!.status, 'sent');
      assert.equal((await hisp.reportStatus(test.url, message.messageId, 'dispatched')).status, 200);
      const delivered = (await transmissions(referral.id)).find((entry) => entry.milestone === 'plan-of-care')!;
      assert.deepEqual([delivered.status, delivered.deliveredAt], ['delivered', test.clock.now().toISOString()]);
      // Free text from the HISP is not kept: only a code.
      const scheduled = (await transmissions(referral.id)).find((entry) => entry.milestone === 'scheduled')!;
      await hisp.reportStatus(test.url, hisp.apiMessages[0]!.messageId, 'failed', { reason: 'Mailbox of Dr Lee full' });
      assert.deepEqual(
        [(await transmissions(referral.id)).find((entry) => entry.id === scheduled.id)!.status, (await transmissions(referral.id)).find((entry) => entry.id === scheduled.id)!.lastError],
        ['failed', 'direct_failed'],
      );
    });

    it('polls the HISP inbox: each message becomes one referral, a message already taken in by webhook is only acknowledged', async (t) => {
      if (skip()) return t.skip(skip());
      const count = async () => ((await admin('GET', '/admin/referrals?source=direct&limit=100')).json.items as unknown[]).length;
      const start = await count();
      hisp.queueInbound({ messageId: 'hisp-poll-1', from: 'dr.ames@direct.spine.example', pdf: pdf('polled order') });
      hisp.queueInbound({ messageId: 'hisp-poll-empty', from: 'dr.ames@direct.spine.example' });
      assert.deepEqual(await test.server.pollDirectInbox(), { received: 1, repeated: 0, rejected: 1 });
      assert.equal(hisp.inbox.length, 0);
      assert.equal(await count(), start + 1);
      // Taken in by the webhook first; the poll finds it known (a poller that died before acknowledging).
      assert.equal((await hisp.postMessage(test.url, { messageId: 'hisp-poll-2', from: 'dr.ames@direct.spine.example', pdf: pdf('pushed order') })).status, 201);
      hisp.queueInbound({ messageId: 'hisp-poll-2', from: 'dr.ames@direct.spine.example', pdf: pdf('pushed order') });
      hisp.queueInbound({ messageId: 'hisp-poll-1', from: 'dr.ames@direct.spine.example', pdf: pdf('polled order') });
      assert.deepEqual(await test.server.pollDirectInbox(), { received: 0, repeated: 2, rejected: 0 });
      assert.equal(await count(), start + 2);
      assert.deepEqual([hisp.acknowledged.get('hisp-poll-1'), hisp.acknowledged.get('hisp-poll-2')], [2, 1]);
    });

    it('email where allowed: the notice names no patient, the plan of care is not attached by default, a job run again sends nothing', async (t) => {
      if (skip()) return t.skip(skip());
      const input = referralInput();
      const referral = await scheduledReferral({
        patient: { ...input.patient, givenName: 'Emailed', familyName: 'Person' },
        referrer: { name: 'Dr. Mail', npi: '1245319599', phone: '+1 303-555-0100', email: 'dr.mail@ortho.example' },
      });
      const plan = await admin('POST', `/admin/referrals/${referral.id}/plans-of-care?certifiedOn=2027-04-01`, pdf('plan of care'), { 'content-type': 'application/pdf' });
      assert.equal(plan.status, 201);
      const before = smtp.received.length;
      assert.equal((await dispatch()).sent, 2);
      assert.equal((await dispatch()).sent, 0);
      const mails = await Promise.all(smtp.received.slice(before).map((mail) => simpleParser(mail.raw)));
      assert.equal(mails.length, 2);
      const records = await transmissions(referral.id);
      for (const mail of mails) {
        assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'dr.mail@ortho.example');
        assert.doesNotMatch(`${mail.subject} ${mail.text}`, /Emailed|Person|1958/);
        assert.match(mail.text ?? '', new RegExp(referral.reference));
        assert.equal(mail.attachments.length, 0);
        assert.ok(records.some((record) => mail.messageId === `<${record.id}@summitpt.example>`));
      }
      assert.match(mails.map((mail) => mail.text).join('\n'), /not sent by plain email/);
      assert.deepEqual(records.map((record) => [record.channel, record.status]), [['email', 'sent'], ['email', 'sent']]);
    });
  });
}

describe('a practice that lets plain email carry the plan of care (sqlite)', () => {
  let test: TestServer;
  let smtp: SmtpTestServer;
  before(async () => {
    smtp = await startSmtpTestServer();
    test = await startTestServer('sqlite', {
      now: CONTRACT_NOW,
      serverOptions: {
        adminApiKey: ADMIN_KEY,
        messaging: {
          email: { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }, from: 'referrals@summitpt.example' },
          links: { manage: 'https://clinic.example/manage/{token}' },
        },
        referrals: { pollIntervalMs: false, emailAllowed: true, emailAttachesPlanOfCare: true },
      },
    });
  });
  after(async () => {
    await test?.dispose();
    await smtp?.close();
  });

  it('attaches the plan of care PDF; a referrer whose mailbox does not exist ends failed at once', async () => {
    const input = referralInput();
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    const submit = async (email: string) => {
      const { idempotencyKey, ...body } = referralInput({ referrer: { name: 'Dr. Mail', npi: '1245319599', phone: '+1 303-555-0100', email }, patient: { ...input.patient, givenName: email.slice(0, 5) } });
      const sent = await fetch(`${test.url}/referrals`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } });
      const reference = ((await sent.json()) as { reference: string }).reference;
      const items = ((await (await fetch(`${test.url}/admin/referrals`, { headers })).json()) as { items: Array<{ id: string; reference: string }> }).items;
      const id = items.find((item) => item.reference === reference)!.id;
      const plan = await fetch(`${test.url}/admin/referrals/${id}/plans-of-care?certifiedOn=2027-04-01`, { method: 'POST', body: Buffer.from(pdf('emailed plan')), headers: { ...headers, 'content-type': 'application/pdf' } });
      assert.equal(plan.status, 201);
      return id;
    };
    await submit('dr.mail@ortho.example');
    smtp.rejectRecipients.add('nobody@ortho.example');
    const bounced = await submit('nobody@ortho.example');
    const dispatched = (await (await fetch(`${test.url}/admin/referral-transmissions/dispatch`, { method: 'POST', headers })).json()) as Record<string, number>;
    assert.deepEqual([dispatched.sent, dispatched.failed], [1, 1]);
    assert.equal(smtp.received.length, 1);
    const mail = await simpleParser(smtp.received[0]!.raw);
    assert.deepEqual(mail.attachments.map((file) => [file.contentType, file.content.toString()]), [['application/pdf', '%PDF-1.4\n% emailed plan\n%%EOF\n']]);
    const record = ((await (await fetch(`${test.url}/admin/referrals/${bounced}`, { headers })).json()) as { transmissions: Transmission[] }).transmissions[0]!;
    assert.deepEqual([record.status, record.attempts, record.lastError], ['failed', 1, 'email_undeliverable']);
  });
});

suite('sqlite', () => undefined);
const postgresReason = await postgresUnavailable();
suite('postgres', () => postgresReason);
