/**
 * Malformed requests generated from the contract itself (docs/api/openapi.yaml), property-based
 * with fast-check: for every operation, start from a request the document describes (its
 * example, or demo data) and break it one way: a field of the wrong type or missing, huge text,
 * NUL and lone surrogates, dates out of range, bad JSON, bad UTF-8, a wrong content type, odd path
 * parameters and query values. On SQLite, and on PostgreSQL when DATABASE_URL is set:
 *
 * - no answer is a 5xx, and none takes longer than the per-request timeout (no hang);
 * - no body carries a stack trace, a source path or SQL text;
 * - every error is problem+json with the contract's `code` and `retryable`.
 *
 * Path parameters name real records (demo links, a progress episode, a referral and its booking
 * link, an appointment and its patient) so a broken body reaches past the lookup; the HISP's
 * callbacks are signed, so theirs reach the parser. Every operation runs on the default practice;
 * then every one but the operator API again under a created practice's prefix
 * (`/practices/{practice}/...`, that practice's admin key).
 *
 * The seed is fixed, derived from the test clock (PXM_TEST_NOW), so a failure reproduces;
 * PXM_FUZZ_SEED overrides it, PXM_FUZZ_RUNS sets the requests per operation and
 * PXM_FUZZ_PRACTICE_RUNS those under the practice's prefix.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ADAPTER_ERROR_CODES } from '@pxm/core';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_PROGRESS_TOKEN, DEMO_SURVEY_TOKENS, demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';
import fc from 'fast-check';
import { parse } from 'yaml';
import { hispSignature } from '../src/referrals/direct-hisp.js';
import { recordFigures } from './figures.js';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DOC = parse(readFileSync(fileURLToPath(new URL('../../../docs/api/openapi.yaml', import.meta.url)), 'utf8')) as Json;
const ADMIN_KEY = 'fuzz-admin-key-0123456789abcdef';
const OPERATOR_KEY = 'fuzz-operator-key-0123456789abcdef';
const PRACTICE_ADMIN_KEY = 'fuzz-practice-admin-key-0123456789abcdef';
const HISP_SECRET = 'fuzz-hisp-secret-0123456789abcdef';
const RUNS_PER_OPERATION = Number(process.env.PXM_FUZZ_RUNS || 70);
const RUNS_PER_PRACTICE_OPERATION = Number(process.env.PXM_FUZZ_PRACTICE_RUNS || 12);
const REQUEST_TIMEOUT_MS = 10_000;
/** From the test clock's start instant: the same requests on every run with the same PXM_TEST_NOW. */
const SEED = process.env.PXM_FUZZ_SEED ? Number(process.env.PXM_FUZZ_SEED) : Date.parse(process.env.PXM_TEST_NOW || '2027-01-13T17:00:00Z') % 2_147_483_647;

