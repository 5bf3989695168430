/**
 * 4. Malformed data through every adapter's parsing (fast-check, thousands of payloads):
 *
 * - REST client: a fake `fetch` answers each contract call with a broken version of a valid reply
 *   (or a wrong status, content type or body). The call must resolve with a value the contract's
 *   schema accepts, or reject with an `AdapterError`; and it resolves exactly when the schema
 *   accepts the body.
 * - FHIR client: every call is first recorded against a real FHIR engine; the replay then breaks
 *   one of its replies. Same rule: a schema-valid value or an `AdapterError`, nothing else.
 * - Memory adapter: its request parsing gets broken arguments: a result or an `AdapterError`.
 * Replies are validated once, at the element boundary (`AdapterCalls`), with the contract's
 * schema: every call here passes its reply through that same check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ActivityLogListSchema, HepProgramSchema } from '@pxm/core/hep';
import { AdapterError, parseResponse, type PxmAdapter, type ContractSchema } from '@pxm/core';
import {
  AppointmentTypeListSchema,
  HoldSchema,
  LocationListSchema,
  PracticeSchema,
  ProviderListSchema,
  SlotListSchema,
} from '@pxm/core/booking';
import {
  AttachmentRefSchema,
  DraftSchema,
  IntakeResponseSchema,
  IntakeSessionSchema,
  type Answers,
  type AttachmentRef,
  type FormDefinition,
} from '@pxm/core/forms';
import { SurveyInvitationSchema, SurveyResponseSchema } from '@pxm/core/survey';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_SURVEY_TOKENS, demoIntakeForm } from '@pxm/core/demo';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createRestAdapter } from '@pxm/adapter-rest';
import { createFhirAdapter } from '@pxm/adapter-fhir';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_SEED, applyMutations, malformedReplies, mutation, toJsonSafe } from '../src/payloads/malformed.js';
import { addFigures, saveFigures } from '../browser/support/figures.js';
import { PACKAGE_DIR } from '../browser/support/build.js';

/** The FHIR adapter's own test engine (Medplum's FHIR router on loopback) and demo practice. */
interface TestFhirServer {
  baseUrl: string;
  repo: unknown;
  close(): Promise<void>;
}
const fhirSupport = (file: string) => import(pathToFileURL(join(PACKAGE_DIR, '../adapter-fhir/test/support', file)).href);
const { startFhirServer } = (await fhirSupport('fhir-test-server.ts')) as { startFhirServer(): Promise<TestFhirServer> };
const { loadDemoPractice } = (await fhirSupport('demo-practice.ts')) as { loadDemoPractice(repo: unknown, now: Date): Promise<number> };
const { fillForm } = (await fhirSupport('fill-form.ts')) as { fillForm(definition: FormDefinition, options: { card: AttachmentRef; signedAt: string }): Answers };

const SEED = process.env.HARDENING_SEED ? Number(process.env.HARDENING_SEED) : DEFAULT_SEED;
const RUNS = Number(process.env.HARDENING_NODE_RUNS ?? 300);

type Schema = ContractSchema;

/** A call of the contract, the schema its result must pass, and its name. */
interface Operation {
  name: string;
  schema: Schema | undefined;
  call(adapter: PxmAdapter): Promise<unknown>;
  /** The REST contract sends lists as pages: `{ items, nextCursor }`. */
  paged?: boolean;
}

/** Resolves to `ok` with a schema-valid value, or rejects with an AdapterError; anything else is a defect. */
async function outcomeOf(operation: Operation, adapter: PxmAdapter): Promise<'resolved' | 'refused'> {
  let value: unknown;
  try {
    value = await operation.call(adapter);
  } catch (error) {
    if (!AdapterError.is(error)) throw new Error(`${operation.name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of an AdapterError`);
    return 'refused';
  }
  if (operation.schema && !operation.schema.safeParse(value).success) throw new Error(`${operation.name} resolved with a value its schema refuses`);
  return 'resolved';
}

/** What an element's AdapterCalls does with a reply the adapter hands on unvalidated. */
const atElementBoundary = async (schema: ContractSchema, operation: string, reply: Promise<unknown>) => parseResponse(schema, await reply, operation);

