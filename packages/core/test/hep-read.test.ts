import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityLogListSchema, HepProgramSchema, readActivityLogs, readHepProgram } from '@pxm/core/hep';
import { AdapterError } from '@pxm/core';
import { demoHepActivity, demoHepProgramAt } from '@pxm/core/demo';

const now = new Date('2027-03-01T16:00:00Z');
const program = demoHepProgramAt(now, { mediaBaseUrl: 'https://media.example.com/hep/' });
const logs = demoHepActivity(program, now);

/** Sets `value` at a dotted path of a deep copy (`undefined` deletes the key). */
function withValue<T>(source: T, path: string, value: unknown): T {
  const copy = structuredClone(source) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy as T;
}

function accepts(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    assert.ok(AdapterError.is(error) && error.code === 'server', `unexpected failure ${String(error)}`);
    return false;
  }
}

const programCases: Array<[string, unknown]> = [
  ['id', ''],
  ['id', 'x'.repeat(201)],
  ['version', 0],
  ['version', 1.5],
  ['version', '2'],
  ['title', ''],
  ['updatedAt', '2027-03-01'],
  ['updatedAt', '2027-03-01T10:00:00'],
  ['updatedAt', '2027-03-01T10:00:00+01:00'],
  ['updatedAt', '2027-03-01T10:00:00.123Z'],
  ['startDate', '2027-02-30'],
  ['startDate', '2027-2-3'],
  ['endDate', undefined],
  ['endDate', 'soon'],
  ['timeZone', 'Mars/Olympus'],
  ['timeZone', 'Europe/Madrid'],
  ['exercises', []],
  ['exercises', {}],
  ['painAlertThreshold', 11],
  ['painAlertThreshold', undefined],
  ['practicePhone', '12'],
  ['practicePhone', '+34 600 000 000'],
  ['practicePhone', 'call us'],
  ['revisions', undefined],
  ['revisions', [{ version: 1, effectiveFrom: 'yesterday', exercises: [] }]],
  ['exercises.0.name', ''],
  ['exercises.0.dosage.sets', 0],
  ['exercises.0.dosage.sets', 51],
  ['exercises.0.dosage.reps', 500],
  ['exercises.0.dosage.holdSeconds', 3601],
  ['exercises.0.dosage.side', 'up'],
  ['exercises.0.dosage.load', 'x'.repeat(201)],
  ['exercises.0.dosage.equipment', ['Towel', 3]],
  ['exercises.0.frequency.timesPerDay', 0],
  ['exercises.0.frequency.timesPerDay', 13],
  ['exercises.0.frequency.daysPerWeek', 8],
  ['exercises.0.frequency.weekdays', [0]],
  ['exercises.0.frequency.weekdays', [1, 7]],
  ['exercises.0.frequency', undefined],
  ['exercises.0.media.videoUrl', 'javascript:alert(1)'],
  ['exercises.0.media.videoUrl', 'ftp://media.example.com/a.webm'],
  ['exercises.0.media.videoUrl', 'https://media.example.com/a b.webm'],
  ['exercises.0.media.captions.0.srclang', 'english'],
  ['exercises.0.media.captions.0.srclang', 'es-MX'],
  ['exercises.0.media.captions.0.label', ''],
  ['exercises.0.media.imageUrls', ['data:image/png;base64,AA']],
  ['exercises.0.logPerSet', 'yes'],
  ['exercises.0.instructions', 'x'.repeat(20_001)],
  ['exercises.0.unknownField', 'kept out'],
];

describe('HEP boundary readers', () => {
  it('read the demo program and history exactly as the schemas parse them', () => {
    assert.deepEqual(readHepProgram(program), HepProgramSchema.parse(program));
    assert.deepEqual(readActivityLogs(logs), ActivityLogListSchema.parse(logs));
  });

  it('accept and reject the same programs as HepProgramSchema', () => {
    for (const [path, value] of programCases) {
      const candidate = withValue(program, path, value);
      const schema = HepProgramSchema.safeParse(candidate).success;
      assert.equal(accepts(() => readHepProgram(candidate)), schema, `${path} = ${JSON.stringify(value)?.slice(0, 40)}: schema says ${schema}`);
      if (schema) assert.deepEqual(readHepProgram(candidate), HepProgramSchema.parse(candidate), `${path}: same output`);
    }
    for (const value of [null, 'program', [], 42]) {
      assert.equal(accepts(() => readHepProgram(value)), false);
      assert.equal(HepProgramSchema.safeParse(value).success, false);
    }
  });

  it('accept and reject the same logs as ActivityLogListSchema', () => {
    const entry = logs[0]!;
    const cases: Array<[string, unknown]> = [
      ['clientId', 'not-a-uuid'],
      ['clientId', '00000000-0000-0000-0000-000000000000'],
      ['clientId', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
      ['clientId', '123e4567-e89b-12d3-a456-426614174000'],
      ['clientId', '123e4567-e89b-92d3-a456-426614174000'],
      ['clientId', '123e4567-e89b-42d3-c456-426614174000'],
      ['programVersion', 0],
      ['completedAt', 'now'],
      ['completedSets', 0],
      ['completedSets', 51],
      ['pain', 10],
      ['pain', 11],
      ['pain', -1],
      ['difficulty', 0],
      ['difficulty', 5],
      ['voided', 1],
      ['exerciseId', ''],
      ['extra', 'dropped'],
    ];
    for (const [path, value] of cases) {
      const candidate = [withValue(entry, path, value)];
      const schema = ActivityLogListSchema.safeParse(candidate).success;
      assert.equal(accepts(() => readActivityLogs(candidate)), schema, `${path} = ${JSON.stringify(value)}: schema says ${schema}`);
      if (schema) assert.deepEqual(readActivityLogs(candidate), ActivityLogListSchema.parse(candidate));
    }
  });

  it('names where a malformed reply went wrong, as a non-retryable server error', () => {
    const broken = withValue(program, 'exercises.1.dosage.sets', -3);
    assert.throws(
      () => readHepProgram(broken),
      (error: unknown) =>
        AdapterError.is(error) && error.code === 'server' && !error.retryable && error.operation === 'hep.loadProgram' && error.issues[0]?.path === 'exercises.1.dosage.sets',
    );
  });
});
