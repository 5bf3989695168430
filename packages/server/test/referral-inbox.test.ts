/**
 * The referral inbox over HTTP: a web referral, a fax (through the fax provider stand-in) and a
 * Direct message (through the HISP stand-in) each land once; forged callbacks are refused;
 * triage keeps its history; repeats are marked; a referral booking link books the right visit
 * and schedules the referral; the loop back records each transmission and its delivery status;
 * the 30-day and 90-day lists are right across DST changes in the clinic's zone (America/Denver).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { directSenderOf } from '../src/referrals/direct-hisp.js';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';
import { createFaxProviderStandIn, type FaxProviderStandIn } from './stand-ins/fax-provider.js';
import { createHispStandIn, type HispStandIn } from './stand-ins/hisp.js';

const ADMIN_KEY = 'admin-key-for-referral-inbox-tests-0001';
const FAX_TOKEN = 'fax-callback-token-0001';
const HISP_SECRET = 'hisp-webhook-secret-0001';
const PUBLIC_URL = 'https://clinic.example/pxm';
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

interface Item {
  id: string;
  reference: string;
  source: string;
  status: string;
  complete: boolean;
  possibleDuplicateOf?: string;
  sender?: string;
  history?: Array<{ by: string; from?: string; to: string; reason?: string; at: string }>;
  attachments?: Array<{ id: string; contentType: string }>;
  transmissions?: Array<{ id: string; milestone: string; channel: string; recipient: string; status: string; sentAt?: string; deliveredAt?: string }>;
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`referral inbox (${dialect})`, () => {
    let test: TestServer;
    let fax: FaxProviderStandIn;
    let hisp: HispStandIn;
    const ids: Record<string, string> = {};
    const admin = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${test.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) } : {}),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const referral = async (id: string) => (await admin('GET', `/admin/referrals/${id}`)).json as unknown as Item;
    const sendWeb = async (input: ReturnType<typeof referralInput>) => {
      const { idempotencyKey, ...body } = input;
      const response = await fetch(`${test.url}/referrals`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } });
      assert.equal(response.status, 201);
      return ((await response.json()) as { reference: string }).reference;
    };
    const listAll = async (query = '') => ((await admin('GET', `/admin/referrals${query}`)).json.items as Item[]);

    before(async () => {
      if (skip()) return;
      let clockNow = () => CONTRACT_NOW;
      fax = createFaxProviderStandIn({ callbackToken: FAX_TOKEN, publicUrl: PUBLIC_URL });
      hisp = createHispStandIn({ webhookSecret: HISP_SECRET, now: () => clockNow() });
      test = await startTestServer(dialect, {
        now: CONTRACT_NOW,
        serverOptions: {
          adminApiKey: ADMIN_KEY,
          referrals: {
            timeZone: 'America/Denver',
            duplicateWindowDays: 14,
            pollIntervalMs: false,
            channels: { fax, direct: directSenderOf(hisp, 'intake@direct.clinic.example') },
            webhooks: { fax: { callbackToken: FAX_TOKEN, publicUrl: PUBLIC_URL }, direct: { webhookSecret: HISP_SECRET } },
          },
        },
      });
      clockNow = test.clock.now;
    });
    after(async () => test?.dispose());

    it('a web referral, a fax and a Direct message each appear in the inbox once', async (t) => {
      if (skip()) return t.skip(skip());
      const reference = await sendWeb(referralInput());
      const faxed = await fax.deliverInboundFax(test.url, { id: 4101, from: '+13035550101', pdf: pdf('faxed order') });
      assert.equal(faxed.status, 201);
      // The provider retries a callback it thinks failed: the same referral, nothing new.
      const retried = await fax.deliverInboundFax(test.url, { id: 4101, from: '+13035550101', pdf: pdf('faxed order') });
      assert.equal(retried.status, 200);
      assert.equal(((await retried.json()) as { created: boolean }).created, false);
      const direct = await hisp.postMessage(test.url, { messageId: 'hisp-in-1', from: 'dr.lee@direct.ortho.example', pdf: pdf('direct order') });
      assert.equal(direct.status, 201);
      assert.equal((await hisp.postMessage(test.url, { messageId: 'hisp-in-1', from: 'dr.lee@direct.ortho.example', pdf: pdf('direct order') })).status, 200);

      const items = await listAll();
      assert.deepEqual(items.map((item) => item.source).sort(), ['direct', 'fax', 'web']);
      const web = items.find((item) => item.source === 'web')!;
      assert.equal(web.reference, reference);
      assert.equal(web.complete, true);
      for (const source of ['fax', 'direct']) {
        const item = items.find((candidate) => candidate.source === source)!;
        assert.equal(item.status, 'new');
        assert.equal(item.complete, false, `${source} waits for staff to fill it in`);
        ids[source] = item.id;
      }
      ids.web = web.id;
      const faxItem = await referral(ids.fax!);
      assert.equal(faxItem.sender, '+13035550101');
      assert.equal(faxItem.attachments?.length, 1);
      const stored = await fetch(`${test.url}/admin/referrals/${ids.fax}/attachments/${faxItem.attachments![0]!.id}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      assert.equal(stored.headers.get('content-type'), 'application/pdf');
      assert.equal(new TextDecoder().decode(await stored.arrayBuffer()), '%PDF-1.4\n% faxed order\n%%EOF\n');

      const page = await admin('GET', '/admin/referrals?limit=2');
      assert.equal((page.json.items as Item[]).length, 2);
      const next = await admin('GET', `/admin/referrals?limit=2&cursor=${String(page.json.nextCursor)}`);
      assert.equal((next.json.items as Item[]).length, 1);
      assert.equal(next.json.nextCursor, null);
      assert.deepEqual((await listAll('?source=fax')).map((item) => item.id), [ids.fax]);
    });

    it('refuses forged fax and Direct callbacks and stores nothing', async (t) => {
      if (skip()) return t.skip(skip());
      const wrongToken = await fax.deliverInboundFax(test.url, { id: 4199, from: '+13035550111', pdf: pdf('forged') }, { signWith: 'not-the-token' });
      assert.equal(wrongToken.status, 401);
      const tampered = await fax.deliverInboundFax(test.url, { id: 4198, from: '+13035550111', pdf: pdf('swapped') }, { tamper: true });
      assert.equal(tampered.status, 401);
      const unsigned = await fetch(`${test.url}/webhooks/fax/inbound`, { method: 'POST', body: new FormData() });
      assert.equal(unsigned.status, 401);
      const wrongSecret = await hisp.postMessage(test.url, { messageId: 'hisp-forged', from: 'x@direct.example', pdf: pdf('forged') }, { secret: 'guess' });
      assert.equal(wrongSecret.status, 401);
      const replayed = await hisp.postMessage(test.url, { messageId: 'hisp-old', from: 'x@direct.example', pdf: pdf('old') }, { timestampSeconds: Math.floor(CONTRACT_NOW.getTime() / 1000) - 3600 });
      assert.equal(replayed.status, 401);
      assert.equal((await listAll()).length, 3);
    });

    it('triage keeps an append-only history; declining needs a reason; moves triage does not allow are refused', async (t) => {
      if (skip()) return t.skip(skip());
      assert.equal((await admin('POST', `/admin/referrals/${ids.web}/triage`, { status: 'declined', by: 'kp' })).status, 400);
      assert.equal((await admin('POST', `/admin/referrals/${ids.web}/triage`, { status: 'contacted', by: 'kp' })).status, 200);
      test.clock.advance(60_000);
      const declined = await admin('POST', `/admin/referrals/${ids.web}/triage`, { status: 'declined', reason: 'Patient chose another clinic', by: 'jm' });
      assert.equal(declined.json.status, 'declined');
      assert.equal((await admin('POST', `/admin/referrals/${ids.web}/triage`, { status: 'scheduled', by: 'jm' })).status, 409);
      const item = await referral(ids.web!);
      assert.deepEqual(
        item.history!.map((entry) => [entry.by, entry.from ?? null, entry.to, entry.reason ?? null]),
        [
          ['web', null, 'new', null],
          ['kp', 'new', 'contacted', null],
          ['jm', 'contacted', 'declined', 'Patient chose another clinic'],
        ],
      );
      assert.equal(item.history![2]!.at, new Date(CONTRACT_NOW.getTime() + 60_000).toISOString());
      assert.deepEqual((await listAll('?status=declined')).map((entry) => entry.id), [ids.web]);
    });

    it('marks the newer of two referrals of the same patient and referrer within the window, and keeps both', async (t) => {
      if (skip()) return t.skip(skip());
      const input = referralInput();
      // The faxed order turns out to be the same patient from the same referrer as the web one.
      const filled = await admin('PUT', `/admin/referrals/${ids.fax}/details`, {
        patient: input.patient,
        referrer: input.referrer,
        diagnoses: input.diagnoses,
        order: input.order,
        urgency: 'urgent',
      });
      assert.equal(filled.status, 200);
      assert.equal(filled.json.complete, true);
      assert.equal(filled.json.possibleDuplicateOf, ids.web);
      // Fifteen days on, the same referral again is outside the 14-day window.
      test.clock.advance(15 * 86_400_000);
      await sendWeb(referralInput());
      const later = (await listAll()).find((item) => item.source === 'web' && item.id !== ids.web)!;
      assert.equal(later.possibleDuplicateOf, undefined);
      ids.later = later.id;
      assert.deepEqual((await listAll('?duplicates=true')).map((item) => item.id), [ids.fax]);
      assert.equal((await listAll()).length, 4);
    });

    it('a referral booking link books the visit type of the discipline and schedules the referral', async (t) => {
      if (skip()) return t.skip(skip());
      const link = await admin('POST', `/admin/referrals/${ids.fax}/booking-links`, {});
      assert.equal(link.status, 201);
      assert.equal(link.json.appointmentTypeId, 'initial-evaluation');
      const token = String(link.json.token);
      const context = await (await fetch(`${test.url}/booking/referral-context/${token}`)).json();
      assert.deepEqual({ ...context, expiresAt: undefined }, { appointmentTypeId: 'initial-evaluation', discipline: 'physical-therapy', expiresAt: undefined });
      assert.equal((await fetch(`${test.url}/booking/referral-context/not-a-real-token-at-all`)).status, 404);
      // A second link, sent to the wrong address, is taken back by its token and by its id: both then answer 404.
      for (const by of ['token', 'id'] as const) {
        const spare = await admin('POST', `/admin/referrals/${ids.fax}/booking-links`, {});
        assert.equal((await fetch(`${test.url}/booking/referral-context/${String(spare.json.token)}`)).status, 200);
        const revoked = await admin('POST', '/admin/link-revocations', { kind: 'referral-booking', [by]: spare.json[by] });
        assert.deepEqual([revoked.status, revoked.json.id], [200, spare.json.id]);
        const after = await fetch(`${test.url}/booking/referral-context/${String(spare.json.token)}`);
        assert.deepEqual([after.status, ((await after.json()) as { code: string }).code], [404, 'token_invalid']);
      }

      // Friday 2027-03-19, the week after Denver's spring-forward (the clock stands at 2027-03-16).
      const slots = await test.adapter.booking!.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-19T00:00:00-06:00', to: '2027-03-20T00:00:00-06:00' });
      const hold = await test.adapter.booking!.holdSlot(slots[0]!.id);
      const booked = await fetch(`${test.url}/booking/appointments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'referral-booking-0001' },
        body: JSON.stringify({
          holdId: hold.id,
          patient: { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1958-11-30', phone: '+1 303-555-0142', email: 'p@example.com' },
          consents: [],
          referralToken: token,
        }),
      });
      assert.equal(booked.status, 201);
      ids.appointment = ((await booked.json()) as { id: string }).id;
      const item = await referral(ids.fax!);
      assert.equal(item.status, 'scheduled');
      assert.equal(item.history!.at(-1)!.by, 'patient-booking');
      // The referrer (fax number from the details) is told, once.
      assert.deepEqual(item.transmissions!.map((entry) => [entry.milestone, entry.channel, entry.recipient, entry.status]), [['scheduled', 'fax', '+1 303-555-0101', 'pending']]);
    });

    it('sends status messages and the plan of care from the outbox, records the delivery status, retries a failure', async (t) => {
      if (skip()) return t.skip(skip());
      fax.failNext = 1;
      let dispatched = (await admin('POST', '/admin/referral-transmissions/dispatch')).json;
      assert.equal(dispatched.retrying, 1);
      test.clock.advance(61_000);
      dispatched = (await admin('POST', '/admin/referral-transmissions/dispatch')).json;
      assert.equal(dispatched.sent, 1);
      assert.equal(fax.sent.length, 1);
      assert.match(fax.sent[0]!.text, /scheduled/);
      const scheduled = (await referral(ids.fax!)).transmissions![0]!;
      assert.equal(scheduled.status, 'sent');
      assert.equal((await fax.reportDelivery(test.url, '90001', true)).status, 200);
      const delivered = (await referral(ids.fax!)).transmissions![0]!;
      assert.equal(delivered.status, 'delivered');
      assert.ok(delivered.deliveredAt);

      // The Direct referral, filled in with a Direct address, hears back by Direct.
      const input = referralInput();
      await admin('PUT', `/admin/referrals/${ids.direct}/details`, {
        patient: { ...input.patient, givenName: 'Other', birthDate: '1970-01-02' },
        referrer: { ...input.referrer, npi: '1245319599', directAddress: 'dr.lee@direct.ortho.example' },
        diagnoses: ['M54.5'],
        order: { discipline: 'physical-therapy' },
        urgency: 'routine',
      });
      const plan = await admin('POST', `/admin/referrals/${ids.direct}/plans-of-care?certifiedOn=2027-08-15`, pdf('plan of care'), { 'content-type': 'application/pdf' });
      assert.equal(plan.status, 201);
      await admin('POST', '/admin/referral-transmissions/dispatch');
      assert.equal(hisp.sent.length, 1);
      assert.equal(hisp.sent[0]!.to, 'dr.lee@direct.ortho.example');
      assert.equal(new TextDecoder().decode(hisp.sent[0]!.attachments[0]!.content), '%PDF-1.4\n% plan of care\n%%EOF\n');
      assert.equal((await hisp.reportStatus(test.url, 'hisp-out-1', 'delivered')).status, 200);
      const record = (await referral(ids.direct!)).transmissions!.find((entry) => entry.milestone === 'plan-of-care')!;
      assert.deepEqual([record.channel, record.recipient, record.status], ['direct', 'dr.lee@direct.ortho.example', 'delivered']);
      assert.ok(record.sentAt);
    });

    it('lists plans of care not sent within 30 days of the first visit, in the clinic zone across spring-forward', async (t) => {
      if (skip()) return t.skip(skip());
      const seen = await admin('POST', `/admin/appointments/${ids.appointment}/completion`);
      assert.equal(seen.json.referralId, ids.fax);
      assert.equal((await referral(ids.fax!)).transmissions!.filter((entry) => entry.milestone === 'seen').length, 1);
      const late = async () => ((await admin('GET', '/admin/plans-of-care/late')).json.items as Array<{ referralId: string; firstVisitOn: string; dueOn: string }>);
      // First visit 2027-03-19 (MDT); due 2027-04-18 local.
      setClock(test, '2027-04-18T23:30:00-06:00');
      assert.deepEqual(await late(), []);
      setClock(test, '2027-04-19T00:30:00-06:00');
      assert.deepEqual(await late(), [{ referralId: ids.fax, reference: (await referral(ids.fax!)).reference, firstVisitOn: '2027-03-19', dueOn: '2027-04-18' }]);
    });

    it('lists recertifications due within N days of the 90-day date, across fall-back', async (t) => {
      if (skip()) return t.skip(skip());
      const due = async (withinDays: number) => ((await admin('GET', `/admin/recertifications?withinDays=${withinDays}`)).json.items as Array<{ referralId: string; dueOn: string; daysLeft: number }>);
      // Certified 2027-08-15: due 2027-11-13, after Denver falls back on 2027-11-07 (MST, -07:00).
      setClock(test, '2027-11-12T23:30:00-07:00');
      assert.deepEqual(await due(0), []);
      assert.deepEqual((await due(1)).map((item) => [item.referralId, item.dueOn, item.daysLeft]), [[ids.direct, '2027-11-13', 1]]);
      setClock(test, '2027-11-13T00:30:00-07:00');
      assert.deepEqual((await due(0)).map((item) => item.daysLeft), [0]);
    });

    it('discharge tells the referrer; a discharged referral leaves the recertification list', async (t) => {
      if (skip()) return t.skip(skip());
      assert.equal((await admin('POST', `/admin/referrals/${ids.direct}/discharge`)).status, 409, 'not seen yet');
      const discharged = await admin('POST', `/admin/referrals/${ids.fax}/discharge`);
      assert.equal(discharged.status, 200);
      assert.deepEqual((await referral(ids.fax!)).transmissions!.map((entry) => entry.milestone), ['scheduled', 'seen', 'discharged']);
    });
  });
}

function setClock(test: TestServer, at: string): void {
  test.clock.advance(Date.parse(at) - test.clock.now().getTime());
}

suite('sqlite', () => undefined);
const postgresReason = await postgresUnavailable();
suite('postgres', () => postgresReason);
