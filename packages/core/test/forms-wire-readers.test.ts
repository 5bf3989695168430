/**
 * The structural readers the browser uses must say exactly what the zod schemas say: the same
 * verdict on every valid value and on thousands of mutations of them (a key removed, a wrong
 * type, an unknown key, a value out of bounds), and the same output for valid values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AttachmentRefSchema,
  DraftSchema,
  FormDefinitionSchema,
  IntakeResponseSchema,
  IntakeSessionSchema,
  importQuestionnaire,
  readAttachmentRef,
  readDraft,
  readFormDefinition,
  readIntakeResponse,
  readIntakeSessionEnvelope,
  readReply,
  type FormDefinition,
  type ReadIssue,
  type Reader,
} from '@pxm/core/forms';
import { demoIntakeForm, demoReassessmentForm } from '@pxm/core/demo';
import { gcs } from './fhir-fixtures/gcs.js';
import { phq9 } from './fhir-fixtures/phq9.js';
import { sdcRehab } from './fhir-fixtures/sdc-rehab.js';
import { zika } from './fhir-fixtures/zika.js';

interface Schema {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

function verdict<T>(reader: Reader<T>, value: unknown): { ok: boolean; value: T | undefined; issues: ReadIssue[] } {
  const issues: ReadIssue[] = [];
  const read = reader(value, '', issues);
  return { ok: issues.length === 0 && read !== undefined, value: read, issues };
}

/** A deterministic pseudo-random sequence, so failures reproduce. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Every path to a value inside `root` (objects and arrays), the root included. */
function paths(root: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(root)) root.forEach((entry, index) => out.push(...paths(entry, [...prefix, index])));
  else if (root && typeof root === 'object') for (const [key, entry] of Object.entries(root)) out.push(...paths(entry, [...prefix, key]));
  return out;
}

const MUTATIONS: Array<(value: unknown) => unknown> = [
  () => undefined,
  () => null,
  () => 42,
  () => -1,
  () => 1.5,
  () => Number.NaN,
  () => '',
  () => 'x',
  () => 'y'.repeat(600),
  () => true,
  () => [],
  () => ({}),
  (value) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...value, extra: 1 } : value),
  (value) => (Array.isArray(value) ? [...value, 'surprise'] : value),
  () => '2027-03-15T14:00:00Z',
  () => '2027-02-30T14:00:00Z',
  () => 'insurance-card',
  () => 'Not a valid id!',
];

