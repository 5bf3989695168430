import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdapterError,
  AnswersSchema,
  BookRequestSchema,
  FormDefinitionSchema,
  HepProgramSchema,
  InstantSchema,
  SurveyDefinitionSchema,
  TimeZoneSchema,
  npsSegment,
  parseRequest,
  parseResponse,
  requireCapability,
  capabilitiesOf,
  toAdapterError,
  SlotSchema,
} from '@pxm/core';
import { demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';

describe('schemas', () => {
  it('accept instants only with an offset, and real IANA zones', () => {
    assert.equal(InstantSchema.safeParse('2027-03-15T08:00:00-06:00').success, true);
    assert.equal(InstantSchema.safeParse('2027-03-15T14:00:00Z').success, true);
    assert.equal(InstantSchema.safeParse('2027-03-15T08:00:00').success, false);
    assert.equal(TimeZoneSchema.safeParse('America/Denver').success, true);
    assert.equal(TimeZoneSchema.safeParse('Mars/Olympus_Mons').success, false);
  });

  it('validate the demo definitions', () => {
    assert.equal(FormDefinitionSchema.safeParse(demoIntakeForm).success, true);
    assert.equal(HepProgramSchema.safeParse(demoHepProgram).success, true);
    assert.equal(SurveyDefinitionSchema.safeParse(demoSurvey).success, true);
  });

  it('make requests strict: unknown keys are rejected', () => {
    const request = {
      holdId: 'h1',
      patient: { kind: 'new', firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', phone: '3035550100', email: 'a@b.co' },
      consents: [],
      idempotencyKey: 'key-12345',
    };
    assert.equal(BookRequestSchema.safeParse(request).success, true);
    assert.equal(BookRequestSchema.safeParse({ ...request, admin: true }).success, false);
    assert.equal(BookRequestSchema.safeParse({ ...request, patient: { ...request.patient, dateOfBirth: '1990-02-30' } }).success, false);
  });

  it('make records lenient: a newer backend may add fields', () => {
    const slot = { id: 's', locationId: 'l', providerId: 'p', appointmentTypeId: 't', start: '2027-03-15T08:00:00-06:00', end: '2027-03-15T09:00:00-06:00', extra: 1 };
    assert.equal(SlotSchema.safeParse(slot).success, true);
  });

  it('accept nested answers for repeating groups and reject unknown shapes', () => {
    assert.equal(AnswersSchema.safeParse({ meds: [{ name: 'Ibuprofen', dose: '200 mg' }], pain: 4, ok: true, multi: ['a', 'b'] }).success, true);
    assert.equal(AnswersSchema.safeParse({ weird: { nested: true } }).success, false);
  });

  it('map parse failures to validation (requests) and server (replies), with paths but no values', () => {
    const request = () => parseRequest(InstantSchema, 'not a date', 'test.op');
    assert.throws(request, (error: unknown) => AdapterError.is(error) && error.code === 'validation' && !error.retryable);
    try {
      parseResponse(SlotSchema, { id: 'x', secret: 'Jane Doe' }, 'test.op');
      assert.fail('should throw');
    } catch (error) {
      assert.ok(AdapterError.is(error));
      assert.equal(error.code, 'server');
      assert.ok(error.issues.length > 0);
      assert.ok(!JSON.stringify(error.issues).includes('Jane Doe'));
    }
  });
});

describe('adapter errors and capabilities', () => {
  it('normalizes unknown failures', () => {
    assert.equal(toAdapterError(new TypeError('fetch failed')).code, 'network');
    const timeout = new Error('t');
    timeout.name = 'TimeoutError';
    assert.equal(toAdapterError(timeout).code, 'timeout');
    assert.equal(toAdapterError('boom').code, 'server');
    assert.equal(toAdapterError(new AdapterError('network', 'x')).retryable, true);
    assert.equal(new AdapterError('slot_unavailable', 'x').retryable, false);
    // Another bundle's copy of the class is still recognised.
    assert.equal(AdapterError.is({ name: 'AdapterError', code: 'conflict', message: '' }), true);
  });

  it('reports capabilities by the APIs present and refuses missing ones', () => {
    const adapter = { name: 'partial', survey: {} as never };
    assert.deepEqual(capabilitiesOf(adapter), ['survey']);
    assert.throws(() => requireCapability(adapter, 'booking'), (error: unknown) => AdapterError.is(error) && error.code === 'unsupported');
  });

  it('segments NPS scores', () => {
    assert.deepEqual([0, 6, 7, 8, 9, 10].map(npsSegment), ['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
});