/** What a body must never show: a stack frame, a source path, a driver's name, SQL. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|SQLITE_|better-sqlite3|\bpg_|syntax error|\b(SELECT|INSERT INTO|DELETE FROM|CREATE TABLE)\b|\bUPDATE \w+ SET\b|\bFROM [a-z_]+ WHERE\b/;

interface Operation {
  id: string;
  method: string;
  path: string;
  pathParams: Array<{ name: string; capability?: string }>;
  query: Json[];
  headers: Json[];
  body?: { contentTypes: string[]; example: unknown };
  admin: boolean;
  operator: boolean;
}

const deref = (node: Json): Json => (node.$ref ? (node.$ref as string).slice(2).split('/').reduce((o: Json, key) => o[key], DOC) : node);

const levels = [-2, -1, 0, 1, 2].map((value) => ({ value, description: `Level ${value}` }));
const { idempotencyKey: _key, ...referralBody } = referralInput();
/** The smallest PDF the upload's content sniffing takes. */
const PDF = new TextEncoder().encode('%PDF-1.4\n% fuzz\n%%EOF\n');
/** Requests the document does not give an example for (or one that names no real record) start from demo data. */
const BASE_BODIES: Record<string, unknown> = {
  'admin.createIntakeLink': { form: demoIntakeForm },
  'admin.createHepProgram': { program: demoHepProgram },
  'admin.updateHepProgram': { program: demoHepProgram },
  'admin.createSurveyInvitation': { survey: demoSurvey },
  'progress.rateGoal': { clientId: 'fuzz-rating-client-0001', goalId: 'demo-goal-stairs', level: 0, note: 'Halfway up.' },
  'admin.createProgressEpisode': {
    episode: { id: 'ep-fuzz-new', title: 'Left hip', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge Physical Therapy' },
    goals: [{ id: 'g1', text: 'Garden again', targetDate: '2027-05-01', status: 'active', scale: levels }],
    assignments: [{ instrumentId: 'hoos-jr', everyVisits: 2, atDischarge: true }],
  },
  'admin.setProgressGoals': { goals: [{ id: 'g1', text: 'Garden on my knees', targetDate: '2027-05-01', status: 'active', scale: levels }] },
  'admin.rateProgressGoal': { goalId: 'g1', level: -1, note: 'Kneels with support.', authorName: 'Mei Chen, PT' },
  'admin.assignProgressMeasures': { assignments: [{ instrumentId: 'hoos-jr', everyDays: 14 }] },
  'admin.recordProgressResult': { instrumentId: 'hoos-jr', score: 52.5, takenAt: '2027-02-01T10:00:00-07:00' },
  'admin.recordProgressVisit': { attendedAt: '2027-02-10T10:00:00-07:00' },
  'admin.recordProgressDischarge': { dischargedAt: '2027-03-01T10:00:00-07:00' },
  'admin.triageReferral': { status: 'accepted', by: 'MC' },
  'admin.updateReferralDetails': { patient: referralBody.patient, referrer: referralBody.referrer, diagnoses: referralBody.diagnoses, order: referralBody.order, urgency: 'urgent' },
  'admin.recordConsent': { channel: 'sms', scope: 'reminder', granted: true, note: 'Said so at the desk.' },
  'admin.completeVisit': { program: demoHepProgram },
  'admin.discharge': { survey: demoSurvey },
  'referral.submitReferral': { ...referralBody, attachmentIds: [] },
  'referral.receiveDirect': {
    event: 'message.received',
    messageId: 'fuzz-direct-0001',
    from: 'dr.lee@direct.ortho.example',
    to: 'intake@direct.cedarridge.example',
    subject: 'Referral',
    attachments: [{ filename: 'referral.pdf', contentType: 'application/pdf', content: Buffer.from(PDF).toString('base64') }],
  },
  'referral.directStatus': { event: 'message.status', messageId: 'fuzz-direct-sent-0001', status: 'delivered' },
  'operator.createPractice': { id: 'fuzz-made', name: 'Made by the fuzz', adminApiKey: 'fuzz-made-admin-key-0123456789abcdef' },
};
/** The smallest JPEG header: enough for the upload's content sniffing. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** A binary body of the operation's first content type. */
const fileOf = (type: string): Uint8Array | undefined => (type.startsWith('image/') ? JPEG : type === 'application/pdf' ? PDF : undefined);

function operations(): Operation[] {
  return Object.entries(DOC.paths as Json).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .map((method) => {
        const op = item[method] as Json;
        const parameters = ((op.parameters ?? []) as Json[]).map(deref);
        const content = op.requestBody?.content as Json | undefined;
        const contentTypes = content ? Object.keys(content) : [];
        return {
          id: op.operationId as string,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name as string, ...(p['x-capability'] ? { capability: p['x-capability'] as string } : {}) })),
          query: parameters.filter((p) => p.in === 'query'),
          headers: parameters.filter((p) => p.in === 'header'),
          ...(content ? { body: { contentTypes, example: BASE_BODIES[op.operationId] ?? content[contentTypes[0]!]?.example ?? fileOf(contentTypes[0]!) ?? {} } } : {}),
          admin: path.startsWith('/admin/'),
          operator: path.startsWith('/operator/'),
        } satisfies Operation;
      }),
  );
}

