/**
 * Input at the edges of what the platform can represent, on both databases: instants outside the
 * JavaScript date range or in year 9999, NUL characters and lone surrogates in paths, queries and
 * text, malformed percent-encoding. Each is a 4xx problem, the same on SQLite and PostgreSQL,
 * never a 500. Then what Node's own HTTP parser refuses (garbage, oversized headers, a body that
 * never finishes): problem+json too, within seconds.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isAdapterErrorCode } from '@pxm/core';
import { DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_PROGRESS_TOKEN, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';

const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };
const slotAt = (start: string) => `s1|denver-highlands|follow-up|ana-rivera|${start}`;
const slots = (from: string, to: string) =>
  `/booking/slots?${new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from, to })}`;

interface Case {
  name: string;
  method: string;
  path: string;
  /** Raw JSON text, so lone surrogates and NUL travel as JSON escapes. */
  body?: string;
  headers?: Record<string, string>;
  /** The exact status, where the case must be a validation answer (400) and nothing else. */
  status?: number;
}

const key = (name: string) => ({ 'idempotency-key': `edge-input-${name}-0001` });

const cases: Case[] = [
  { name: 'slot id starting past the date range', method: 'POST', path: '/booking/holds', body: JSON.stringify({ slotId: slotAt('9007199254740991') }) },
  { name: 'slot id starting before the date range', method: 'POST', path: '/booking/holds', body: JSON.stringify({ slotId: slotAt('-9007199254740991') }) },
  { name: 'slot id in year 9999', method: 'POST', path: '/booking/holds', body: JSON.stringify({ slotId: slotAt(String(Date.parse('9999-12-01T15:00:00Z'))) }) },
  { name: 'slot search in year 9999', method: 'GET', path: slots('9999-12-01T00:00:00Z', '9999-12-05T00:00:00Z') },
  { name: 'slot search at the end of year 9999', method: 'GET', path: slots('9999-12-25T00:00:00Z', '9999-12-31T23:59:59Z') },
  { name: 'slot search in year 0', method: 'GET', path: slots('0000-01-01T00:00:00Z', '0000-01-05T00:00:00Z') },
  { name: 'NUL in a hold id (path)', method: 'POST', path: '/booking/holds/hold_%00abc/renewal' },
  { name: 'NUL in a hold id (release)', method: 'DELETE', path: '/booking/holds/hold_%00abc' },
  { name: 'NUL in a manage token (path)', method: 'GET', path: '/booking/appointments/demo%00manage' },
  { name: 'malformed percent-encoding in a path', method: 'GET', path: '/booking/appointments/%E0%A4%A' },
  { name: 'NUL in a query value', method: 'GET', path: slots('2027-03-08T00:00:00Z\u0000', '2027-03-10T00:00:00Z') },
  { name: 'NUL in a slot id', method: 'POST', path: '/booking/holds', body: JSON.stringify({ slotId: slotAt('1804518000000').replace('ana', 'a\u0000na') }) },
  {
    name: 'NUL in a hold id (body)',
    method: 'POST',
    path: '/booking/appointments',
    body: JSON.stringify({ holdId: 'hold_\u0000x', patient, consents: [] }),
    headers: key('nul-hold'),
  },
  {
    name: 'NUL in a name',
    method: 'POST',
    path: '/booking/waitlist',
    body: JSON.stringify({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient: { ...patient, lastName: 'Pa\u0000tient' }, consents: [] }),
    headers: key('nul-name'),
  },
  {
    name: 'lone surrogate in a name',
    method: 'POST',
    path: '/booking/waitlist',
    body: `{"locationId":"denver-highlands","appointmentTypeId":"follow-up","preferredWeekdays":[1],"preferredTimesOfDay":["morning"],"patient":${JSON.stringify(patient).replace('"Test"', '"Te\\ud800st"')},"consents":[]}`,
    headers: key('surrogate-name'),
  },
  { name: 'NUL in a draft answer', method: 'PUT', path: `/intake/${DEMO_INTAKE_TOKEN}/draft`, body: JSON.stringify({ answers: { firstName: 'A\u0000da' } }), headers: { 'if-none-match': '*' } },
  { name: 'NUL in a draft page id', method: 'PUT', path: `/intake/${DEMO_INTAKE_TOKEN}/draft`, body: JSON.stringify({ answers: {}, pageId: 'about\u0000you' }), headers: { 'if-none-match': '*' } },
  { name: 'lone surrogate in a draft answer', method: 'PUT', path: `/intake/${DEMO_INTAKE_TOKEN}/draft`, body: '{"answers":{"firstName":"\\udc00Ada"}}', headers: { 'if-none-match': '*' } },
  { name: 'NUL in an answer key', method: 'PATCH', path: `/survey/${DEMO_SURVEY_TOKENS.open}/answers`, body: '{"np\\u0000s":9}' },
  { name: 'NUL in feedback', method: 'POST', path: `/survey/${DEMO_SURVEY_TOKENS.open}/feedback`, body: JSON.stringify({ message: 'Thanks\u0000' }), headers: key('nul-feedback') },
  { name: 'lone surrogate in feedback', method: 'POST', path: `/survey/${DEMO_SURVEY_TOKENS.open}/feedback`, body: '{"message":"Thanks \\ud83d"}', headers: key('surrogate-feedback') },
  { name: 'NUL in a cancellation reason', method: 'POST', path: `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}/cancellation`, body: JSON.stringify({ reason: 'x\u0000' }) },
];

