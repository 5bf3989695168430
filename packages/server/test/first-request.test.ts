/**
 * A freshly started server answers its first request of every route promptly, with every cache
 * cold. A read through the shared connection awaited inside a transaction used to wait for that
 * transaction forever (the first cancellation after a restart took the whole server offline);
 * the transaction guard now refuses such a read at once, so a regression is a fast 500 here,
 * never a hang. Every operation of docs/api/openapi.yaml is a first request here: the booking,
 * intake, HEP and survey ones each on a database of its own, the later ones (progress,
 * eligibility, referrals, messaging, a practice's prefix, the operator API) each from a new
 * process on one database an earlier process filled.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_PROGRESS_TOKEN, DEMO_SURVEY_TOKENS, demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { parse } from 'yaml';
import { createPxmServer, TransactionMisuseError, type Database } from '../src/index.js';
import { hispSignature } from '../src/referrals/direct-hisp.js';
import { freshDatabase, manualClock, postgresUnavailable, type Dialect, type FreshDatabase } from './harness.js';

const ADMIN_KEY = 'admin-key-for-tests-0123456789';
/** Far above a healthy first request (tens of milliseconds), far below a test timeout. */
const PROMPT_MS = 3000;
const at = CONTRACT_NOW.toISOString();
const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };

interface FirstRequest {
  name: string;
  /** The document's operation id, when the name is not it. */
  operation?: string;
  method: string;
  path: string;
  body?: unknown;
  /** Sent as it is (a file), not as JSON. */
  raw?: { bytes: Uint8Array; type: string };
  headers?: Record<string, string>;
  /** Needs a live hold made by an earlier process on the same database. */
  usesHold?: boolean;
}

const requests: FirstRequest[] = [
  { name: 'practice', operation: 'booking.getPractice', method: 'GET', path: '/booking/practice' },
  { name: 'findSlots', operation: 'booking.findSlots', method: 'GET', path: '/booking/slots?locationId=denver-highlands&appointmentTypeId=follow-up&from=2027-03-08T00:00:00-07:00&to=2027-03-10T00:00:00-07:00' },
  { name: 'holdSlot', operation: 'booking.holdSlot', method: 'POST', path: '/booking/holds', body: { slotId: '{slotId}' } },
  { name: 'renewHold', operation: 'booking.renewHold', method: 'POST', path: '/booking/holds/{holdId}/renewal', usesHold: true },
  { name: 'releaseHold', operation: 'booking.releaseHold', method: 'DELETE', path: '/booking/holds/{holdId}', usesHold: true },
  {
    name: 'book', operation: 'booking.book',
    method: 'POST',
    path: '/booking/appointments',
    body: { holdId: '{holdId}', patient, consents: [{ channel: 'sms', granted: true, recordedAt: at }] },
    headers: { 'idempotency-key': 'first-request-book-0001' },
    usesHold: true,
  },
  { name: 'getAppointment', operation: 'booking.getAppointment', method: 'GET', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}` },
  { name: 'cancelAppointment', operation: 'booking.cancelAppointment', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/cancellation`, body: {} },
  { name: 'cancelWithinNotice', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.withinNotice}/cancellation`, body: { acknowledgedFee: true } },
  {
    name: 'rescheduleAppointment', operation: 'booking.rescheduleAppointment',
    method: 'POST',
    path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/reschedule`,
    body: { holdId: '{holdId}' },
    headers: { 'idempotency-key': 'first-request-reschedule-0001' },
    usesHold: true,
  },
  {
    name: 'joinWaitlist', operation: 'booking.joinWaitlist',
    method: 'POST',
    path: '/booking/waitlist',
    body: { locationId: 'denver-highlands', appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient, consents: [] },
    headers: { 'idempotency-key': 'first-request-waitlist-0001' },
  },
  { name: 'verifyEligibility', operation: 'booking.verifyEligibility', method: 'POST', path: '/booking/eligibility', body: { kind: 'insurance', payerName: 'Aetna', memberId: 'W1', relationship: 'self' } },
  { name: 'loadForm', operation: 'intake.loadForm', method: 'GET', path: `/intake/${DEMO_INTAKE_TOKEN}` },
  { name: 'saveDraft', operation: 'intake.saveDraft', method: 'PUT', path: `/intake/${DEMO_INTAKE_TOKEN}/draft`, body: { answers: { firstName: 'Ada' } }, headers: { 'if-none-match': '*' } },
  { name: 'loadProgram', operation: 'hep.loadProgram', method: 'GET', path: `/hep/${DEMO_HEP_TOKEN}` },
  { name: 'loadInvitation', operation: 'survey.loadInvitation', method: 'GET', path: `/survey/${DEMO_SURVEY_TOKENS.open}` },
  { name: 'savePartial', operation: 'survey.savePartial', method: 'PATCH', path: `/survey/${DEMO_SURVEY_TOKENS.open}/answers`, body: { nps: 9 } },
  { name: 'submitSurvey', operation: 'survey.submit', method: 'POST', path: `/survey/${DEMO_SURVEY_TOKENS.open}/response`, body: { answers: { nps: 9 } }, headers: { 'idempotency-key': 'first-request-survey-0001' } },
  { name: 'reminders', operation: 'admin.listReminders', method: 'GET', path: '/admin/reminders', headers: { authorization: `Bearer ${ADMIN_KEY}` } },
  { name: 'dispatch', operation: 'admin.dispatchReminders', method: 'POST', path: '/admin/reminders/dispatch', headers: { authorization: `Bearer ${ADMIN_KEY}` } },
];