function mutate(root: unknown, path: Array<string | number>, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const next = change(parent[last]);
  if (next === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = next;
  return copy;
}

function agree(name: string, schema: Schema, reader: Reader<unknown>, samples: unknown[], mutants: number, seed: number): number {
  const next = random(seed);
  let checked = 0;
  const check = (value: unknown, what: string) => {
    const zod = schema.safeParse(value);
    const ours = verdict(reader, value);
    assert.equal(ours.ok, zod.success, `${name}: ${what}: zod says ${zod.success}, reader says ${ours.ok} ${JSON.stringify(ours.issues.slice(0, 3))}`);
    if (zod.success) assert.deepEqual(ours.value, zod.data, `${name}: ${what}: same output`);
    checked += 1;
  };
  samples.forEach((sample, index) => {
    check(sample, `sample ${index}`);
    const all = paths(sample);
    if (index === 0) {
      // The first sample holds every field: try every mutation at every path.
      for (const path of all) for (const [number, change] of MUTATIONS.entries()) check(mutate(sample, path, change), `sample 0 with ${path.join('.') || '(root)'} changed by #${number}`);
    }
    for (let n = 0; n < mutants; n++) {
      const path = all[Math.floor(next() * all.length)]!;
      const change = MUTATIONS[Math.floor(next() * MUTATIONS.length)]!;
      check(mutate(sample, path, change), `sample ${index} with ${path.join('.') || '(root)'} changed by #${MUTATIONS.indexOf(change)}`);
    }
  });
  return checked;
}

const everyType: FormDefinition = {
  id: 'every-type',
  version: '1',
  title: 'Every type',
  locale: 'en-US',
  url: 'http://example.org/q',
  nextSteps: 'Next.',
  pages: [
    {
      id: 'p',
      linkId: 'page-1',
      title: 'P',
      description: 'D',
      visibleWhen: { all: [] },
      items: [
        { id: 't', type: 'text', maxLength: 10, autocomplete: 'name', pattern: '\\d+', label: 'T', help: 'H', required: true },
        { id: 'lt', type: 'long-text', maxLength: 100 },
        { id: 'n', type: 'number', min: 0, max: 9.5, step: 0.5, unit: 'kg', requiredWhen: { item: 't', op: 'exists' } },
        { id: 'd', type: 'date', min: '1900-01-01', max: 'today', autocomplete: 'bday' },
        { id: 'yn', type: 'yes-no', visibleWhen: { any: [{ item: 'n', op: 'gt', value: 2 }, { item: 't', op: 'equals', value: 'x' }] } },
        { id: 'sc', type: 'single-choice', display: 'dropdown', options: [{ value: 'a', label: 'A', score: 1, system: 'http://s', valueType: 'coding' }] },
        { id: 'mc', type: 'multiple-choice', minSelected: 0, maxSelected: 2, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B', valueType: 'string' }] },
        { id: 's', type: 'scale', min: 0, max: 10, step: 1, minLabel: 'Low', maxLabel: 'High' },
        { id: 'ph', type: 'phone', autocomplete: 'tel' },
        { id: 'em', type: 'email' },
        { id: 'ad', type: 'address' },
        { id: 'ic', type: 'insurance-card', sides: ['front'] },
        { id: 'c', type: 'consent', consentId: 'cid', version: 'v1', title: 'C', text: 'Text', disclosure: 'Disc' },
        { id: 'sig', type: 'signature', consentItemId: 'c' },
        { id: 'sec', type: 'section', title: 'Sec', items: [{ id: 'in', type: 'display', text: 'Hi' }] },
        { id: 'g', type: 'group', minInstances: 1, maxInstances: 3, addLabel: 'Add', items: [{ id: 'gi', type: 'text' }] },
      ],
    },
  ],
  scoring: [
    {
      id: 'r',
      label: 'R',
      shortLabel: 'R',
      algorithm: 'x@1',
      method: 'sum',
      items: ['s'],
      reverse: ['s'],
      itemRange: { min: 0, max: 10 },
      minAnswered: 1,
      missing: 'prorate',
      scoreRange: { min: 0, max: 10 },
      direction: 'higher-worse',
      mcid: 2,
      mcidSource: 'src',
      decimals: 1,
      loinc: '1-1',
    },
  ],
};

const ref = { id: 'att-1', contentType: 'image/jpeg', size: 1200, purpose: 'insurance-card-front' };
const answers = {
  t: '123',
  n: 2.5,
  yn: false,
  none: null,
  mc: ['a', 'b'],
  g: [{ gi: 'x' }, {}],
  sig: { signerName: 'Ada Lovelace', signedAt: '2027-03-01T16:01:00.000Z', method: 'drawn', consentId: 'cid', consentVersion: 'v1', textSha256: 'a'.repeat(64), svg: '<svg/>', userAgent: 'UA' },
  c: { agreed: true, agreedAt: '2027-03-01T16:00:00-07:00', version: 'v1' },
  ic: { front: ref, back: { ...ref, id: 'att-2' } },
  ad: { line1: '1 Main St', line2: 'Apt 2', city: 'Denver', region: 'CO', postalCode: '80211', country: 'US' },
};
const draft = { answers, pageId: 'p', version: 3, savedAt: '2027-03-01T16:02:00Z' };

describe('wire readers agree with the zod schemas', () => {
  it('on form definitions and thousands of their mutations', () => {
    const imported = [gcs, phq9, zika, sdcRehab].map((questionnaire) => importQuestionnaire(questionnaire).definition!);
    const checked = agree('definition', FormDefinitionSchema, readFormDefinition as Reader<unknown>, [everyType, demoIntakeForm, demoReassessmentForm, ...imported], 600, 1);
    assert.ok(checked > 4000);
  });

  it('on sessions, drafts, responses and attachment references', () => {
    const session = { formId: 'f', definition: everyType, status: 'open', draft, priorScores: [{ instrument: 'nprs', score: 7, recordedAt: '2027-02-01T16:00:00Z' }], responseId: 'resp-1', extra: 'dropped' };
    // The reader leaves the definition to checkFormDefinition, so compare against the zod session with any definition accepted.
    const sessionSchema: Schema = {
      safeParse(value) {
        const probe = value && typeof value === 'object' && 'definition' in value ? { ...(value as object), definition: everyType } : value;
        const result = IntakeSessionSchema.safeParse(probe);
        return result.success ? { success: true, data: { ...result.data, definition: (value as { definition: unknown }).definition } } : { success: false };
      },
    };
    let checked = agree('session', sessionSchema, readIntakeSessionEnvelope as Reader<unknown>, [session, { ...session, draft: null, priorScores: [] }], 800, 2);
    checked += agree('draft', DraftSchema, readDraft as Reader<unknown>, [draft, { answers: {}, version: 0, savedAt: '2027-03-01T16:02:00.5+05:30' }], 800, 3);
    checked += agree('response', IntakeResponseSchema, readIntakeResponse as Reader<unknown>, [{ id: 'r', formId: 'f', formVersion: '1', submittedAt: '2027-03-01T16:02:00Z', scores: [{ instrument: 'lefs', score: 52, recordedAt: '2027-03-01T16:02:00Z' }] }], 500, 4);
    checked += agree('attachment', AttachmentRefSchema, readAttachmentRef as Reader<unknown>, [ref], 300, 5);
    assert.ok(checked > 3000);
  });

  it('refuses unknown fields named like Object.prototype members in strict objects, as the schemas do', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      // JSON.parse makes even "__proto__" an own field, as a reply off the wire has it.
      const address = JSON.parse(`{"line1":"1 Main St","city":"Denver","${key}":"x"}`) as unknown;
      const reply = { ...draft, answers: { ad: address } };
      assert.equal(DraftSchema.safeParse(reply).success, false, `the schema refuses an address with "${key}"`);
      assert.equal(verdict(readDraft as Reader<unknown>, reply).ok, false, `the reader refuses an address with "${key}"`);
      const definition = JSON.parse(JSON.stringify(everyType).replace('{"id":"every-type"', `{"${key}":"x","id":"every-type"`)) as unknown;
      assert.equal(FormDefinitionSchema.safeParse(definition).success, false, `the schema refuses a definition with "${key}"`);
      assert.equal(verdict(readFormDefinition as Reader<unknown>, definition).ok, false, `the reader refuses a definition with "${key}"`);
    }
  });

  it('refuses a hole in a list, and a Date or a Map as the answers, as the schemas do', () => {
    const holed: unknown[] = ['a'];
    holed[2] = 'b';
    const replies = [
      { ...draft, answers: { mc: holed } },
      { ...draft, answers: { g: Object.assign([{ gi: 'x' }], { 2: { gi: 'y' } }) } },
      { ...draft, answers: new Date() },
      { ...draft, answers: new Map([['t', '1']]) },
      { ...draft, answers: { g: [new Date()] } },
    ];
    for (const [index, reply] of replies.entries()) {
      assert.equal(DraftSchema.safeParse(reply).success, false, `the schema refuses reply ${index}`);
      assert.equal(verdict(readDraft as Reader<unknown>, reply).ok, false, `the reader refuses reply ${index}`);
    }
  });

  it('turns a malformed reply into a server error naming the paths', () => {
    assert.throws(
      () => readReply(readDraft, { answers: {}, version: -1, savedAt: 'yesterday' }, 'intake.saveDraft'),
      (error: unknown) => {
        const failure = error as { code: string; retryable: boolean; issues: Array<{ path: string }> };
        assert.equal(failure.code, 'server');
        assert.equal(failure.retryable, false);
        assert.deepEqual(failure.issues.map((issue) => issue.path), ['version', 'savedAt']);
        return true;
      },
    );
  });
});