const ADMIN_KEY = 'edge-input-admin-key-0123456789abcdef';
const OPERATOR_KEY = 'edge-input-operator-key-0123456789abcdef';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const { idempotencyKey: _referralKey, ...referral } = referralInput();
const HUGE = 'x'.repeat(300_000);
/** Instants no date type holds the same everywhere, or that do not exist. */
const OUT_OF_RANGE = ['+275760-09-13T00:00:00.001Z', '-000001-01-01T00:00:00Z', '2027-02-30T10:00:00Z', '2027-03-08T25:00:00-07:00'];
const episode = { id: 'ep-edge', title: 'Knee', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge' };
const rating = { clientId: 'edge-rating-client-0001', goalId: 'demo-goal-stairs', level: 0 };
const practice = { id: 'edge-practice', name: 'Edge', adminApiKey: 'edge-practice-admin-key-0123456789' };

/** The bodies of the progress, referral, messaging and operator routes: each a 400, on both databases. */
const laterCases: Case[] = [
  { name: 'NUL in a referral patient name', method: 'POST', path: '/referrals', body: JSON.stringify({ ...referral, patient: { ...referral.patient, givenName: 'A\u0000na' } }), headers: key('referral-nul') },
  { name: 'lone surrogate in referral precautions', method: 'POST', path: '/referrals', body: JSON.stringify({ ...referral, order: { ...referral.order, precautions: 'PLACEHOLDER' } }).replace('PLACEHOLDER', 'No \\ud800 lifting'), headers: key('referral-surrogate') },
  { name: 'huge referral precautions', method: 'POST', path: '/referrals', body: JSON.stringify({ ...referral, order: { ...referral.order, precautions: HUGE } }), headers: key('referral-huge') },
  ...['0000-01-01', '2027-02-30', '+275760-09-13', '1990-1-1'].map((birthDate) => ({ name: `referral birth date ${birthDate}`, method: 'POST', path: '/referrals', body: JSON.stringify({ ...referral, patient: { ...referral.patient, birthDate } }), headers: key(`referral-birth-${birthDate}`) })),
  { name: 'NUL in a referral booking token (path)', method: 'GET', path: '/booking/referral-context/abc%00defghijklmnop' },
  { name: 'NUL in an unsubscribe token (path)', method: 'POST', path: '/messaging/unsubscribe/v1.%00.abc' },
  { name: 'NUL in a goal rating note', method: 'POST', path: `/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, body: JSON.stringify({ ...rating, note: 'Up\u0000stairs' }) },
  { name: 'lone surrogate in a goal rating note', method: 'POST', path: `/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, body: JSON.stringify({ ...rating, note: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'Up \\udfff stairs') },
  { name: 'huge goal rating note', method: 'POST', path: `/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, body: JSON.stringify({ ...rating, note: HUGE }) },
  { name: 'NUL in a goal rating client id', method: 'POST', path: `/progress/${DEMO_PROGRESS_TOKEN}/goal-ratings`, body: JSON.stringify({ ...rating, clientId: 'edge\u0000rating' }) },
  ...OUT_OF_RANGE.map((startedAt) => ({ name: `episode starting ${startedAt}`, method: 'POST', path: '/admin/progress-episodes', body: JSON.stringify({ episode: { ...episode, startedAt } }), headers: admin })),
  ...OUT_OF_RANGE.map((takenAt) => ({ name: `clinic result taken ${takenAt}`, method: 'POST', path: '/admin/progress-episodes/ep-edge/results', body: JSON.stringify({ instrumentId: 'hoos-jr', score: 50, takenAt }), headers: admin })),
  ...OUT_OF_RANGE.map((expiresAt) => ({ name: `referral booking link expiring ${expiresAt}`, method: 'POST', path: '/admin/referrals/ref_unknown/booking-links', body: JSON.stringify({ expiresAt }), headers: admin })),
  { name: 'NUL in an episode title', method: 'POST', path: '/admin/progress-episodes', body: JSON.stringify({ episode: { ...episode, title: 'Kn\u0000ee' } }), headers: admin },
  { name: 'NUL in a consent note', method: 'POST', path: '/admin/patients/pat-garcia/consents', body: JSON.stringify({ channel: 'sms', scope: 'reminder', granted: true, note: 'x\u0000' }), headers: admin },
  { name: 'NUL in a practice name', method: 'POST', path: '/operator/practices', body: JSON.stringify({ ...practice, name: 'Ed\u0000ge' }), headers: { authorization: `Bearer ${OPERATOR_KEY}` } },
  { name: 'lone surrogate in a practice name', method: 'POST', path: '/operator/practices', body: JSON.stringify({ ...practice, name: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'Ed\\ud800ge') },
  { name: 'huge practice name', method: 'POST', path: '/operator/practices', body: JSON.stringify({ ...practice, name: HUGE }), headers: { authorization: `Bearer ${OPERATOR_KEY}` } },
].map((probe) => ({ ...probe, status: 400 }));
// The surrogate practice name is sent with the operator key too.
laterCases.find((probe) => probe.name === 'lone surrogate in a practice name')!.headers = { authorization: `Bearer ${OPERATOR_KEY}` };

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`input at the edges is a 4xx, the same on every database (${dialect})`, () => {
    let server: TestServer | undefined;
    before(async () => {
      if (skip()) return;
      server = await startTestServer(dialect, { now: CONTRACT_NOW, serverOptions: { seed: 'demo', adminApiKey: ADMIN_KEY, operatorKey: OPERATOR_KEY } });
    });
    after(() => server?.dispose());

    for (const probe of [...cases, ...laterCases]) {
      it(probe.name, async (t) => {
        const reason = skip();
        if (reason) return t.skip(reason);
        const response = await fetch(`${server!.url}${probe.path}`, {
          method: probe.method,
          headers: { ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}), ...probe.headers },
          ...(probe.body !== undefined ? { body: probe.body } : {}),
        });
        const text = await response.text();
        assert.ok(response.status >= 400 && response.status < 500, `${probe.name}: ${response.status} ${text.slice(0, 300)}`);
        if (probe.status !== undefined) assert.equal(response.status, probe.status, `${probe.name}: ${text.slice(0, 300)}`);
        assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
        const body = JSON.parse(text) as { code: string };
        assert.ok(isAdapterErrorCode(body.code));
      });
    }

    it('a valid visit date still works after all that', async (t) => {
      const reason = skip();
      if (reason) return t.skip(reason);
      const response = await fetch(`${server!.url}${slots('2027-03-08T00:00:00-07:00', '2027-03-10T00:00:00-07:00')}`);
      assert.equal(response.status, 200);
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);

/** Raw bytes to the server; resolves with everything it answers before closing, and how long it took. */
function rawExchange(url: string, write: (socket: Socket) => void, waitMs = 10_000): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: hostname, port: Number(port) }, () => write(socket));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${waitMs} ms (got ${JSON.stringify(text)})`));
    }, waitMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, ms: performance.now() - started });
    });
    socket.on('error', () => undefined);
  });
}