/**
 * Records made for the run (see `knownRecords`), by `operationId:parameter` or by parameter
 * name; swapped for each practice the run covers.
 */
let known: Record<string, string> = {};

/** A path parameter that opens something, so a broken request reaches past the lookup. */
function pathValue(op: Operation, name: string, capability: string | undefined): string {
  if (name === 'manageToken') return DEMO_MANAGE_TOKENS.upcoming;
  if (capability === 'intake') return DEMO_INTAKE_TOKEN;
  if (capability === 'hep') return DEMO_HEP_TOKEN;
  if (capability === 'survey') return DEMO_SURVEY_TOKENS.open;
  if (capability === 'progress') return DEMO_PROGRESS_TOKEN;
  return known[`${op.id}:${name}`] ?? known[name] ?? `${name}-unknown-${op.id.length}`;
}

/** Makes, through the API, the records the path parameters name: on a demo-seeded practice at `base`. */
async function knownRecords(base: string, adminKey: string): Promise<Record<string, string>> {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(response.status < 300, `${method} ${path}: ${response.status}`);
    return (await response.json()) as Json;
  };
  const episode = await call('POST', '/admin/progress-episodes', { ...(BASE_BODIES['admin.createProgressEpisode'] as Json), episode: { ...(BASE_BODIES['admin.createProgressEpisode'] as Json).episode, id: 'ep-fuzz' } });
  await call('POST', '/referrals', referralBody, { 'idempotency-key': 'fuzz-known-referral-0001' });
  const referralId = (await call('GET', '/admin/referrals')).items[0].id as string;
  const bookingLink = await call('POST', `/admin/referrals/${referralId}/booking-links`, {});
  const program = await call('POST', '/admin/hep-programs', { program: demoHepProgram });
  const appointment = (await call('GET', `/booking/appointments/${DEMO_MANAGE_TOKENS.upcoming}`)).appointment as Json;
  const state = await call('GET', `/admin/appointments/${appointment.id}`);
  return {
    episodeId: episode.id,
    id: referralId,
    'booking.getReferralContext:token': bookingLink.token,
    programId: program.id,
    appointmentId: appointment.id,
    patientId: state.patientId,
  };
}

const QUERY_VALUES: Record<string, string> = {
  locationId: 'denver-highlands',
  appointmentTypeId: 'follow-up',
  providerId: 'ana-rivera',
  from: '2027-03-08T00:00:00-07:00',
  to: '2027-03-13T00:00:00-07:00',
  limit: '5',
  status: 'pending',
  purpose: 'insurance-card-front',
};

// ---- the ways to break a request ----------------------------------------------------------

const OUT_OF_RANGE_DATES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '2027-02-30T10:00:00Z',
  '2027-13-01T00:00:00Z',
  '2027-03-08T25:00:00-07:00',
  '2027-03-08T10:00:00+25:00',
  '1969-12-31T23:59:59.999Z',
  '2027-03-08',
  '',
];

const oddText = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uFEFF', '\u202E', '%00', "' OR '1'='1", '"; DROP TABLE appointments; --', '../../etc/passwd', '${jndi:x}', '<script>alert(1)</script>', '\r\nX-Injected: 1'),
  fc.constantFrom(...OUT_OF_RANGE_DATES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom('\uD83D'.repeat(5_000), '\u0000'.repeat(5_000)),
);

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  oddText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 4, -1, 0, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 4 }),
  fc.constant(Array.from({ length: 20_000 }, (_, index) => index)),
);

/** Every place in a JSON value, as a list of keys. */
function placesIn(value: unknown, prefix: Array<string | number> = [], into: Array<Array<string | number>> = []): Array<Array<string | number>> {
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : value && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, item] of entries) {
    into.push([...prefix, key]);
    placesIn(item, [...prefix, key], into);
  }
  return into;
}

