/**
 * docs/api/openapi.yaml: it parses, it is up to date with the code that generates it, every
 * operation the REST adapter calls is in it (same method, path and id), the reference server
 * serves exactly what it documents, every $ref resolves, and every example is valid under
 * core's schemas (the ones adapters and the server validate with).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REST_ROUTES } from '@pxm/adapter-rest';
import * as contract from '@pxm/core';
import * as booking from '@pxm/core/booking';
import * as forms from '@pxm/core/forms';
import * as hep from '@pxm/core/hep';
import * as progress from '@pxm/core/progress';
import * as referral from '@pxm/core/referral';
import * as survey from '@pxm/core/survey';
import { parse } from 'yaml';
import type * as z from 'zod/mini';
import { renderOpenApiYaml } from '../scripts/render-openapi.js';
import { startTestServer, type TestServer } from './harness.js';

/** Every schema of the contract, whichever entry point exports it. */
const core = { ...contract, ...booking, ...forms, ...hep, ...survey, ...progress, ...referral };

const file = fileURLToPath(new URL('../../../docs/api/openapi.yaml', import.meta.url));
const text = readFileSync(file, 'utf8');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = parse(text) as Json;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operations(): Array<{ path: string; method: string; op: Json }> {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, op: item[method] as Json })),
  );
}

/** Core's schema for each operation's request body (with header-borne fields filled in) and success reply. */
const KEY = { idempotencyKey: 'example-key-0001' };
const EXPECTED: Record<string, { request?: (body: unknown) => [z.ZodMiniType, unknown]; reply?: z.ZodMiniType; page?: z.ZodMiniType }> = {
  'booking.getPractice': { reply: core.PracticeSchema },
  'booking.listLocations': { page: core.LocationListSchema },
  'booking.listAppointmentTypes': { page: core.AppointmentTypeListSchema },
  'booking.listProviders': { page: core.ProviderListSchema },
  'booking.findSlots': { page: core.SlotListSchema },
  'booking.holdSlot': { reply: core.HoldSchema },
  'booking.renewHold': { reply: core.HoldSchema },
  'booking.book': { request: (b) => [core.BookRequestSchema, { ...(b as object), ...KEY }], reply: core.AppointmentSchema },
  'booking.getAppointment': { reply: core.ManagedAppointmentSchema },
  'booking.cancelAppointment': { request: (b) => [core.CancelRequestSchema, b], reply: core.AppointmentSchema },
  'booking.confirmAppointment': { reply: core.AppointmentSchema },
  'booking.rescheduleAppointment': { request: (b) => [core.RescheduleRequestSchema, { ...(b as object), ...KEY }], reply: core.AppointmentSchema },
  'booking.joinWaitlist': { request: (b) => [core.WaitlistRequestSchema, { ...(b as object), ...KEY }], reply: core.WaitlistEntrySchema },
  'booking.verifyEligibility': { request: (b) => [core.CoverageSchema, b], reply: core.EligibilityResultSchema },
  'intake.loadForm': { reply: core.IntakeSessionSchema },
  'intake.saveDraft': { request: (b) => [core.SaveDraftRequestSchema, { ...(b as object), baseVersion: 0 }], reply: core.DraftSchema },
  'intake.uploadAttachment': { reply: core.AttachmentRefSchema },
  'intake.submit': { request: (b) => [core.SubmitIntakeRequestSchema, { ...(b as object), ...KEY }], reply: core.IntakeResponseSchema },
  'hep.loadProgram': { reply: core.HepProgramSchema },
  'hep.logActivity': { request: (b) => [core.ActivityLogListSchema, (b as { entries: unknown }).entries], reply: core.ActivityLogListSchema },
  'hep.listActivity': { page: core.ActivityLogListSchema },
  'survey.loadInvitation': { reply: core.SurveyInvitationSchema },
  'survey.savePartial': { request: (b) => [core.SurveyAnswersSchema, b] },
  'survey.submit': { request: (b) => [core.SubmitSurveyRequestSchema, { ...(b as object), ...KEY }], reply: core.SurveyResponseSchema },
  'survey.sendFeedback': { request: (b) => [core.SendSurveyFeedbackRequestSchema, { ...(b as object), ...KEY }] },
  'progress.loadProgress': { reply: core.ProgressViewSchema },
  'progress.rateGoal': { request: (b) => [core.GoalRatingInputSchema, b], reply: core.GoalSchema },
  'referral.submitReferral': { request: (b) => [core.ReferralInputSchema, { ...(b as object), ...KEY }], reply: core.ReferralReceiptSchema },
  'referral.uploadReferralAttachment': { reply: core.AttachmentReceiptSchema },
};

function valid(schema: z.ZodMiniType, value: unknown, label: string): void {
  const result = schema.safeParse(value);
  assert.ok(result.success, `${label}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`);
}