function assertProblem(raw: string, status: number): void {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  assert.match(head, new RegExp(`^HTTP/1\\.1 ${status} `), raw);
  assert.match(head, /content-type: application\/problem\+json/i, raw);
  const problem = JSON.parse(body) as { status: number; code: string };
  assert.equal(problem.status, status);
  assert.ok(isAdapterErrorCode(problem.code));
}

describe("what Node's HTTP parser refuses is answered as problem+json, within seconds", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { seed: 'demo', http: { headersTimeoutMs: 1000, requestTimeoutMs: 1500 } } });
  });
  after(() => server.dispose());

  it('a request that is not HTTP is 400', async () => {
    const { text } = await rawExchange(server.url, (socket) => socket.write('HELLO THERE\r\n\r\n'));
    assertProblem(text, 400);
  });

  it('headers larger than the limit are 431', async () => {
    const { text } = await rawExchange(server.url, (socket) =>
      socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40 * 1024)}\r\n\r\n`),
    );
    assertProblem(text, 431);
  });

  it('a body that stops half way is answered 408 and the connection closed, within seconds', async () => {
    const { text, ms } = await rawExchange(server.url, (socket) =>
      socket.write(`POST /booking/holds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"slotId":`),
    );
    assertProblem(text, 408);
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });

  it('headers that never finish are answered 408 within seconds', async () => {
    const { text, ms } = await rawExchange(server.url, (socket) => socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'));
    assertProblem(text, 408);
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });
});
