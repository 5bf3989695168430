/**
 * Bad input at every endpoint, over HTTP: malformed JSON, wrong types, unknown fields, oversized
 * bodies, the wrong media type, SQL-looking strings, a token for another capability. Each is a
 * 4xx with the problem body and its contract code, never a 500, and nothing is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAdapterErrorCode } from '@pxm/core';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { startTestServer, type TestServer } from './harness.js';

const ADMIN_KEY = 'admin-key-for-tests-0123456789';
const SQL = "x' OR '1'='1'; DROP TABLE appointments; --";

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A valid body (so mutations of it are the only thing wrong), when the endpoint takes JSON. */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Tokens of the right kind to swap for another capability's. */
  tokenOf?: 'manage' | 'intake' | 'hep' | 'survey';
  query?: Record<string, string>;
  /** The valid body with a SQL-looking string in an id field: must be refused or not found. */
  sqlBody?: Record<string, unknown>;
  /** Query filters that only narrow a list: a SQL-looking value finds nothing, which is a 200. */
  filtersOnly?: boolean;
}

const TOKENS = {
  manage: DEMO_MANAGE_TOKENS.upcoming,
  intake: DEMO_INTAKE_TOKEN,
  hep: DEMO_HEP_TOKEN,
  survey: DEMO_SURVEY_TOKENS.open,
} as const;

const at = CONTRACT_NOW.toISOString();
const key = { 'idempotency-key': 'bad-input-test-key-0001' };
const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };

const endpoints: Endpoint[] = [
  { name: 'listLocations', method: 'GET', path: '/booking/locations' },
  { name: 'listAppointmentTypes', method: 'GET', path: '/booking/appointment-types', query: { locationId: 'denver-highlands' }, filtersOnly: true },
  { name: 'listProviders', method: 'GET', path: '/booking/providers', query: { locationId: 'denver-highlands' }, filtersOnly: true },
  {
    name: 'findSlots',
    method: 'GET',
    path: '/booking/slots',
    query: { locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-10T00:00:00-07:00' },
  },
  { name: 'holdSlot', method: 'POST', path: '/booking/holds', body: { slotId: 's1|denver-highlands|follow-up|ana-rivera|1804518000000' }, sqlBody: { slotId: SQL } },
  { name: 'renewHold', method: 'POST', path: '/booking/holds/hold_unknown0000000000/renewal' },
  { name: 'releaseHold', method: 'DELETE', path: '/booking/holds/hold_unknown0000000000' },
  {
    name: 'book',
    method: 'POST',
    path: '/booking/appointments',
    body: { holdId: 'hold_unknown0000000000', patient, consents: [{ channel: 'sms', granted: true, recordedAt: at }] },
    headers: key,
    sqlBody: { holdId: SQL, patient: { ...patient, lastName: SQL }, consents: [] },
  },
  { name: 'getAppointment', method: 'GET', path: '/booking/appointments/{token}', tokenOf: 'manage' },
  { name: 'cancelAppointment', method: 'POST', path: '/booking/appointments/{token}/cancellation', body: { reason: 'x' }, tokenOf: 'manage' },
  {
    name: 'rescheduleAppointment',
    method: 'POST',
    path: '/booking/appointments/{token}/reschedule',
    body: { holdId: 'hold_unknown0000000000' },
    headers: key,
    tokenOf: 'manage',
    sqlBody: { holdId: SQL },
  },
  {
    name: 'joinWaitlist',
    method: 'POST',
    path: '/booking/waitlist',
    body: { locationId: 'denver-highlands', appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient, consents: [] },
    headers: key,
    sqlBody: { locationId: SQL, appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient, consents: [] },
  },
  { name: 'verifyEligibility', method: 'POST', path: '/booking/eligibility', body: { kind: 'insurance', payerName: 'Aetna', memberId: 'W1', relationship: 'self' } },
  { name: 'loadForm', method: 'GET', path: '/intake/{token}', tokenOf: 'intake' },
  { name: 'saveDraft', method: 'PUT', path: '/intake/{token}/draft', body: { answers: { firstName: 'Ada' } }, headers: { 'if-none-match': '*' }, tokenOf: 'intake' },
  { name: 'submitIntake', method: 'POST', path: '/intake/{token}/submission', body: { answers: { firstName: 'Ada' } }, headers: key, tokenOf: 'intake' },
  { name: 'loadProgram', method: 'GET', path: '/hep/{token}', tokenOf: 'hep' },
  {
    name: 'logActivity',
    method: 'POST',
    path: '/hep/{token}/activity',
    body: { entries: [{ clientId: '7b0e3f0c-3c1a-4f8e-9a55-9f3c2b1d0e11', exerciseId: 'quad-sets', programVersion: 1, completedAt: at }] },
    tokenOf: 'hep',
    sqlBody: { entries: [{ clientId: '7b0e3f0c-3c1a-4f8e-9a55-9f3c2b1d0e11', exerciseId: SQL, programVersion: 1, completedAt: at }] },
  },
  { name: 'listActivity', method: 'GET', path: '/hep/{token}/activity', tokenOf: 'hep' },
  { name: 'loadInvitation', method: 'GET', path: '/survey/{token}', tokenOf: 'survey' },
  { name: 'savePartial', method: 'PATCH', path: '/survey/{token}/answers', body: { nps: 9 }, tokenOf: 'survey', sqlBody: { [SQL]: 9 } },
  { name: 'submitSurvey', method: 'POST', path: '/survey/{token}/response', body: { answers: { nps: 9 } }, headers: key, tokenOf: 'survey', sqlBody: { answers: { nps: 9, goals: SQL } } },
  { name: 'sendFeedback', method: 'POST', path: '/survey/{token}/feedback', body: { message: 'Thanks' }, headers: key, tokenOf: 'survey' },
  {
    name: 'admin.createSurveyInvitation',
    method: 'POST',
    path: '/admin/survey-invitations',
    body: { survey: { id: 's', version: '1', title: 'T', questions: [{ id: 'nps', type: 'nps', prompt: 'P' }] } },
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  },
];

/** Rows in every table a request could write to. */
async function rowCounts(server: TestServer): Promise<Record<string, number | string>> {
  const tables = ['patients', 'holds', 'appointments', 'slot_claims', 'idempotency_keys', 'waitlist_entries', 'reminders', 'attachments', 'hep_logs', 'survey_feedback', 'survey_invitations', 'intake_links'];
  const counts: Record<string, number | string> = {};
  for (const table of tables) counts[table] = Number((await server.server.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
  const drafts = await server.server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM intake_links WHERE draft_answers IS NOT NULL OR response_id IS NOT NULL');
  counts.intakeWritten = Number(drafts!.n);
  const surveys = await server.server.db.all<{ partial_answers: string; response_id: string | null }>('SELECT partial_answers, response_id FROM survey_invitations ORDER BY id');
  counts.surveyState = JSON.stringify(surveys);
  const cancelled = await server.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM appointments WHERE status = 'cancelled'");
  counts.cancelled = Number(cancelled!.n);
  return counts;
}

describe('bad input at every endpoint (sqlite)', () => {
  let server: TestServer;
  let baseline: Record<string, number | string>;
  const seen: Array<{ endpoint: string; status: number }> = [];

  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { adminApiKey: ADMIN_KEY, maxJsonBytes: 64 * 1024 } });
    baseline = await rowCounts(server);
  });
  after(() => server.dispose());

  function urlOf(endpoint: Endpoint, token?: string, query = endpoint.query): string {
    const path = endpoint.path.replace('{token}', encodeURIComponent(token ?? (endpoint.tokenOf ? TOKENS[endpoint.tokenOf] : '')));
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return `${server.url}${path}${search}`;
  }

  async function expectProblem(endpoint: Endpoint, response: Response, expected: { status?: number | number[]; code?: string }): Promise<void> {
    const label = `${endpoint.name}: ${response.status}`;
    seen.push({ endpoint: endpoint.name, status: response.status });
    assert.ok(response.status >= 400 && response.status < 500, `${label} should be a 4xx`);
    if (expected.status !== undefined) {
      const allowed = Array.isArray(expected.status) ? expected.status : [expected.status];
      assert.ok(allowed.includes(response.status), `${label}, expected ${allowed.join('/')}`);
    }
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, label);
    const body = (await response.json()) as { code: unknown; retryable: unknown; status: unknown };
    assert.ok(isAdapterErrorCode(body.code), `${label}: code ${String(body.code)}`);
    assert.equal(body.status, response.status);
    assert.equal(typeof body.retryable, 'boolean');
    if (expected.code) assert.equal(body.code, expected.code, label);
  }

  const send = (endpoint: Endpoint, init: { body?: string; headers?: Record<string, string>; token?: string; query?: Record<string, string> }) =>
    fetch(urlOf(endpoint, init.token, init.query ?? endpoint.query), {
      method: endpoint.method,
      headers: { 'content-type': 'application/json', ...endpoint.headers, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });

  for (const endpoint of endpoints) {
    describe(endpoint.name, () => {
      if (endpoint.body) {
        const body = endpoint.body;
        it('malformed JSON is 400 validation', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: '{"answers": {' }), { status: 400, code: 'validation' });
        });
        it('a JSON array or scalar instead of an object is 400', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: '[1, 2]' }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { body: '"text"' }), { status: 400, code: 'validation' });
        });
        it('unknown fields are 400 validation', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify({ ...body, isAdmin: true }) }), { status: 400, code: 'validation' });
        });
        it('wrong types are 400 validation', async () => {
          const [field] = Object.keys(body);
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify({ ...body, [field!]: 12345 }) }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify({ ...body, [field!]: ['x'] }) }), { status: 400, code: 'validation' });
        });
        it('an oversized body is 413', async () => {
          const big = JSON.stringify({ ...body, padding: 'x'.repeat(200 * 1024) });
          await expectProblem(endpoint, await send(endpoint, { body: big }), { status: 413, code: 'validation' });
        });
        it('another media type is 415', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } }), { status: 415, code: 'validation' });
        });
        it('deeply nested JSON is 400, not a crash', async () => {
          const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
          await expectProblem(endpoint, await send(endpoint, { body: `{"x": ${deep}}` }), { status: 400, code: 'validation' });
        });
      }
      if (endpoint.sqlBody) {
        it('SQL-looking strings in ids are refused or not found, never run', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify(endpoint.sqlBody) }), {});
        });
      }
      if (endpoint.headers?.['idempotency-key']) {
        it('a missing or malformed Idempotency-Key is 400', async () => {
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify(endpoint.body), headers: { 'idempotency-key': '' } }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify(endpoint.body), headers: { 'idempotency-key': 'short' } }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { body: JSON.stringify({ ...endpoint.body, idempotencyKey: 'in-the-body-0001' }) }), { status: 400, code: 'validation' });
        });
      }
      if (endpoint.tokenOf) {
        it('a token for another capability is token_invalid', async () => {
          const other = endpoint.tokenOf === 'survey' ? TOKENS.hep : TOKENS.survey;
          await expectProblem(endpoint, await send(endpoint, { token: other, ...(endpoint.body ? { body: JSON.stringify(endpoint.body) } : {}) }), { status: 404, code: 'token_invalid' });
        });
        it('a SQL-looking token is token_invalid', async () => {
          await expectProblem(endpoint, await send(endpoint, { token: SQL, ...(endpoint.body ? { body: JSON.stringify(endpoint.body) } : {}) }), { status: 404, code: 'token_invalid' });
        });
      }
      if (endpoint.method === 'GET') {
        it('unknown, repeated or malformed query parameters are 400', async () => {
          await expectProblem(endpoint, await send(endpoint, { query: { ...endpoint.query, admin: 'true' } }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { query: { ...endpoint.query, cursor: 'not-a-cursor' } }), { status: 400, code: 'validation' });
          await expectProblem(endpoint, await send(endpoint, { query: { ...endpoint.query, limit: '-1' } }), { status: 400, code: 'validation' });
        });
        if (endpoint.query) {
          it('SQL-looking query values are refused, or find nothing', async () => {
            const injected = Object.fromEntries(Object.keys(endpoint.query!).map((name) => [name, SQL]));
            const response = await send(endpoint, { query: injected });
            if (endpoint.filtersOnly) {
              assert.equal(response.status, 200);
              const page = (await response.json()) as { items: Array<{ id: string }> };
              assert.ok(page.items.every((item) => item.id !== SQL));
            } else {
              await expectProblem(endpoint, response, {});
            }
          });
        }
      }
    });
  }

  describe('uploadAttachment', () => {
    const upload = (token: string, contentType: string, bytes: Uint8Array, query = '') =>
      fetch(`${server.url}/intake/${encodeURIComponent(token)}/attachments${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    const endpoint: Endpoint = { name: 'uploadAttachment', method: 'POST', path: '/intake/{token}/attachments' };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

    it('refuses types outside the contract, and bytes that are not what they claim', async () => {
      await expectProblem(endpoint, await upload(DEMO_INTAKE_TOKEN, 'text/html', new TextEncoder().encode('<script>')), { status: 400, code: 'validation' });
      await expectProblem(endpoint, await upload(DEMO_INTAKE_TOKEN, 'image/png', jpeg), { status: 400, code: 'validation' });
      await expectProblem(endpoint, await upload(DEMO_INTAKE_TOKEN, 'image/jpeg', new Uint8Array()), { status: 400, code: 'validation' });
    });
    it('refuses unknown query parameters and oversized files', async () => {
      await expectProblem(endpoint, await upload(DEMO_INTAKE_TOKEN, 'image/jpeg', jpeg, '?owner=admin'), { status: 400, code: 'validation' });
      const huge = new Uint8Array(10 * 1024 * 1024 + 10);
      huge.set(jpeg);
      await expectProblem(endpoint, await upload(DEMO_INTAKE_TOKEN, 'image/jpeg', huge), { status: 413, code: 'validation' });
    });
    it('refuses a token for another capability', async () => {
      await expectProblem(endpoint, await upload(TOKENS.hep, 'image/jpeg', jpeg), { status: 404, code: 'token_invalid' });
    });
  });

  describe('admin API', () => {
    it('refuses a missing or wrong key with 401 unauthorized', async () => {
      for (const authorization of [undefined, 'Bearer wrong', `Basic ${ADMIN_KEY}`, `Bearer ${ADMIN_KEY}x`]) {
        const response = await fetch(`${server.url}/admin/reminders`, { headers: authorization ? { authorization } : {} });
        assert.equal(response.status, 401);
        assert.equal(((await response.json()) as { code: string }).code, 'unauthorized');
      }
    });
  });

  it('unknown paths and methods are 404 problems', async () => {
    for (const [method, path] of [['GET', '/booking/appointments'], ['GET', '/etc/passwd'], ['PUT', '/booking/practice']] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { code: string }).code, 'not_found');
    }
  });

  it('stored nothing, and answered no request with a 5xx', async () => {
    assert.ok(seen.length > 100, `exercised ${seen.length} bad requests`);
    assert.deepEqual(seen.filter((entry) => entry.status >= 500), []);
    assert.deepEqual(await rowCounts(server), baseline);
  });
});
