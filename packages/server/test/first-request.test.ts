/**
 * A freshly started server answers its first request of every route promptly, with every cache
 * cold. A read through the shared connection awaited inside a transaction used to wait for that
 * transaction forever (the first cancellation after a restart took the whole server offline);
 * the transaction guard now refuses such a read at once, so a regression is a fast 500 here,
 * never a hang.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, TransactionMisuseError, type Database } from '../src/index.js';
import { freshDatabase, manualClock, postgresUnavailable, type Dialect, type FreshDatabase } from './harness.js';

const ADMIN_KEY = 'admin-key-for-tests-0123456789';
/** Far above a healthy first request (tens of milliseconds), far below a test timeout. */
const PROMPT_MS = 3000;
const at = CONTRACT_NOW.toISOString();
const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };

interface FirstRequest {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Needs a live hold made by an earlier process on the same database. */
  usesHold?: boolean;
}

const requests: FirstRequest[] = [
  { name: 'practice', method: 'GET', path: '/booking/practice' },
  { name: 'findSlots', method: 'GET', path: '/booking/slots?locationId=denver-highlands&appointmentTypeId=follow-up&from=2027-03-08T00:00:00-07:00&to=2027-03-10T00:00:00-07:00' },
  { name: 'holdSlot', method: 'POST', path: '/booking/holds', body: { slotId: '{slotId}' } },
  { name: 'renewHold', method: 'POST', path: '/booking/holds/{holdId}/renewal', usesHold: true },
  { name: 'releaseHold', method: 'DELETE', path: '/booking/holds/{holdId}', usesHold: true },
  {
    name: 'book',
    method: 'POST',
    path: '/booking/appointments',
    body: { holdId: '{holdId}', patient, consents: [{ channel: 'sms', granted: true, recordedAt: at }] },
    headers: { 'idempotency-key': 'first-request-book-0001' },
    usesHold: true,
  },
  { name: 'getAppointment', method: 'GET', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}` },
  { name: 'cancelAppointment', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/cancellation`, body: {} },
  { name: 'cancelWithinNotice', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.withinNotice}/cancellation`, body: { acknowledgedFee: true } },
  {
    name: 'rescheduleAppointment',
    method: 'POST',
    path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/reschedule`,
    body: { holdId: '{holdId}' },
    headers: { 'idempotency-key': 'first-request-reschedule-0001' },
    usesHold: true,
  },
  {
    name: 'joinWaitlist',
    method: 'POST',
    path: '/booking/waitlist',
    body: { locationId: 'denver-highlands', appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient, consents: [] },
    headers: { 'idempotency-key': 'first-request-waitlist-0001' },
  },
  { name: 'verifyEligibility', method: 'POST', path: '/booking/eligibility', body: { kind: 'insurance', payerName: 'Aetna', memberId: 'W1', relationship: 'self' } },
  { name: 'loadForm', method: 'GET', path: `/intake/${DEMO_INTAKE_TOKEN}` },
  { name: 'saveDraft', method: 'PUT', path: `/intake/${DEMO_INTAKE_TOKEN}/draft`, body: { answers: { firstName: 'Ada' } }, headers: { 'if-none-match': '*' } },
  { name: 'loadProgram', method: 'GET', path: `/hep/${DEMO_HEP_TOKEN}` },
  { name: 'loadInvitation', method: 'GET', path: `/survey/${DEMO_SURVEY_TOKENS.open}` },
  { name: 'savePartial', method: 'PATCH', path: `/survey/${DEMO_SURVEY_TOKENS.open}/answers`, body: { nps: 9 } },
  { name: 'submitSurvey', method: 'POST', path: `/survey/${DEMO_SURVEY_TOKENS.open}/response`, body: { answers: { nps: 9 } }, headers: { 'idempotency-key': 'first-request-survey-0001' } },
  { name: 'reminders', method: 'GET', path: '/admin/reminders', headers: { authorization: `Bearer ${ADMIN_KEY}` } },
  { name: 'dispatch', method: 'POST', path: '/admin/reminders/dispatch', headers: { authorization: `Bearer ${ADMIN_KEY}` } },
];

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROMPT_MS} ms`)), PROMPT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function startOn(db: Database, clock: ReturnType<typeof manualClock>) {
  return createPxmServer({ database: db, now: clock.now, log: false, seed: 'demo', adminApiKey: ADMIN_KEY, reminders: { pollIntervalMs: false } });
}

async function send(server: { fetch(request: Request): Promise<Response> }, request: FirstRequest, ids: Record<string, string>): Promise<Response> {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
  const body = request.body === undefined ? undefined : fill(JSON.stringify(request.body));
  return server.fetch(
    new Request(`http://pxm.test${fill(request.path)}`, {
      method: request.method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
      ...(body !== undefined ? { body } : {}),
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

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});
after(() => undefined);

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
