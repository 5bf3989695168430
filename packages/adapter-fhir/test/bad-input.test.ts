/**
 * What a FHIR server may send that a well-behaved engine never does: error outcomes of every
 * kind, Bundles of the wrong type, searches that say there is more but give no way to it,
 * links to other hosts, version conflicts, hangs, garbage. Each must become the right
 * `AdapterError`, and none may leak what the server echoed back.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { AdapterError, bookingReplySchemas, requireCapability, type AdapterErrorCode } from '@pxm/core';
import { expectAdapterError } from '@pxm/adapter-testkit';
import { demoIntakeForm } from '@pxm/core/demo';
import { createFhirAdapter, type FhirAdapterOptions } from '../src/index.js';
import { IDENTIFIER } from '../src/fhir/namespace.js';
import { questionnaireFromForm, questionnaireTask } from '../src/provision/index.js';
import { outcome, searchset, startScriptedServer, type ScriptedReply, type ScriptedRequest, type ScriptedServer } from './support/scripted-server.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const TOKEN = 'scripted-token-0001';
let servers: ScriptedServer[] = [];

async function serve(answer: (request: ScriptedRequest, base: string) => ScriptedReply): Promise<ScriptedServer> {
  const server = await startScriptedServer(answer);
  servers.push(server);
  return server;
}

function adapterFor(server: ScriptedServer, options: Partial<FhirAdapterOptions> = {}) {
  return createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, ...options });
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

describe('fhir adapter: server errors', () => {
  const cases: Array<[status: number, issue: string | undefined, code: AdapterErrorCode, retryable: boolean]> = [
    [400, 'invalid', 'validation', false],
    [401, 'login', 'unauthorized', false],
    [403, 'forbidden', 'unauthorized', false],
    [404, 'not-found', 'not_found', false],
    [409, 'conflict', 'conflict', false],
    [410, 'deleted', 'not_found', false],
    [412, 'processing', 'conflict', false],
    [422, 'business-rule', 'conflict', false],
    [422, 'invariant', 'validation', false],
    [429, 'throttled', 'server', true],
    [500, 'exception', 'server', true],
    [501, 'not-supported', 'unsupported', false],
    [503, 'transient', 'server', true],
    [504, 'timeout', 'timeout', true],
    [502, undefined, 'server', true],
  ];
  for (const [status, issue, code, retryable] of cases) {
    it(`maps HTTP ${status}${issue ? ` with an "${issue}" outcome` : ' without an outcome'} to ${code}`, async () => {
      const server = await serve(() =>
        issue
          ? { status, body: { ...outcome(issue, 'Refused', 'CarePlan.identifier'), issue: [{ ...outcome(issue, 'Refused', 'CarePlan.identifier').issue[0], diagnostics: 'echo: SECRET-PATIENT-NAME' }] } }
          : { status, raw: '<html>Bad gateway</html>' },
      );
      const error = await expectAdapterError(requireCapability(adapterFor(server), 'hep').loadProgram(TOKEN), code);
      assert.equal(error.retryable, retryable);
      assert.equal(error.operation, 'hep.loadProgram');
      assert.doesNotMatch(JSON.stringify({ message: error.message, issues: error.issues }), /SECRET-PATIENT-NAME/, 'diagnostics never reach the error');
      if (issue === 'invalid') assert.deepEqual(error.issues, [{ path: 'CarePlan.identifier', message: 'Refused' }]);
    });
  }

  it('asks the host for a fresh access token once after a 401', async () => {
    const tokens = ['expired-token', 'fresh-token'];
    const server = await serve((request) =>
      request.headers.authorization === 'Bearer fresh-token' ? { status: 200, body: searchset([]) } : { status: 401, body: outcome('login', 'Unauthorized') },
    );
    const adapter = adapterFor(server, { auth: { accessToken: () => tokens.shift() } });
    await expectAdapterError(requireCapability(adapter, 'hep').loadProgram(TOKEN), 'token_invalid');
    assert.deepEqual(server.requests.map((r) => r.headers.authorization), ['Bearer expired-token', 'Bearer fresh-token']);

    const fixed = adapterFor(server, { auth: { bearer: 'static-token' } });
    await expectAdapterError(requireCapability(fixed, 'hep').loadProgram(TOKEN), 'unauthorized');
    assert.equal(server.requests.filter((r) => r.headers.authorization === 'Bearer static-token').length, 1, 'a fixed token is not retried');
  });

  it('sends custom headers from a header function', async () => {
    const server = await serve(() => ({ status: 200, body: searchset([]) }));
    await expectAdapterError(requireCapability(adapterFor(server, { auth: () => ({ 'x-proxy-session': 'abc' }) }), 'hep').loadProgram(TOKEN), 'token_invalid');
    assert.equal(server.requests[0]!.headers['x-proxy-session'], 'abc');
    assert.equal(server.requests[0]!.headers.accept, 'application/fhir+json');
  });
});

describe('fhir adapter: malformed replies', () => {
  const malformedCases: Array<[string, ScriptedReply]> = [
    ['a Bundle of type transaction-response', { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry: [] } }],
    ['a Bundle of type history', { status: 200, body: { resourceType: 'Bundle', type: 'history', entry: [] } }],
    ['a resource instead of a Bundle', { status: 200, body: { resourceType: 'CarePlan', id: 'x' } }],
    ['an entry without a resource', { status: 200, body: { resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl: 'x' }] } }],
    ['an error outcome inside the Bundle', { status: 200, body: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: outcome('exception', 'Index broken'), search: { mode: 'outcome' } }] } }],
    ['a body that is not JSON', { status: 200, raw: '{"resourceType": "Bundle", ', headers: { 'content-type': 'application/fhir+json' } }],
    ['HTML with a 200', { status: 200, raw: '<html>Login page</html>' }],
  ];
  for (const [what, reply] of malformedCases) {
    it(`refuses ${what} as a server error`, async () => {
      const server = await serve(() => reply);
      const error = await expectAdapterError(requireCapability(adapterFor(server), 'hep').loadProgram(TOKEN), 'server');
      assert.equal(error.retryable, false);
    });
  }

  it('refuses a search whose total says there is more but that gives no next link', async () => {
    const server = await serve(() => ({ status: 200, body: searchset([], { total: 50 }) }));
    const error = await expectAdapterError(requireCapability(adapterFor(server), 'hep').loadProgram(TOKEN), 'server');
    assert.match(error.message, /reported 50 matches but gave 0 and no next link/);
  });

  it('follows next links across pages', async () => {
    const plan = {
      resourceType: 'CarePlan',
      id: 'plan-1',
      status: 'active',
      intent: 'plan',
      title: 'Knee program',
      subject: { reference: 'Patient/p1' },
      period: { start: '2027-02-01' },
      identifier: [{ system: IDENTIFIER.linkToken, value: TOKEN }],
      activity: [{ detail: { code: { coding: [{ system: 'https://pxm-elements.dev/fhir/CodeSystem/exercise', code: 'quad-sets' }], text: 'Quad sets' }, status: 'scheduled', scheduledTiming: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } } }],
    };
    const server = await serve((request, base) => {
      if (request.path.startsWith('CarePlan?') && !request.path.includes('page=')) return { status: 200, body: searchset([], { total: 1, link: [{ relation: 'next', url: `${base}CarePlan?page=2` }] }) };
      if (request.path === 'CarePlan?page=2') return { status: 200, body: searchset([plan], { total: 1 }) };
      return { status: 404, body: outcome('not-found', 'Not found') };
    });
    const program = await requireCapability(adapterFor(server, { practice: { organization: 'x', defaultTimeZone: 'America/Denver' } }), 'hep').loadProgram(TOKEN);
    assert.equal(program.exercises[0]?.id, 'quad-sets');
    assert.equal(program.exercises[0]?.frequency.timesPerDay, 2);
    assert.equal(program.timeZone, 'America/Denver');
  });

  it('never follows a next link to another server (credentials stay home)', async () => {
    const elsewhere = await serve(() => ({ status: 200, body: searchset([]) }));
    const server = await serve(() => ({ status: 200, body: searchset([], { total: 1, link: [{ relation: 'next', url: `${elsewhere.origin}/fhir/R4/CarePlan?page=2` }] }) }));
    const error = await expectAdapterError(requireCapability(adapterFor(server, { auth: { bearer: 'secret' } }), 'hep').loadProgram(TOKEN), 'server');
    assert.match(error.message, /outside the configured FHIR base URL/);
    assert.equal(elsewhere.requests.length, 0);
  });

  it('stops when a next link repeats a page', async () => {
    const server = await serve((_request, base) => ({ status: 200, body: searchset([], { link: [{ relation: 'next', url: `${base}CarePlan?page=2` }] }) }));
    const error = await expectAdapterError(requireCapability(adapterFor(server), 'hep').loadProgram(TOKEN), 'server');
    assert.match(error.message, /repeats a page/);
  });

  it('passes booking data on as mapped: a practice without a name is caught at the boundary, once', async () => {
    const server = await serve((request) => {
      if (request.path.startsWith('Organization/')) return { status: 200, body: { resourceType: 'Organization', id: 'cedar-ridge' } };
      return { status: 200, body: searchset([]) };
    });
    const practice = await requireCapability(adapterFor(server), 'booking').getPractice();
    // The element boundary (and the contract suite) validate booking replies with this table.
    const checked = bookingReplySchemas.getPractice.safeParse(practice);
    assert.equal(checked.success, false);
    assert.ok(checked.error?.issues.some((issue) => issue.path.join('.') === 'name'));
  });
});

describe('fhir adapter: conflicts, deadlines, aborts', () => {
  it('turns a 412 on a draft save into conflict', async () => {
    const questionnaire = questionnaireFromForm(demoIntakeForm);
    const task = { ...questionnaireTask({ token: TOKEN, questionnaireId: questionnaire.id!, authoredOn: NOW.toISOString() }), id: 'task-1' };
    const draft = {
      resourceType: 'QuestionnaireResponse',
      id: 'qr-1',
      meta: { versionId: 'v7' },
      identifier: { system: IDENTIFIER.linkToken, value: TOKEN },
      status: 'in-progress',
      extension: [{ url: 'https://pxm-elements.dev/fhir/StructureDefinition/draft-version', valueInteger: 1 }],
    };
    const server = await serve((request) => {
      if (request.path.startsWith('Task?')) return { status: 200, body: searchset([task]) };
      if (request.path.startsWith('Questionnaire/')) return { status: 200, body: questionnaire };
      if (request.path.startsWith('QuestionnaireResponse?')) return { status: 200, body: searchset([draft]) };
      if (request.method === 'PUT') return { status: 412, body: outcome('processing', 'Precondition Failed') };
      return { status: 404, body: outcome('not-found', 'Not found') };
    });
    await expectAdapterError(requireCapability(adapterFor(server), 'intake').saveDraft(TOKEN, { answers: { firstName: 'Ada' }, baseVersion: 1 }), 'conflict');
    const put = server.requests.find((r) => r.method === 'PUT');
    assert.equal(put?.headers['if-match'], 'W/"v7"', 'the save is checked against the version it read');
  });

  it('times out a server that never answers', async () => {
    const server = await serve(() => ({ status: 200, hang: true }));
    const error = await expectAdapterError(requireCapability(adapterFor(server, { timeoutMs: 150 }), 'hep').loadProgram(TOKEN), 'timeout');
    assert.equal(error.retryable, true);
  });

  it('stops at once when the caller aborts, with an AbortError rather than a failure', async () => {
    const server = await serve(() => ({ status: 200, hang: true }));
    const controller = new AbortController();
    const pending = requireCapability(adapterFor(server), 'hep').loadProgram(TOKEN, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError' && !AdapterError.is(error));
  });

  it('reports an unreachable server as a network error', async () => {
    const server = await serve(() => ({ status: 200, body: searchset([]) }));
    const adapter = adapterFor(server);
    await server.close();
    servers = servers.filter((s) => s !== server);
    const error = await expectAdapterError(requireCapability(adapter, 'hep').loadProgram(TOKEN), 'network');
    assert.equal(error.retryable, true);
  });

  it('refuses a base URL that is not http(s)', () => {
    assert.throws(() => createFhirAdapter({ baseUrl: 'ftp://example.org/fhir' }), (error: unknown) => AdapterError.is(error) && error.code === 'validation');
  });
});