const now = new Date();

/** A well-formed error outcome, to be broken. */
const VALID_OUTCOME = {
  resourceType: 'OperationOutcome',
  issue: [
    { severity: 'error', code: 'invalid', details: { text: 'Refused', coding: [{ display: 'Refused' }] }, expression: ['CarePlan.identifier'], diagnostics: 'echo' },
    { severity: 'warning', code: 'informational' },
  ],
};
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

/** A card photo's bytes (a JPEG's start is enough: adapters never decode it). */
const CARD_PHOTO = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9])], { type: 'image/jpeg' });

/** Every answer of the demo intake, with a card photo already uploaded as `card`. */
const intakeAnswers = (card: AttachmentRef) => fillForm(demoIntakeForm, { card, signedAt: now.toISOString() });

function operations(ids: { location: string; type: string; slot?: string; card: AttachmentRef }): Operation[] {
  const booking = (adapter: PxmAdapter) => adapter.booking!;
  const list: Operation[] = [
    { name: 'booking.getPractice', schema: PracticeSchema, call: (a) => booking(a).getPractice() },
    { name: 'booking.listLocations', paged: true, schema: LocationListSchema, call: (a) => booking(a).listLocations() },
    { name: 'booking.listAppointmentTypes', paged: true, schema: AppointmentTypeListSchema, call: (a) => booking(a).listAppointmentTypes({}) },
    { name: 'booking.listProviders', paged: true, schema: ProviderListSchema, call: (a) => booking(a).listProviders({}) },
    { name: 'booking.findSlots', paged: true, schema: SlotListSchema, call: (a) => booking(a).findSlots({ locationId: ids.location, appointmentTypeId: ids.type, from: now.toISOString(), to: inDays(14) }) },
    ...(ids.slot ? [{ name: 'booking.holdSlot', schema: HoldSchema, call: (a: PxmAdapter) => booking(a).holdSlot(ids.slot!) }] : []),
    { name: 'intake.loadForm', schema: IntakeSessionSchema, call: (a) => a.intake!.loadForm(DEMO_INTAKE_TOKEN) },
    {
      name: 'intake.saveDraft',
      schema: DraftSchema,
      call: (a) => a.intake!.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ana', homeAddress: { line1: '12 Elm St', city: 'Denver' } }, baseVersion: 0, pageId: 'about-you' }),
    },
    {
      name: 'intake.uploadAttachment',
      schema: AttachmentRefSchema,
      call: (a) => a.intake!.uploadAttachment(DEMO_INTAKE_TOKEN, CARD_PHOTO(), { contentType: 'image/jpeg', purpose: 'insurance-card-front' }),
    },
    {
      name: 'intake.submit',
      schema: IntakeResponseSchema,
      call: (a) => a.intake!.submit(DEMO_INTAKE_TOKEN, { answers: intakeAnswers(ids.card), idempotencyKey: 'hardening-intake-submit' }),
    },
    { name: 'hep.loadProgram', schema: HepProgramSchema, call: (a) => a.hep!.loadProgram(DEMO_HEP_TOKEN) },
    { name: 'hep.listActivity', paged: true, schema: ActivityLogListSchema, call: (a) => a.hep!.listActivity(DEMO_HEP_TOKEN) },
    {
      name: 'survey.loadInvitation',
      schema: SurveyInvitationSchema,
      call: (a) => a.survey!.loadInvitation(DEMO_SURVEY_TOKENS.open),
    },
    {
      name: 'survey.submit',
      schema: SurveyResponseSchema,
      call: (a) => a.survey!.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 9 }, idempotencyKey: 'hardening-submit-key' }),
    },
  ];
  // Replies are validated once, at the element boundary (AdapterCalls): each is checked here the same way.
  return list.map((operation) => ({ ...operation, call: (adapter: PxmAdapter) => (operation.schema ? atElementBoundary(operation.schema, operation.name, operation.call(adapter)) : operation.call(adapter)) }));
}