const OPERATOR_KEY = 'operator-key-for-tests-0123456789';
const PRACTICE_KEY = 'practice-b-admin-key-for-tests-0123456789';
const HISP_SECRET = 'hisp-secret-for-tests-0123456789';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const PDF = new TextEncoder().encode('%PDF-1.4\n% first request\n%%EOF\n');
const levels = [-2, -1, 0, 1, 2].map((value) => ({ value, description: `Level ${value}` }));
const { idempotencyKey: _key, ...referralBody } = referralInput();
const signedByHisp = (body: unknown) => {
  const timestamp = String(Math.floor(CONTRACT_NOW.getTime() / 1000));
  return { 'x-hisp-timestamp': timestamp, 'x-hisp-signature': hispSignature(HISP_SECRET, timestamp, JSON.stringify(body)) };
};
const directMessage = { event: 'message.received', messageId: 'first-direct-0001', from: 'dr.lee@direct.ortho.example', to: 'intake@direct.cedarridge.example', attachments: [{ filename: 'r.pdf', contentType: 'application/pdf', content: Buffer.from(PDF).toString('base64') }] };
const directStatus = { event: 'message.status', messageId: 'first-direct-sent-0001', status: 'delivered' };

/** The rest of the document, each from a new process on one database an earlier process filled (see `fill`). */
const laterRequests: FirstRequest[] = [
  { name: 'booking.listLocations', method: 'GET', path: '/booking/locations' },
  { name: 'booking.listAppointmentTypes', method: 'GET', path: '/booking/appointment-types?locationId=denver-highlands' },
  { name: 'booking.listProviders', method: 'GET', path: '/booking/providers?locationId=denver-highlands&appointmentTypeId=follow-up' },
  { name: 'booking.confirmAppointment', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/confirmation` },
  { name: 'intake.uploadAttachment', method: 'POST', path: `/intake/${DEMO_INTAKE_TOKEN}/attachments?purpose=insurance-card-front`, raw: { bytes: PDF, type: 'application/pdf' } },
  { name: 'intake.submit', method: 'POST', path: `/intake/${DEMO_INTAKE_TOKEN}/submission`, body: { answers: { firstName: 'Ada' } }, headers: { 'idempotency-key': 'first-request-intake-0001' } },
  { name: 'hep.listActivity', method: 'GET', path: `/hep/${DEMO_HEP_TOKEN}/activity` },
  { name: 'hep.logActivity', method: 'POST', path: `/hep/${DEMO_HEP_TOKEN}/activity`, body: { entries: [] } },
  { name: 'survey.sendFeedback', method: 'POST', path: `/survey/${DEMO_SURVEY_TOKENS.open}/feedback`, body: { message: 'Thanks' }, headers: { 'idempotency-key': 'first-request-feedback-0001' } },
  { name: 'progress.loadProgress', method: 'GET', path: `/progress/${DEMO_PROGRESS_TOKEN}` },
  { name: 'progress.rateGoal', method: 'POST', path: `/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, body: { clientId: 'first-request-rating-0001', goalId: 'demo-goal-stairs', level: 0 } },
  { name: 'admin.createIntakeLink', method: 'POST', path: '/admin/intake-links', body: { form: demoIntakeForm }, headers: admin },
  { name: 'admin.createHepProgram', method: 'POST', path: '/admin/hep-programs', body: { program: demoHepProgram }, headers: admin },
  { name: 'admin.updateHepProgram', method: 'PUT', path: '/admin/hep-programs/{programId}', body: { program: demoHepProgram }, headers: admin },
  { name: 'admin.createSurveyInvitation', method: 'POST', path: '/admin/survey-invitations', body: { survey: demoSurvey }, headers: admin },
  { name: 'admin.revokeLink', method: 'POST', path: '/admin/link-revocations', body: { kind: 'referral-booking', token: 'not-a-link-token-at-all' }, headers: admin },
  { name: 'admin.createProgressEpisode', method: 'POST', path: '/admin/progress-episodes', body: { episode: { id: 'ep-later', title: 'Knee', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge' } }, headers: admin },
  { name: 'admin.setProgressGoals', method: 'PUT', path: '/admin/progress-episodes/{episodeId}/goals', body: { goals: [{ id: 'g1', text: 'Stairs', targetDate: '2027-05-01', status: 'active', scale: levels }] }, headers: admin },
  { name: 'admin.rateProgressGoal', method: 'POST', path: '/admin/progress-episodes/{episodeId}/goal-ratings', body: { goalId: 'g1', level: -1 }, headers: admin },
  { name: 'admin.assignProgressMeasures', method: 'PUT', path: '/admin/progress-episodes/{episodeId}/measures', body: { assignments: [{ instrumentId: 'hoos-jr', everyDays: 14 }] }, headers: admin },
  { name: 'admin.recordProgressResult', method: 'POST', path: '/admin/progress-episodes/{episodeId}/results', body: { instrumentId: 'hoos-jr', score: 50, takenAt: '2027-02-01T10:00:00-07:00' }, headers: admin },
  { name: 'admin.recordProgressVisit', method: 'POST', path: '/admin/progress-episodes/{episodeId}/visits', body: {}, headers: admin },
  { name: 'admin.recordProgressDischarge', method: 'POST', path: '/admin/progress-episodes/{episodeId}/discharge', body: {}, headers: admin },
  { name: 'admin.listEligibilityChecks', method: 'GET', path: '/admin/appointments/appt-demo-upcoming/eligibility', headers: admin },
  { name: 'admin.recheckEligibility', method: 'POST', path: '/admin/eligibility/recheck', headers: admin },
  { name: 'admin.listReferrals', method: 'GET', path: '/admin/referrals', headers: admin },
  { name: 'admin.getReferral', method: 'GET', path: '/admin/referrals/{referralId}', headers: admin },
  { name: 'admin.getReferralAttachment', method: 'GET', path: '/admin/referrals/{referralId}/attachments/{attachmentId}', headers: admin },
  { name: 'admin.updateReferralDetails', method: 'PUT', path: '/admin/referrals/{referralId}/details', body: { patient: referralBody.patient, referrer: referralBody.referrer, diagnoses: referralBody.diagnoses, order: referralBody.order, urgency: 'urgent' }, headers: admin },
  { name: 'admin.triageReferral', method: 'POST', path: '/admin/referrals/{referralId}/triage', body: { status: 'accepted', by: 'MC' }, headers: admin },
  { name: 'admin.createReferralBookingLink', method: 'POST', path: '/admin/referrals/{referralId}/booking-links', body: {}, headers: admin },
  { name: 'admin.uploadPlanOfCare', method: 'POST', path: '/admin/referrals/{referralId}/plans-of-care?certifiedOn=2027-03-01', raw: { bytes: PDF, type: 'application/pdf' }, headers: admin },
  { name: 'admin.dischargeReferral', method: 'POST', path: '/admin/referrals/{referralId}/discharge', headers: admin },
  { name: 'admin.completeVisit', method: 'POST', path: '/admin/appointments/appt-demo-upcoming/completion', body: {}, headers: admin },
  { name: 'admin.listLatePlansOfCare', method: 'GET', path: '/admin/plans-of-care/late', headers: admin },
  { name: 'admin.listRecertificationsDue', method: 'GET', path: '/admin/recertifications', headers: admin },
  { name: 'admin.dispatchReferralTransmissions', method: 'POST', path: '/admin/referral-transmissions/dispatch', headers: admin },
  { name: 'booking.getReferralContext', method: 'GET', path: '/booking/referral-context/{referralToken}' },
  { name: 'referral.receiveFax', method: 'POST', path: '/webhooks/fax/inbound', raw: { bytes: new TextEncoder().encode('fax=%7B%7D'), type: 'application/x-www-form-urlencoded' } },
  { name: 'referral.faxStatus', method: 'POST', path: '/webhooks/fax/status', raw: { bytes: new TextEncoder().encode('fax=%7B%7D'), type: 'application/x-www-form-urlencoded' } },
  { name: 'referral.receiveDirect', method: 'POST', path: '/webhooks/direct/messages', body: directMessage, headers: signedByHisp(directMessage) },
  { name: 'referral.directStatus', method: 'POST', path: '/webhooks/direct/status', body: directStatus, headers: signedByHisp(directStatus) },
  { name: 'referral.submitReferral', method: 'POST', path: '/referrals', body: referralBody, headers: { 'idempotency-key': 'first-request-referral-0002' } },
  { name: 'referral.uploadReferralAttachment', method: 'POST', path: '/referrals/attachments', raw: { bytes: PDF, type: 'application/pdf' } },
  { name: 'messaging.inboundSms', method: 'POST', path: '/messaging/sms/inbound', raw: { bytes: new TextEncoder().encode('From=%2B13035550111&Body=STOP'), type: 'application/x-www-form-urlencoded' } },
  { name: 'messaging.deliveryStatus', method: 'POST', path: '/messaging/sms/status/msg-unknown', raw: { bytes: new TextEncoder().encode('MessageStatus=delivered'), type: 'application/x-www-form-urlencoded' } },
  { name: 'messaging.unsubscribePage', method: 'GET', path: '/messaging/unsubscribe/v1.not.sealed' },
  { name: 'messaging.unsubscribe', method: 'POST', path: '/messaging/unsubscribe/v1.not.sealed' },
  { name: 'admin.listConsents', method: 'GET', path: '/admin/patients/pat-garcia/consents', headers: admin },
  { name: 'admin.recordConsent', method: 'POST', path: '/admin/patients/pat-garcia/consents', body: { channel: 'sms', scope: 'reminder', granted: true }, headers: admin },
  { name: 'admin.listReplies', method: 'GET', path: '/admin/replies', headers: admin },
  { name: 'admin.closeReply', method: 'POST', path: '/admin/replies/reply-unknown/done', headers: admin },
  { name: 'admin.getAppointment', method: 'GET', path: '/admin/appointments/appt-demo-upcoming', headers: admin },
  { name: 'admin.confirmAppointment', method: 'POST', path: '/admin/appointments/appt-demo-upcoming/confirmation', headers: admin },
  { name: 'admin.discharge', method: 'POST', path: '/admin/appointments/appt-demo-upcoming/discharge', body: { survey: demoSurvey }, headers: admin },
  { name: 'operator.createPractice', method: 'POST', path: '/operator/practices', body: { id: 'practice-c', name: 'Practice C', adminApiKey: 'practice-c-admin-key-0123456789' }, headers: { authorization: `Bearer ${OPERATOR_KEY}` } },
  { name: "a practice's booking, under its prefix", method: 'GET', path: '/practices/practice-b/booking/practice' },
  { name: "a practice's admin API, under its prefix", method: 'GET', path: '/practices/practice-b/admin/referrals', headers: { authorization: `Bearer ${PRACTICE_KEY}` } },
  { name: "a practice's progress link, under its prefix", method: 'GET', path: `/practices/practice-b/progress/${DEMO_PROGRESS_TOKEN}` },
  { name: 'health', method: 'GET', path: '/health' },
  { name: 'ready', method: 'GET', path: '/ready' },
];

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROMPT_MS} ms`)), PROMPT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function startOn(db: Database, clock: ReturnType<typeof manualClock>) {
  return createPxmServer({
    database: db,
    now: clock.now,
    log: false,
    seed: 'demo',
    adminApiKey: ADMIN_KEY,
    operatorKey: OPERATOR_KEY,
    referrals: { webhooks: { direct: { webhookSecret: HISP_SECRET } } },
    reminders: { pollIntervalMs: false },
  });
}

/** What an earlier process leaves for the later requests: records they name, a practice of its own. */
async function fill(server: { fetch(request: Request): Promise<Response> }): Promise<Record<string, string>> {
  const call = async (request: FirstRequest) => {
    const response = await send(server, request, {});
    assert.ok(response.status < 300, `${request.name}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const episode = await call({ name: 'episode', method: 'POST', path: '/admin/progress-episodes', body: { episode: { id: 'ep-first', title: 'Hip', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge' } }, headers: admin });
  const file = await call({ name: 'file', method: 'POST', path: '/referrals/attachments', raw: { bytes: PDF, type: 'application/pdf' } });
  await call({ name: 'referral', method: 'POST', path: '/referrals', body: { ...referralBody, attachmentIds: [file.id] }, headers: { 'idempotency-key': 'first-request-referral-0001' } });
  const referralId = (await call({ name: 'referrals', method: 'GET', path: '/admin/referrals', headers: admin })).items[0].id as string;
  const link = await call({ name: 'link', method: 'POST', path: `/admin/referrals/${referralId}/booking-links`, body: {}, headers: admin });
  const program = await call({ name: 'program', method: 'POST', path: '/admin/hep-programs', body: { program: demoHepProgram }, headers: admin });
  await call({ name: 'practice', method: 'POST', path: '/operator/practices', body: { id: 'practice-b', name: 'Practice B', adminApiKey: PRACTICE_KEY, settings: { seed: 'demo' } }, headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
  return { episodeId: episode.id, referralId, attachmentId: file.id, referralToken: link.token, programId: program.id };
}

async function send(server: { fetch(request: Request): Promise<Response> }, request: FirstRequest, ids: Record<string, string>): Promise<Response> {
  const fillIn = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
  const body = request.raw ? request.raw.bytes : request.body === undefined ? undefined : fillIn(JSON.stringify(request.body));
  const type = request.raw?.type ?? 'application/json';
  return server.fetch(
    new Request(`http://pxm.test${fillIn(request.path)}`, {
      method: request.method,
      headers: { ...(body !== undefined ? { 'content-type': type } : {}), ...request.headers },
      ...(body !== undefined ? { body: body as BodyInit } : {}),
    }),
  );
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`the first request after a start answers promptly (${dialect})`, () => {
    for (const request of requests) {
      it(`${request.name}, as the first request of a fresh process`, async (t) => {
        const reason = skip();
        if (reason) return t.skip(reason);
        const fresh: FreshDatabase = await freshDatabase(dialect);
        const clock = manualClock(CONTRACT_NOW);
        try {
          // An earlier process seeds the database and leaves a live hold and a free slot behind.
          const earlier = await startOn(fresh.db, clock);
          const slots = (await (await send(earlier, requests[1]!, {})).json()) as { items: Array<{ id: string }> };
          assert.ok(slots.items.length >= 2, 'the demo week has free slots');
          const ids: Record<string, string> = { slotId: slots.items[1]!.id };
          if (request.usesHold) {
            const held = await send(earlier, { name: 'hold', method: 'POST', path: '/booking/holds', body: { slotId: slots.items[0]!.id } }, {});
            ids.holdId = ((await held.json()) as { id: string }).id;
          }
          await earlier.close();

          // A new process on the same database: its catalogue cache is cold.
          const server = await startOn(fresh.db, clock);
          try {
            const response = await withDeadline(send(server, request, ids), `${request.method} ${request.path}`);
            assert.ok(response.status < 500, `${request.name} answered ${response.status}: ${await response.text()}`);
            const health = await withDeadline(server.fetch(new Request('http://pxm.test/health')), 'GET /health afterwards');
            assert.equal(health.status, 200);
          } finally {
            await withDeadline(server.close(), 'closing the server');
          }
        } finally {
          await withDeadline(fresh.dispose(), 'closing the database');
        }
      });
    }

    it('a query on the shared connection inside a transaction fails at once instead of waiting for itself', async (t) => {
      const reason = skip();
      if (reason) return t.skip(reason);
      const fresh = await freshDatabase(dialect);
      try {
        const db = fresh.db;
        const attempt = db.transaction(async () => db.get('SELECT 1 AS one'));
        await assert.rejects(withDeadline(attempt, 'the misused transaction'), TransactionMisuseError);
        const nested = db.transaction(async () => db.transaction(async (tx) => tx.get('SELECT 1 AS one')));
        await assert.rejects(withDeadline(nested, 'the nested transaction'), TransactionMisuseError);
        // The connection is still usable afterwards.
        assert.deepEqual(await withDeadline(db.get<{ one: number }>('SELECT 1 AS one'), 'the next query'), { one: 1 });
      } finally {
        await fresh.dispose();
      }
    });
  });
}

function laterSuite(dialect: Dialect, skip: () => string | undefined) {
  describe(`the first request of every later route after a start answers promptly (${dialect})`, () => {
    let fresh: FreshDatabase | undefined;
    const clock = manualClock(CONTRACT_NOW);
    let ids: Record<string, string> = {};
    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      const earlier = await startOn(fresh.db, clock);
      try {
        ids = await fill(earlier);
      } finally {
        await earlier.close();
      }
    });
    after(async () => {
      if (fresh) await withDeadline(fresh.dispose(), 'closing the database');
    });

    it('every operation of the document is a first request here', () => {
      const doc = parse(readFileSync(fileURLToPath(new URL('../../../docs/api/openapi.yaml', import.meta.url)), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
      const documented = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId).filter((id): id is string => id !== undefined));
      const covered = new Set([...requests.map((request) => request.operation ?? request.name), ...laterRequests.map((request) => request.operation ?? request.name)]);
      assert.deepEqual(documented.filter((id) => !covered.has(id)), []);
    });

    for (const request of laterRequests) {
      it(`${request.name}, as the first request of a fresh process`, async (t) => {
        const reason = skip();
        if (reason) return t.skip(reason);
        const server = await startOn(fresh!.db, clock);
        try {
          const response = await withDeadline(send(server, request, ids), `${request.method} ${request.path}`);
          const text = await response.text();
          assert.ok(response.status < 500, `${request.name} answered ${response.status}: ${text}`);
          assert.doesNotMatch(text, /\n\s+at |node_modules|SQLITE_/, 'no internals in the answer');
          const health = await withDeadline(server.fetch(new Request('http://pxm.test/health')), 'GET /health afterwards');
          assert.equal(health.status, 200);
        } finally {
          await withDeadline(server.close(), 'closing the server');
        }
      });
    }
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});
after(() => undefined);

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
laterSuite('sqlite', () => undefined);
laterSuite('postgres', () => postgresSkip);