describe('docs/api/openapi.yaml', () => {
  it('parses as OpenAPI 3.1 and is up to date with its source', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(Object.keys(doc.paths).length >= 20);
    assert.equal(text, renderOpenApiYaml(), 'out of date: run `pnpm --filter @pxm/server openapi`');
  });

  it('names each operation once, and no two paths differ only in a parameter name', () => {
    const ids = operations().map(({ op }) => op.operationId as string);
    assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), [], 'operation ids used twice');
    const shapes = operations().map(({ path, method }) => `${method} ${path.replace(/\{\w+\}/g, '{}')}`);
    assert.deepEqual(shapes.filter((shape, index) => shapes.indexOf(shape) !== index), [], 'one route documented twice');
  });

  it('has every operation the REST adapter calls, with the same method, path and id', () => {
    for (const [operation, route] of Object.entries(REST_ROUTES)) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path]?.[method.toLowerCase()] as Json | undefined;
      assert.ok(op, `${operation}: ${route} is documented`);
      assert.equal(op.operationId, operation);
    }
  });

  it('resolves every $ref and gives every operation a problem body for its errors', () => {
    const refs = text.match(/\$ref: "?#\/components\/([\w]+)\/([\w]+)"?/g) ?? [];
    assert.ok(refs.length > 50);
    for (const reference of refs) {
      const [, section, name] = /#\/components\/(\w+)\/(\w+)/.exec(reference)!;
      assert.ok(doc.components[section!]?.[name!], `unresolved ${reference}`);
    }
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      assert.ok(statuses.some((s) => s.startsWith('2')), `${method} ${path} has a success reply`);
      assert.ok(statuses.includes('503'), `${method} ${path} documents 503`);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        assert.equal(op.responses[status].content['application/problem+json'].schema.$ref, '#/components/schemas/Problem', `${method} ${path} ${status}`);
      }
    }
    assert.deepEqual(doc.components.schemas.Problem.properties.code.enum, [...core.ADAPTER_ERROR_CODES]);
  });

  it('documents idempotency keys and draft preconditions where the contract needs them', () => {
    const keyed = ['booking.book', 'booking.rescheduleAppointment', 'booking.joinWaitlist', 'intake.submit', 'survey.submit', 'survey.sendFeedback', 'referral.submitReferral'];
    for (const { op } of operations()) {
      const names = ((op.parameters ?? []) as Json[]).map((parameter) => parameter.$ref as string | undefined);
      if (keyed.includes(op.operationId)) assert.ok(names.includes('#/components/parameters/IdempotencyKey'), op.operationId);
    }
    const draft = doc.paths['/intake/{token}/draft'].put as Json;
    assert.ok(JSON.stringify(draft.parameters).includes('IfMatch'));
    assert.ok(draft.responses['412'] && draft.responses['428'] && draft.responses['200'].headers.ETag);
  });

  it('every example is valid under core\'s schemas', () => {
    let checked = 0;
    for (const { op } of operations()) {
      const expected = EXPECTED[op.operationId as string];
      if (!expected) continue;
      const requestExample = op.requestBody?.content?.['application/json']?.example ?? op.requestBody?.content?.['application/merge-patch+json']?.example;
      if (expected.request && requestExample !== undefined) {
        const [schema, value] = expected.request(requestExample);
        valid(schema, value, `${op.operationId} request example`);
        checked++;
      }
      const success = Object.entries(op.responses as Json).find(([status]) => status.startsWith('2'))![1] as Json;
      const replyExample = success.content?.['application/json']?.example;
      if (replyExample !== undefined) {
        if (expected.page) {
          valid(expected.page, replyExample.items, `${op.operationId} reply example items`);
          assert.ok('nextCursor' in replyExample, `${op.operationId} reply example is a page`);
        } else if (op.operationId === 'hep.logActivity') {
          valid(expected.reply!, replyExample.items, `${op.operationId} reply example`);
        } else {
          valid(expected.reply!, replyExample, `${op.operationId} reply example`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 30, `checked ${checked} examples`);
    for (const example of [doc.components.schemas.Problem, ...operations().flatMap(({ op }) => Object.values(op.responses as Json))]) {
      const problem = (example as Json).content?.['application/problem+json']?.example as Json | undefined;
      if (problem) assert.ok(core.isAdapterErrorCode(problem.code) && typeof problem.retryable === 'boolean');
    }
  });
});

describe('the reference server serves what the document describes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { now: new Date('2027-03-01T16:00:00Z') });
  });
  after(() => server.dispose());

  it('routes exactly the documented operations (plus health, readiness, metrics and discovery)', () => {
    const served = new Set(
      server.server.app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const normalise = (key: string) => key.replace(/\{\w+\}/g, '{}');
    const servedShapes = new Set([...served].map(normalise));
    const documented = operations().map(({ path, method }) => `${method} ${path}`);
    for (const key of documented) assert.ok(servedShapes.has(normalise(key)), `documented but not served: ${key}`);
    const extras = [...served].filter((key) => !documented.map(normalise).includes(normalise(key)));
    assert.deepEqual(extras.sort(), ['get /', 'get /health', 'get /metrics', 'get /ready']);
  });

  it('answers a documented example request with a reply valid under core\'s schemas', async () => {
    const op = doc.paths['/booking/slots'].get as Json;
    const query = new URLSearchParams(
      Object.fromEntries((op.parameters as Json[]).filter((parameter) => parameter.example).map((parameter) => [parameter.name, parameter.example])),
    );
    query.set('locationId', 'denver-highlands');
    query.set('appointmentTypeId', 'follow-up');
    const response = await fetch(`${server.url}/booking/slots?${query}`);
    assert.equal(response.status, 200);
    const page = (await response.json()) as { items: unknown[]; nextCursor: unknown };
    valid(core.SlotListSchema, page.items, 'live slots');
    assert.ok(page.items.length > 0);
  });
});