describe('adapter parsing under malformed replies', () => {
  after(() => saveFigures(import.meta.filename));

  it('REST client: a schema-valid value or an AdapterError, and it resolves exactly when the body is valid', async (t) => {
    const memory = createMemoryAdapter();
    const [location] = await memory.booking.listLocations();
    const slots = await memory.booking.findSlots({ locationId: location!.id, appointmentTypeId: 'follow-up', from: now.toISOString(), to: inDays(14) });
    const card = await memory.intake.uploadAttachment(DEMO_INTAKE_TOKEN, CARD_PHOTO(), { contentType: 'image/jpeg', purpose: 'insurance-card-front' });
    const ops = operations({ location: location!.id, type: 'follow-up', slot: slots[0]!.id, card });
    let tried = 0;
    for (const op of ops) {
      const value = toJsonSafe(await op.call(memory));
      const valid = op.paged ? { items: value } : value;
      // What the wire format must be for the call to resolve: the page, with no further page.
      const bodyValid = (body: unknown) =>
        op.paged
          ? typeof body === 'object' && body !== null && !Array.isArray(body) && op.schema!.safeParse((body as { items?: unknown }).items).success && [undefined, null].includes((body as { nextCursor?: never }).nextCursor)
          : op.schema!.safeParse(body).success;
      const reply = fc.oneof(
        { weight: 8, arbitrary: malformedReplies(valid, { json: true }).map((body) => ({ status: 200, type: 'application/json', body: JSON.stringify(body), parsed: body as unknown })) },
        {
          weight: 2,
          arbitrary: fc.record({
            status: fc.constantFrom(200, 201, 204, 301, 400, 401, 404, 409, 410, 418, 429, 500, 502, 503),
            type: fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'text/plain', ''),
            body: fc.oneof(fc.constantFrom('', '<html>Bad gateway</html>', '{"code":"slot_unavailable"}', '{"code":42,"retryable":"yes","issues":[null,{"path":{}}]}', 'null', '[]', '{'), fc.json()),
            parsed: fc.constant(undefined as unknown),
          }),
        },
      );
      const result = await fc.check(
        fc.asyncProperty(reply, async (r) => {
          tried += 1;
          const fetch = async () => new Response(r.status === 204 || r.status === 301 ? null : r.body, { status: r.status, headers: r.type ? { 'content-type': r.type } : {} });
          const adapter = createRestAdapter({ baseUrl: 'https://api.clinic.test/pxm', fetch: fetch as typeof globalThis.fetch, retry: false, timeoutMs: 2_000 });
          const outcome = await outcomeOf(op, adapter);
          const nextPage = op.paged && typeof r.parsed === 'object' && r.parsed !== null && typeof (r.parsed as { nextCursor?: unknown }).nextCursor === 'string';
          if (r.status === 200 && r.type === 'application/json' && op.schema && !nextPage) {
            assert.equal(outcome === 'resolved', bodyValid(r.parsed), `${op.name} resolved ${outcome === 'resolved'} for a body the schema ${bodyValid(r.parsed) ? 'accepts' : 'refuses'}`);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      if (result.failed) assert.fail(`${op.name}: ${String(result.errorInstance)} with ${JSON.stringify(result.counterexample)?.slice(0, 400)} (seed ${SEED})`);
    }
    addFigures('malformed (adapters)', { 'REST replies tried': tried, 'REST operations': ops.length });
    t.diagnostic(`REST: ${tried} replies over ${ops.length} operations (seed ${SEED})`);
  });

  describe('FHIR client (record against a real engine, then replay with one reply broken)', () => {
    let server: TestFhirServer;
    const recorded = new Map<string, Array<{ key: string; status: number; headers: Record<string, string>; body: string }>>();
    let ops: Operation[] = [];
    /** How each call ended against the real engine (replays break the exchanges of that run). */
    const liveOutcomes = new Map<string, string>();

    before(async () => {
      server = await startFhirServer();
      await loadDemoPractice(server.repo, now);
      const live = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' } });
      const [location] = await live.booking!.listLocations();
      const types = await live.booking!.listAppointmentTypes({});
      // The card the submitted answers point to is uploaded first, for real.
      const card = await live.intake!.uploadAttachment(DEMO_INTAKE_TOKEN, CARD_PHOTO(), { contentType: 'image/jpeg', purpose: 'insurance-card-back' });
      ops = operations({ location: location!.id, type: types.find((type) => type.id.includes('follow'))?.id ?? types[0]!.id, card });
      for (const op of ops) {
        const exchanges: Array<{ key: string; status: number; headers: Record<string, string>; body: string }> = [];
        const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await globalThis.fetch(input, init);
          const body = await response.text();
          exchanges.push({ key: `${init?.method ?? 'GET'} ${String(input)}`, status: response.status, headers: Object.fromEntries(response.headers), body });
          return new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers });
        };
        const adapter = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, fetch: recording as typeof fetch });
        liveOutcomes.set(op.name, await outcomeOf(op, adapter));
        recorded.set(op.name, exchanges);
      }
    });
    after(() => server?.close());

    it('every call ends in a schema-valid value or an AdapterError', async (t) => {
      let tried = 0;
      let exchanges = 0;
      for (const op of ops) {
        const script = recorded.get(op.name)!;
        exchanges += script.length;
        const broken = fc.record({
          at: fc.nat({ max: Math.max(0, script.length - 1) }),
          mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
          status: fc.option(fc.constantFrom(200, 201, 400, 404, 409, 412, 422, 429, 500, 503), { freq: 5 }),
          raw: fc.option(fc.constantFrom('', '<html>login</html>', '{', 'null', '[]'), { freq: 8 }),
          // An error status with a broken OperationOutcome (null issues, wrong types, odd codes).
          outcome: fc.option(
            fc.tuple(fc.constantFrom(400, 401, 404, 409, 412, 422, 429, 500, 503), malformedReplies(VALID_OUTCOME, { json: true })),
            { freq: 4 },
          ),
        });
        const result = await fc.check(
          fc.asyncProperty(broken, async (b) => {
            tried += 1;
            const seen = new Map<string, number>();
            let index = 0;
            const replay = async (input: RequestInfo | URL, init?: RequestInit) => {
              const key = `${init?.method ?? 'GET'} ${String(input)}`;
              const occurrence = seen.get(key) ?? 0;
              seen.set(key, occurrence + 1);
              const at = index++;
              const match = script.filter((e) => e.key === key)[occurrence];
              if (!match) return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] }), { status: 404, headers: { 'content-type': 'application/fhir+json' } });
              let body = match.body;
              let status = match.status;
              if (at === b.at && b.outcome !== null) {
                return new Response(JSON.stringify(b.outcome[1]), { status: b.outcome[0], headers: { 'content-type': 'application/fhir+json' } });
              }
              if (at === b.at) {
                if (b.raw !== null) body = b.raw;
                else if (body) {
                  try {
                    body = JSON.stringify(toJsonSafe(applyMutations(JSON.parse(body), b.mutations)));
                  } catch {
                    body = '{';
                  }
                }
                if (b.status !== null) status = b.status;
              }
              return new Response(status === 204 ? null : body, { status, headers: match.headers });
            };
            const adapter = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, fetch: replay as typeof fetch, timeoutMs: 2_000 });
            await outcomeOf(op, adapter);
          }),
          { numRuns: RUNS, seed: SEED },
        );
        if (result.failed) assert.fail(`${op.name}: ${String(result.errorInstance)} with ${JSON.stringify(result.counterexample)?.slice(0, 400)} (seed ${SEED})`);
      }
      // Every call succeeded for real when recorded, so the replays break replies the adapter reads.
      assert.deepEqual([...liveOutcomes].filter(([, outcome]) => outcome !== 'resolved'), [], 'every recorded call resolved against the engine');
      addFigures('malformed (adapters)', { 'FHIR replays tried': tried, 'FHIR recorded exchanges': exchanges });
      t.diagnostic(`FHIR: ${tried} replays over ${ops.length} operations, ${exchanges} recorded exchanges (seed ${SEED})`);
    });
  });

  it('memory adapter: broken requests end in a result or an AdapterError', async (t) => {
    const memory = createMemoryAdapter();
    const [location] = await memory.booking.listLocations();
    const slots = await memory.booking.findSlots({ locationId: location!.id, appointmentTypeId: 'follow-up', from: now.toISOString(), to: inDays(14) });
    const hold = await memory.booking.holdSlot(slots[0]!.id);
    const valid: Array<[string, unknown[], (args: unknown[]) => Promise<unknown>]> = [
      ['booking.findSlots', [{ locationId: location!.id, appointmentTypeId: 'follow-up', from: now.toISOString(), to: inDays(14) }], (a) => memory.booking.findSlots(a[0] as never)],
      ['booking.holdSlot', [slots[1]!.id], (a) => memory.booking.holdSlot(a[0] as never)],
      [
        'booking.book',
        [{ holdId: hold.id, patient: { kind: 'new', firstName: 'Ana', lastName: 'Prueba', dateOfBirth: '1990-05-17', phone: '+1 303 555 0100', email: 'ana@example.com' }, consents: [], idempotencyKey: 'hardening-key-1' }],
        (a) => memory.booking.book(a[0] as never),
      ],
      ['booking.joinWaitlist', [{ locationId: location!.id, appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient: { kind: 'returning', lastName: 'García', dateOfBirth: '1985-04-12', phone: '+1 303-555-0199' }, consents: [], idempotencyKey: 'hardening-key-2' }], (a) => memory.booking.joinWaitlist(a[0] as never)],
      ['intake.loadForm', [DEMO_INTAKE_TOKEN], (a) => memory.intake.loadForm(a[0] as never)],
      ['intake.saveDraft', [DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ana' }, baseVersion: 0 }], (a) => memory.intake.saveDraft(a[0] as never, a[1] as never)],
      [
        'intake.uploadAttachment',
        [DEMO_INTAKE_TOKEN, CARD_PHOTO(), { contentType: 'image/jpeg', purpose: 'insurance-card-front' }],
        (a) => memory.intake.uploadAttachment(a[0] as never, a[1] as never, a[2] as never),
      ],
      [
        'intake.submit',
        [DEMO_INTAKE_TOKEN, { answers: intakeAnswers({ id: 'att-1', contentType: 'image/jpeg', size: 14 }), idempotencyKey: 'hardening-key-4' }],
        (a) => memory.intake.submit(a[0] as never, a[1] as never),
      ],
      ['hep.logActivity', [DEMO_HEP_TOKEN, [{ clientId: '0b1e9f0a-2c1d-4e5f-8a9b-0c1d2e3f4a5b', exerciseId: 'quad-sets', programVersion: 1, completedAt: now.toISOString() }]], (a) => memory.hep.logActivity(a[0] as never, a[1] as never)],
      ['survey.savePartial', [DEMO_SURVEY_TOKENS.open, { nps: 7 }], (a) => memory.survey.savePartial(a[0] as never, a[1] as never)],
      ['survey.submit', [DEMO_SURVEY_TOKENS.open, { answers: { nps: 9 }, idempotencyKey: 'hardening-key-3' }], (a) => memory.survey.submit(a[0] as never, a[1] as never)],
    ];
    let tried = 0;
    for (const [name, args, call] of valid) {
      const result = await fc.check(
        fc.asyncProperty(malformedReplies(args), async (broken) => {
          tried += 1;
          const list = Array.isArray(broken) ? broken : [broken];
          try {
            await call(list);
          } catch (error) {
            if (!AdapterError.is(error)) throw new Error(`${name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      if (result.failed) {
        let shown = '';
        try {
          shown = JSON.stringify(result.counterexample)?.slice(0, 400) ?? '';
        } catch {
          shown = String(result.counterexample);
        }
        assert.fail(`${name}: ${String(result.errorInstance)} with ${shown} (seed ${SEED})`);
      }
    }
    addFigures('malformed (adapters)', { 'memory requests tried': tried });
    t.diagnostic(`memory: ${tried} broken requests over ${valid.length} operations (seed ${SEED})`);
  });
});