function changedAt(value: unknown, place: Array<string | number>, change: (parent: Json, key: string | number) => void): unknown {
  const copy = structuredClone(value) as Json;
  const parent = place.slice(0, -1).reduce((node: Json, key) => node[key as string], copy);
  change(parent, place.at(-1)!);
  return copy;
}

const BAD_JSON_TEXT = ['{', '{"a":', '[1,2', 'nul', '{"a":1,}', "{'a':1}", '\uFEFF{}', '{"a":1}{"b":2}', '[' .repeat(10_000), '{"__proto__":{"admin":true}}', '1e99999', '"\\uD800"', '{"a":"\\u0000"}', '  '];
const BAD_UTF8 = [
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  new Uint8Array([0xc0, 0xaf]),
];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/jsonx', 'application/xml', 'image/gif', 'application/pdf', 'image/png'];
/** Raw path segments, sent as they are. */
const ODD_SEGMENTS = ['%00', '%ED%A0%80', '%C0%AF', '%2e%2e', '..', '%', '%ZZ', '%2F', 'a%20b', '%F0%9F%92%A5', 'x'.repeat(5_000), '%EF%BB%BF', ';', '*', '~', "'", '%0D%0A'];

interface Request {
  kind: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function baseRequest(op: Operation, key: number): Request {
  let path = op.path;
  for (const param of op.pathParams) path = path.replace(`{${param.name}}`, encodeURIComponent(pathValue(op, param.name, param.capability)));
  const query = new URLSearchParams();
  for (const param of op.query) if (param.required) query.set(param.name, QUERY_VALUES[param.name] ?? 'x');
  const headers: Record<string, string> = {};
  if (op.admin) headers.authorization = `Bearer ${known.adminKey ?? ADMIN_KEY}`;
  if (op.operator) headers.authorization = `Bearer ${OPERATOR_KEY}`;
  for (const header of op.headers) if (header.name === 'Idempotency-Key') headers['idempotency-key'] = `fuzz-key-${op.id}-${key}`;
  if (op.id === 'intake.saveDraft') headers['if-none-match'] = '*';
  const request: Request = { kind: 'base', path, query, headers };
  if (op.body) {
    const type = op.body.contentTypes[0]!;
    headers['content-type'] = type;
    request.body = op.body.example instanceof Uint8Array ? op.body.example : JSON.stringify(op.body.example);
  }
  return request;
}

type Breakage = (op: Operation, request: Request) => fc.Arbitrary<Request>;

/** The breakages that change something for this operation (a GET has no body to break). */
function applicable(op: Operation): string[] {
  const takesBody = op.method !== 'GET' && op.method !== 'DELETE';
  const jsonBody = op.body !== undefined && !(op.body.example instanceof Uint8Array);
  return Object.keys(BREAKAGES).filter((name) => {
    if (['field of a wrong type', 'field missing', 'unknown field'].includes(name)) return jsonBody;
    if (['body of a wrong type', 'bad JSON or UTF-8', 'wrong content type'].includes(name)) return takesBody;
    if (name === 'required parameter missing') return op.query.some((param) => param.required) || op.headers.some((header) => header.required);
    return true;
  });
}

const jsonOf = (request: Request): unknown => (typeof request.body === 'string' ? JSON.parse(request.body) : undefined);

const BREAKAGES: Record<string, Breakage> = {
  'field of a wrong type': (_op, request) => {
    const places = placesIn(jsonOf(request));
    if (places.length === 0) return fc.constant(request);
    return fc.tuple(fc.constantFrom(...places), wrongValue).map(([place, value]) => ({
      ...request,
      kind: 'field of a wrong type',
      body: JSON.stringify(changedAt(jsonOf(request), place, (parent, key) => void (parent[key as string] = value))),
    }));
  },
  'field missing': (_op, request) => {
    const places = placesIn(jsonOf(request));
    if (places.length === 0) return fc.constant(request);
    return fc.constantFrom(...places).map((place) => ({
      ...request,
      kind: 'field missing',
      body: JSON.stringify(
        changedAt(jsonOf(request), place, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key as string];
        }),
      ),
    }));
  },
  'unknown field': (_op, request) =>
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), wrongValue).map(([name, value]) => {
      const body = jsonOf(request);
      return { ...request, kind: 'unknown field', body: JSON.stringify(body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [name]: value } : { [name]: value }) };
    }),
  'body of a wrong type': (_op, request) => wrongValue.map((value) => ({ ...request, kind: 'body of a wrong type', headers: { ...request.headers, 'content-type': 'application/json' }, body: JSON.stringify(value) ?? 'null' })),
  'bad JSON or UTF-8': (_op, request) =>
    fc.oneof(fc.constantFrom<string | Uint8Array>(...BAD_JSON_TEXT, ...BAD_UTF8), fc.string({ maxLength: 30 })).map((body) => ({
      ...request,
      kind: 'bad JSON or UTF-8',
      headers: { ...request.headers, 'content-type': request.headers['content-type'] ?? 'application/json' },
      body,
    })),
  'wrong content type': (_op, request) =>
    fc.oneof(fc.constantFrom(...WRONG_CONTENT_TYPES), fc.constant(undefined)).map((type) => {
      const headers = { ...request.headers };
      if (type === undefined) delete headers['content-type'];
      else headers['content-type'] = type;
      return { ...request, kind: 'wrong content type', headers, body: request.body ?? '{}' };
    }),
  'odd path parameter': (op, request) => {
    if (op.pathParams.length === 0) return fc.constantFrom(...ODD_SEGMENTS).map((segment) => ({ ...request, kind: 'odd path parameter', path: `${request.path}/${segment}` }));
    return fc.tuple(fc.constantFrom(...op.pathParams), fc.oneof(fc.constantFrom(...ODD_SEGMENTS), oddText.map((text) => safeEncode(text)))).map(([param, segment]) => {
      let path = op.path;
      for (const other of op.pathParams) path = path.replace(`{${other.name}}`, other === param ? segment : encodeURIComponent(pathValue(op, other.name, other.capability)));
      return { ...request, kind: 'odd path parameter', path };
    });
  },
  'odd query value': (op, request) =>
    fc
      .tuple(fc.constantFrom(...op.query.map((param) => param.name as string), 'unknown', 'limit'), fc.oneof(oddText, fc.constantFrom('-1', '0', '1e309', 'NaN', '99999999999999999999', '1.5')), fc.boolean())
      .map(([name, value, twice]) => {
        const query = new URLSearchParams(request.query);
        query.set(name, value);
        if (twice) query.append(name, 'again');
        return { ...request, kind: 'odd query value', query };
      }),
  'required parameter missing': (op, request) => {
    const required = op.query.filter((param) => param.required).map((param) => param.name as string);
    const headers = op.headers.filter((header) => header.required).map((header) => (header.name as string).toLowerCase());
    if (required.length + headers.length === 0) return fc.constant({ ...request, kind: 'required parameter missing' });
    return fc.constantFrom(...required.map((name) => ['query', name]), ...headers.map((name) => ['header', name])).map(([where, name]) => {
      const query = new URLSearchParams(request.query);
      const copy = { ...request.headers };
      if (where === 'query') query.delete(name!);
      else delete copy[name!];
      return { ...request, kind: 'required parameter missing', query, headers: copy };
    });
  },
  'odd header': (_op, request) =>
    fc
      .tuple(
        fc.constantFrom('idempotency-key', 'if-match', 'if-none-match', 'authorization', 'content-length-ish', 'accept'),
        fc.oneof(fc.constantFrom('', 'short', 'x'.repeat(8_000), '"', 'W/"1"', '*', 'Bearer', 'Bearer ' + 'a'.repeat(3_000)), fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 })),
      )
      .map(([name, value]) => ({ ...request, kind: 'odd header', headers: { ...request.headers, [name]: value } })),
};

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text) || '%20';
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as the bytes a client would send
  }
}

