/**
 * The REST adapter against a scripted fetch: how it maps HTTP and network failures to
 * AdapterError codes, what it retries (and with which key), timeouts, abort signals, auth,
 * pagination, preconditions, and that no reply reaches the caller unvalidated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, isAbortError } from '@pxm/core';
import type { BookRequest } from '@pxm/core/booking';
import { demoPractice } from '@pxm/core/demo';
import { createRestAdapter, REST_ROUTES, type RestAdapterOptions } from '../src/index.js';

type Handler = (request: Request, attempt: number) => Response | Promise<Response>;

interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

function scripted(handler: Handler, options: Partial<RestAdapterOptions> = {}) {
  const calls: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    calls.push({ method: request.method, url: new URL(request.url), headers: request.headers, body });
    if (request.signal.aborted) throw request.signal.reason;
    return handler(request, calls.length);
  }) as typeof globalThis.fetch;
  const adapter = createRestAdapter({ baseUrl: 'https://api.clinic.example/pxm/v1', fetch, retry: { limit: 2, backoffLimitMs: 5 }, ...options });
  return { adapter, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `urn:pxm:error:${code}`, title: code, status, detail: `detail of ${code}`, code, retryable: false, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(AdapterError.is(error), `expected an AdapterError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

const appointment = {
  id: 'appt_1',
  status: 'booked',
  locationId: 'denver-highlands',
  providerId: 'ana-rivera',
  appointmentTypeId: 'initial-evaluation',
  start: '2027-03-08T08:00:00-07:00',
  end: '2027-03-08T09:00:00-07:00',
  timeZone: 'America/Denver',
  manageToken: 'manage-token-0123456789',
  createdAt: '2027-03-01T09:00:00-07:00',
};

const bookRequest: BookRequest = {
  holdId: 'hold_abc',
  patient: { kind: 'new', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-01-01', phone: '+1 303 555 0100', email: 'ada@example.com' },
  consents: [{ channel: 'sms', granted: true, recordedAt: '2027-03-01T16:00:00Z' }],
  idempotencyKey: 'booking-key-0001',
};

describe('rest adapter: requests', () => {
  it('sends each operation to its route, under the base path', async () => {
    const { adapter, calls } = scripted(() => json(200, demoPractice));
    await adapter.booking!.getPractice();
    assert.equal(calls[0]!.method, 'GET');
    assert.equal(calls[0]!.url.href, 'https://api.clinic.example/pxm/v1/booking/practice');
    assert.equal(calls[0]!.headers.get('accept'), 'application/json');
  });

  it('books with the idempotency key in the header, not the body', async () => {
    const { adapter, calls } = scripted(() => json(201, appointment));
    const booked = await adapter.booking!.book(bookRequest);
    assert.equal(booked.id, 'appt_1');
    assert.equal(calls[0]!.method, 'POST');
    assert.equal(calls[0]!.url.pathname, '/pxm/v1/booking/appointments');
    assert.equal(calls[0]!.headers.get('idempotency-key'), 'booking-key-0001');
    const body = JSON.parse(calls[0]!.body) as Record<string, unknown>;
    assert.equal(body.idempotencyKey, undefined);
    assert.equal(body.holdId, 'hold_abc');
  });

  it('sends back the newest read fence a write answered, so its own writes are visible to its reads', async () => {
    const { adapter, calls } = scripted((request) =>
      request.method === 'POST' ? json(201, appointment, { 'x-pxm-read-fence': '0/3000148' }) : json(200, demoPractice),
    );
    await adapter.booking!.getPractice();
    assert.equal(calls[0]!.headers.get('x-pxm-read-fence'), null, 'no fence before any write');
    await adapter.booking!.book(bookRequest);
    await adapter.booking!.getPractice();
    assert.equal(calls[2]!.headers.get('x-pxm-read-fence'), '0/3000148');
  });

  it('saves drafts with an ETag precondition: If-None-Match * first, If-Match after', async () => {
    const draft = (version: number) => ({ answers: {}, version, savedAt: '2027-03-01T16:00:00Z' });
    const { adapter, calls } = scripted((request) => json(200, draft(request.headers.has('if-match') ? 4 : 1)));
    await adapter.intake!.saveDraft('intake-token-1234', { answers: {}, baseVersion: 0 });
    await adapter.intake!.saveDraft('intake-token-1234', { answers: { a: 'b' }, baseVersion: 3 });
    assert.equal(calls[0]!.headers.get('if-none-match'), '*');
    assert.equal(calls[1]!.headers.get('if-match'), '"3"');
    assert.equal(JSON.parse(calls[1]!.body).baseVersion, undefined);
    assert.equal(calls[1]!.method, 'PUT');
  });

  it('uploads the bytes themselves with their type, and the purpose in the query', async () => {
    const { adapter, calls } = scripted(() => json(201, { id: 'att_1', contentType: 'image/jpeg', size: 4 }));
    const ref = await adapter.intake!.uploadAttachment('intake-token-1234', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]), {
      contentType: 'image/jpeg',
      purpose: 'insurance-card-front',
    });
    assert.equal(ref.id, 'att_1');
    assert.equal(calls[0]!.headers.get('content-type'), 'image/jpeg');
    assert.equal(calls[0]!.url.searchParams.get('purpose'), 'insurance-card-front');
    assert.ok(calls[0]!.headers.get('idempotency-key'));
    assert.equal(calls[0]!.body.length, 4);
  });

  it('percent-encodes tokens in paths and refuses impossible ones without a request', async () => {
    const { adapter, calls } = scripted(() => json(200, {}));
    await adapter.survey!.loadInvitation('a/b?c#d-token').catch(() => undefined);
    assert.equal(calls[0]!.url.pathname, '/pxm/v1/survey/a%2Fb%3Fc%23d-token');
    assert.equal((await rejection(adapter.hep!.loadProgram(''))).code, 'token_invalid');
    assert.equal(calls.length, 1);
  });

  it('leaves booking requests for the server to validate, and passes on its refusal', async () => {
    const { adapter, calls } = scripted(() => problem(400, 'validation', { issues: [{ path: 'patient.email', message: 'Invalid email' }] }));
    const error = await rejection(adapter.booking!.book({ ...bookRequest, patient: { ...bookRequest.patient, email: 'nope' } as never }));
    assert.equal(error.code, 'validation');
    assert.ok(error.issues.some((issue) => issue.path === 'patient.email'));
    assert.equal(calls.length, 1, 'the request went to the server, which validates it once');
  });

  it('adds a bearer token, or asks a function for headers on every attempt', async () => {
    const withToken = scripted(() => json(200, demoPractice), { auth: 'secret-token' });
    await withToken.adapter.booking!.getPractice();
    assert.equal(withToken.calls[0]!.headers.get('authorization'), 'Bearer secret-token');

    let issued = 0;
    const refreshing = scripted((_request, attempt) => (attempt === 1 ? problem(503, 'server', { retryable: true }) : json(200, demoPractice)), {
      auth: ({ operation }) => ({ authorization: `Bearer t${++issued}`, 'x-operation': operation }),
    });
    await refreshing.adapter.booking!.getPractice();
    assert.deepEqual(refreshing.calls.map((c) => c.headers.get('authorization')), ['Bearer t1', 'Bearer t2']);
    assert.equal(refreshing.calls[0]!.headers.get('x-operation'), 'booking.getPractice');
  });

  it('follows cursors until the last page', async () => {
    const slot = (n: number) => ({
      id: `s${n}`,
      locationId: 'denver-highlands',
      providerId: 'ana-rivera',
      appointmentTypeId: 'follow-up',
      start: `2027-03-08T0${n}:00:00-07:00`,
      end: `2027-03-08T0${n}:45:00-07:00`,
    });
    const { adapter, calls } = scripted((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      if (!cursor) return json(200, { items: [slot(1), slot(2)], nextCursor: 'page-2' });
      if (cursor === 'page-2') return json(200, { items: [slot(3)], nextCursor: 'page-3' });
      return json(200, { items: [slot(4)], nextCursor: null });
    });
    const slots = await adapter.booking!.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-09T00:00:00-07:00' });
    assert.deepEqual(slots.map((s) => s.id), ['s1', 's2', 's3', 's4']);
    assert.equal(calls.length, 3);
    assert.equal(calls[0]!.url.searchParams.get('locationId'), 'denver-highlands');
    assert.equal(calls[0]!.url.searchParams.has('providerId'), false);
    assert.equal(calls[2]!.url.searchParams.get('cursor'), 'page-3');
  });

  it('offers only the capabilities it is told the backend has', () => {
    const adapter = createRestAdapter({ baseUrl: 'https://x.example', capabilities: ['booking', 'survey'], eligibility: false });
    assert.equal(adapter.name, 'rest');
    assert.ok(adapter.booking && adapter.survey);
    assert.equal(adapter.intake, undefined);
    assert.equal(adapter.booking.verifyEligibility, undefined);
    assert.throws(() => createRestAdapter({ baseUrl: 'ftp://x.example' }), (error: unknown) => AdapterError.is(error) && error.code === 'validation');
  });

  it('every operation of the route table is a known method and path', () => {
    for (const [operation, route] of Object.entries(REST_ROUTES)) assert.match(route, /^(GET|POST|PUT|PATCH|DELETE) \/[a-z-]+(\/[\w{}-]+)*$/, operation);
  });
});

describe('rest adapter: failures', () => {
  it('no reply at all (offline, server down, or CORS refused) is `network`, naming the server and CORS', async () => {
    const refused = async () => {
      throw new TypeError('Failed to fetch');
    };
    const adapter = createRestAdapter({ baseUrl: 'https://api.clinic.example/pxm', retry: false, fetch: refused });
    await assert.rejects(adapter.booking!.getPractice(), (error: unknown) => {
      assert.ok(AdapterError.is(error));
      assert.equal(error.code, 'network');
      assert.equal(error.operation, 'booking.getPractice');
      assert.match(error.message, /https:\/\/api\.clinic\.example\/pxm/);
      assert.match(error.message, /CORS/);
      return true;
    });
  });

  it('maps a problem body to its code, message and issues', async () => {
    const { adapter } = scripted(() => problem(409, 'slot_unavailable'));
    const error = await rejection(adapter.booking!.holdSlot('s1|x|y|z|1'));
    assert.equal(error.code, 'slot_unavailable');
    assert.equal(error.operation, 'booking.holdSlot');
    assert.equal(error.retryable, false);
    const invalid = scripted(() => problem(400, 'validation', { issues: [{ path: 'patient.email', message: 'Invalid email' }] }));
    const validation = await rejection(invalid.adapter.booking!.book(bookRequest));
    assert.deepEqual([...validation.issues], [{ path: 'patient.email', message: 'Invalid email' }]);
    assert.equal(invalid.calls.length, 1, 'a validation error is not retried');
  });

  it('maps replies without a problem body by status', async () => {
    const cases: Array<[Response, string, boolean]> = [
      [new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }), 'server', true],
      [new Response('', { status: 401 }), 'unauthorized', false],
      [new Response('', { status: 404 }), 'not_found', false],
      [new Response('', { status: 410 }), 'token_expired', false],
      [new Response('', { status: 412 }), 'conflict', false],
      [new Response('', { status: 413 }), 'validation', false],
      [new Response('', { status: 501 }), 'unsupported', false],
      [json(418, { message: 'not ours' }), 'validation', false],
    ];
    for (const [response, code, retryable] of cases) {
      const { adapter } = scripted(() => response.clone(), { retry: false });
      const error = await rejection(adapter.booking!.getPractice());
      assert.equal(error.code, code, `status ${response.status}`);
      assert.equal(error.retryable, retryable, `status ${response.status}`);
    }
  });

  it('retries 503 (database unavailable) and succeeds', async () => {
    const { adapter, calls } = scripted((_r, attempt) => (attempt < 3 ? problem(503, 'server', { retryable: true }, { 'retry-after': '0' }) : json(200, demoPractice)));
    assert.equal((await adapter.booking!.getPractice()).name, demoPractice.name);
    assert.equal(calls.length, 3);
  });

  it('a retried booking carries the same idempotency key and body each time', async () => {
    const { adapter, calls } = scripted((_r, attempt) => (attempt === 1 ? problem(503, 'server', { retryable: true }) : json(201, appointment)));
    await adapter.booking!.book(bookRequest);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.map((c) => c.headers.get('idempotency-key')), ['booking-key-0001', 'booking-key-0001']);
    assert.equal(calls[0]!.body, calls[1]!.body);
  });

  it('a retried hold reuses its own key, so it cannot hold twice', async () => {
    const hold = { id: 'hold_1', slot: { id: 's', locationId: 'l', providerId: 'p', appointmentTypeId: 't', start: appointment.start, end: appointment.end }, expiresAt: '2027-03-01T16:10:00Z' };
    const { adapter, calls } = scripted((_r, attempt) => (attempt === 1 ? new Response('', { status: 504 }) : json(201, hold)));
    await adapter.booking!.holdSlot('s');
    const keys = calls.map((c) => c.headers.get('idempotency-key'));
    assert.equal(keys.length, 2);
    assert.ok(keys[0] && keys[0] === keys[1]);
  });

  it('gives up after the retry limit with a retryable error', async () => {
    const { adapter, calls } = scripted(() => problem(503, 'server', { retryable: true }));
    const error = await rejection(adapter.booking!.getPractice());
    assert.equal(error.code, 'server');
    assert.equal(error.retryable, true);
    assert.equal(calls.length, 3);
  });

  it('does not retry what the backend calls final, nor anything with retry off', async () => {
    const final = scripted(() => problem(500, 'server', { retryable: false }));
    assert.equal((await rejection(final.adapter.booking!.getPractice())).retryable, false);
    assert.equal(final.calls.length, 1);
    const off = scripted(() => problem(503, 'server', { retryable: true }), { retry: false });
    await rejection(off.adapter.booking!.getPractice());
    assert.equal(off.calls.length, 1);
    const conflict = scripted(() => problem(409, 'already_submitted'));
    assert.equal((await rejection(conflict.adapter.survey!.submit('survey-token-1', { answers: {}, idempotencyKey: 'survey-key-1' }))).code, 'already_submitted');
    assert.equal(conflict.calls.length, 1);
  });

  it('maps an unreachable network to network, after retrying', async () => {
    const { adapter, calls } = scripted(() => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(adapter.booking!.getPractice());
    assert.equal(error.code, 'network');
    assert.equal(error.retryable, true);
    assert.equal(calls.length, 3);
  });

  it('times out each attempt, and reports timeout', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    const { adapter, calls } = scripted(hang, { timeoutMs: 40, retry: { limit: 1, backoffLimitMs: 1 } });
    const started = performance.now();
    const error = await rejection(adapter.booking!.getPractice());
    assert.equal(error.code, 'timeout');
    assert.equal(calls.length, 2, 'a timed-out safe call is tried again');
    assert.ok(performance.now() - started < 2000);
  });

  it('stops at once when the caller aborts, with an abort error rather than a failure', async () => {
    const controller = new AbortController();
    const { adapter, calls } = scripted(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
          setTimeout(() => controller.abort(), 10);
        }),
    );
    const outcome = await adapter.booking!.getPractice({ signal: controller.signal }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    assert.ok(isAbortError(outcome), `got ${String(outcome)}`);
    assert.equal(calls.length, 1);
    const already = new AbortController();
    already.abort();
    assert.ok(isAbortError(await adapter.booking!.getPractice({ signal: already.signal }).catch((error: unknown) => error)));
    assert.equal(calls.length, 1, 'an aborted call sends nothing');
  });

  it('treats malformed or off-contract replies as server errors', async () => {
    const garbled = scripted(() => new Response('{"name": ', { status: 200, headers: { 'content-type': 'application/json' } }));
    const error = await rejection(garbled.adapter.booking!.getPractice());
    assert.equal(error.code, 'server');
    assert.equal(error.retryable, false);
    const page = scripted(() => json(200, { items: 'many' }));
    assert.equal((await rejection(page.adapter.booking!.listLocations())).code, 'server', 'a page envelope is always checked');
  });

  it('passes booking replies on as read: the element boundary validates them once', async () => {
    const offContract = { ...appointment, start: 'tomorrow at noon' };
    const wrong = scripted(() => json(201, offContract));
    assert.deepEqual(await wrong.adapter.booking!.book(bookRequest), offContract);
  });
});