interface Outcome {
  status: number;
  ms: number;
  problem?: string;
}

/** The HISP's callbacks are signed over the body as sent (a broken one too), so it reaches the parser. */
function signed(op: Operation, request: Request): Record<string, string> {
  if (!op.path.startsWith('/webhooks/direct/') || typeof request.body !== 'string' || request.kind === 'odd header') return request.headers;
  const timestamp = String(Math.floor(CONTRACT_NOW.getTime() / 1000));
  return { ...request.headers, 'x-hisp-timestamp': timestamp, 'x-hisp-signature': hispSignature(HISP_SECRET, timestamp, request.body) };
}

async function send(baseUrl: string, op: Operation, request: Request, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Outcome> {
  const search = request.query.toString();
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${baseUrl}${request.path}${search ? `?${search}` : ''}`, {
      method: op.method,
      headers: signed(op, request),
      ...(request.body !== undefined && op.method !== 'GET' && op.method !== 'DELETE' ? { body: request.body as BodyInit } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    return { status: 0, ms: performance.now() - started, problem: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `connection failed: ${(error as Error).message}` };
  }
  const ms = performance.now() - started;
  const status = response.status;
  if (status >= 500) return { status, ms, problem: `answered ${status}: ${text.slice(0, 300)}` };
  if (LEAK.test(text)) return { status, ms, problem: `the body shows internals: ${text.slice(0, 300)}` };
  if (status >= 400) {
    if (response.headers.get('content-type') !== 'application/problem+json') return { status, ms, problem: `error ${status} as ${response.headers.get('content-type')}` };
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return { status, ms, problem: `error ${status} is not JSON: ${text.slice(0, 200)}` };
    }
    if (body.status !== status || !ADAPTER_ERROR_CODES.includes(body.code) || typeof body.retryable !== 'boolean' || typeof body.detail !== 'string') {
      return { status, ms, problem: `error ${status} is not a contract problem: ${text.slice(0, 200)}` };
    }
  }
  return { status, ms };
}

describe('the checks themselves', () => {
  it('catch a 500, a stack trace, SQL text, an error that is not problem+json, and a hang', async () => {
    const { createServer } = await import('node:http');
    const replies: Record<string, [number, string, string]> = {
      '/500': [500, 'application/problem+json', '{"status":500}'],
      '/stack': [400, 'application/problem+json', '{"detail":"TypeError: x\\n    at handler (/srv/app.ts:12:3)"}'],
      '/sql': [400, 'application/problem+json', '{"detail":"near SELECT id FROM holds WHERE: syntax error"}'],
      '/plain': [404, 'text/plain', 'Not Found'],
      '/fine': [404, 'application/problem+json', '{"type":"urn:pxm:error:not_found","title":"Not found","status":404,"detail":"No.","code":"not_found","retryable":false}'],
    };
    const fake = createServer((request, response) => {
      if (request.url === '/hang') return; // never answers
      const [status, type, body] = replies[request.url!]!;
      response.writeHead(status, { 'content-type': type }).end(body);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
      const op: Operation = { id: 'x', method: 'GET', path: '/', pathParams: [], query: [], headers: [], admin: false, operator: false };
      const sent = (path: string, timeoutMs?: number) => send(url, op, { kind: 'check', path, query: new URLSearchParams(), headers: {} }, timeoutMs);
      for (const path of ['/500', '/stack', '/sql', '/plain']) assert.ok((await sent(path)).problem, path);
      assert.equal((await sent('/fine')).problem, undefined);
      assert.match((await sent('/hang', 300)).problem ?? '', /no answer within 300 ms/);
    } finally {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`malformed requests from the OpenAPI document (${dialect})`, () => {
    let server: TestServer | undefined;
    const ops = operations();
    const counts = { requests: 0, operations: ops.length, clientErrors: 0, successes: 0, failures: 0, slowestMs: 0 };
    const kinds = new Map<string, number>();
    /** The records each practice's run names, and the admin key of that practice. */
    const practices: Array<{ base: string; known: Record<string, string>; ops: Operation[]; runs: number }> = [];

    before(async () => {
      if (skip()) return;
      server = await startTestServer(dialect, {
        now: CONTRACT_NOW,
        serverOptions: {
          seed: 'demo',
          adminApiKey: ADMIN_KEY,
          operatorKey: OPERATOR_KEY,
          referrals: { webhooks: { direct: { webhookSecret: HISP_SECRET }, fax: { callbackToken: 'fuzz-fax-callback-token', publicUrl: 'https://fuzz.example' } } },
        },
      });
      const created = await fetch(`${server.url}/operator/practices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'fuzz-b', name: 'Fuzz B', adminApiKey: PRACTICE_ADMIN_KEY, settings: { seed: 'demo' } }),
      });
      assert.equal(created.status, 201);
      practices.push({ base: server.url, known: await knownRecords(server.url, ADMIN_KEY), ops, runs: RUNS_PER_OPERATION });
      const prefixed = `${server.url}/practices/fuzz-b`;
      practices.push({ base: prefixed, known: { ...(await knownRecords(prefixed, PRACTICE_ADMIN_KEY)), adminKey: PRACTICE_ADMIN_KEY }, ops: ops.filter((op) => !op.operator), runs: RUNS_PER_PRACTICE_OPERATION });
    });
    after(async () => {
      await server?.dispose();
      if (skip() || counts.requests === 0) return;
      await recordFigures({
        [`server:fuzz:${dialect}:requests`]: counts.requests,
        [`server:fuzz:${dialect}:operations`]: counts.operations,
        [`server:fuzz:${dialect}:4xx`]: counts.clientErrors,
        [`server:fuzz:${dialect}:failures`]: counts.failures,
        [`server:fuzz:${dialect}:slowest`]: `${Math.round(counts.slowestMs)} ms`,
      });
    });

    it('every operation, on the default practice and under a practice prefix: no 5xx, no hang, no internals in a body, every error problem+json', async (t) => {
      if (skip()) return t.skip(skip());
      assert.ok(ops.length >= 70, `the document has ${ops.length} operations`);
      assert.ok(ops.some((op) => op.operator), 'the operator API is in the run');
      let key = 0;
      for (const practice of practices) {
        known = practice.known;
        for (const op of practice.ops) {
          const names = applicable(op);
          const result = await fc.check(
            fc.asyncProperty(
              fc.constantFrom(...names).chain((name) => BREAKAGES[name]!(op, baseRequest(op, ++key))),
              async (request) => {
                const outcome = await send(practice.base, op, request);
                counts.requests++;
                kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
                counts.slowestMs = Math.max(counts.slowestMs, outcome.ms);
                if (outcome.problem) {
                  counts.failures++;
                  throw new Error(`${op.method} ${request.path} (${request.kind}): ${outcome.problem}`);
                }
                if (outcome.status >= 400) counts.clientErrors++;
                else counts.successes++;
              },
            ),
            { numRuns: practice.runs, seed: SEED, endOnFailure: true },
          );
          if (result.failed) {
            const shown = JSON.stringify(result.counterexample, (_key, value: unknown) => (typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}...(${value.length})` : value instanceof Uint8Array ? [...value] : value));
            assert.fail(`${practice.base} ${op.id}: ${(result.errorInstance as Error)?.message ?? String(result.errorInstance)}\n  request: ${shown?.slice(0, 800)}\n  (seed ${SEED})`);
          }
        }
      }
      t.diagnostic(
        `${counts.requests} requests over ${ops.length} operations and a practice prefix (seed ${SEED}): ${counts.clientErrors} refused with a problem, ${counts.successes} accepted; slowest ${Math.round(counts.slowestMs)} ms; ` +
          [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', '),
      );
      assert.ok(counts.requests >= 2_000, `${counts.requests} requests`);
      assert.equal(counts.failures, 0);
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
