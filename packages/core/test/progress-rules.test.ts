import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changeReading,
  dueMeasures,
  GoalRatingInputSchema,
  GoalSchema,
  ProgressViewSchema,
  type MeasureSchedule,
  type MeasureSeries,
} from '@pxm/core/progress';

const series = (scores: number[], higherIsBetter: boolean, mcid: number): Pick<MeasureSeries, 'results' | 'higherIsBetter' | 'mcid'> => ({
  higherIsBetter,
  mcid,
  results: scores.map((score, position) => ({ id: `r${position}`, instrumentId: 'm', score, takenAt: `2027-03-0${position + 1}T10:00:00Z` })),
});

describe('changeReading', () => {
  it('says baseline-only with fewer than two results', () => {
    assert.deepEqual(changeReading(series([], true, 9)), { change: 0, reading: 'baseline-only' });
    assert.deepEqual(changeReading(series([40], true, 9)), { change: 0, reading: 'baseline-only' });
  });

  it('reads a rise on a higher-is-better measure (LEFS, MCID 9) as better once it reaches the MCID', () => {
    assert.deepEqual(changeReading(series([40, 45, 49], true, 9)), { change: 9, reading: 'meaningful-better' });
    assert.deepEqual(changeReading(series([40, 48], true, 9)), { change: 8, reading: 'not-yet' });
    assert.deepEqual(changeReading(series([40, 30], true, 9)), { change: -10, reading: 'meaningful-worse' });
  });

  it('reads a fall on a higher-is-worse measure (NPRS, MCID 2) as better', () => {
    assert.deepEqual(changeReading(series([7, 5], false, 2)), { change: -2, reading: 'meaningful-better' });
    assert.deepEqual(changeReading(series([7, 8], false, 2)), { change: 1, reading: 'not-yet' });
    assert.deepEqual(changeReading(series([4, 6], false, 2)), { change: 2, reading: 'meaningful-worse' });
  });

  it('compares the latest with the first, not with the one before', () => {
    assert.deepEqual(changeReading(series([7, 2, 6], false, 2)), { change: -1, reading: 'not-yet' });
  });

  it('holds a decimal change exactly at the MCID as meaningful despite float noise', () => {
    // 4.3 - 2.1 is 2.1999999999999997 in binary floating point.
    assert.deepEqual(changeReading(series([2.1, 4.3], true, 2.2)), { change: 2.2, reading: 'meaningful-better' });
  });

  it('never calls a change meaningful when the measure has no MCID (0)', () => {
    assert.deepEqual(changeReading(series([10, 60], true, 0)), { change: 50, reading: 'not-yet' });
  });
});

describe('dueMeasures', () => {
  const DENVER = 'America/Denver';
  const schedule = (assignments: MeasureSchedule['assignments'], extra: Partial<MeasureSchedule> = {}): MeasureSchedule => ({
    startedAt: '2027-03-01T16:00:00Z',
    timeZone: DENVER,
    assignments,
    ...extra,
  });
  const result = (instrumentId: string, takenAt: string) => ({ instrumentId, takenAt });

  it('makes a measure never taken due from the start of the episode (its baseline)', () => {
    const due = dueMeasures(schedule([{ instrumentId: 'lefs', everyDays: 14 }]), [], [], '2027-03-01T17:00:00Z');
    assert.deepEqual(due, [{ instrumentId: 'lefs', reason: 'interval-days', dueAt: '2027-03-01T16:00:00.000Z' }]);
    assert.deepEqual(dueMeasures(schedule([{ instrumentId: 'lefs', everyDays: 14 }]), [], [], '2027-03-01T15:00:00Z'), [], 'not before the start');
  });

  it('counts every N days in the clinic calendar: due from the start of that local day, across a DST change', () => {
    // Taken Saturday 2027-03-06 at 17:30 Denver (MST, -07:00); 14 days on is 2027-03-20, MDT (-06:00) by then.
    const taken = [result('lefs', '2027-03-07T00:30:00Z')];
    const plan = schedule([{ instrumentId: 'lefs', everyDays: 14 }]);
    assert.deepEqual(dueMeasures(plan, taken, [], '2027-03-20T05:59:00Z'), [], 'still 2027-03-19 in Denver');
    assert.deepEqual(dueMeasures(plan, taken, [], '2027-03-20T06:00:00Z'), [{ instrumentId: 'lefs', reason: 'interval-days', dueAt: '2027-03-20T06:00:00.000Z' }]);
  });

  it('counts every N visits attended after the last result; a visit at the same instant does not count', () => {
    const plan = schedule([{ instrumentId: 'nprs', everyVisits: 3 }]);
    const taken = [result('nprs', '2027-03-02T16:00:00Z')];
    const visits = ['2027-03-02T16:00:00Z', '2027-03-04T16:00:00Z', '2027-03-09T16:00:00Z', '2027-03-11T16:00:00Z', '2027-03-16T16:00:00Z'];
    assert.deepEqual(dueMeasures(plan, taken, visits, '2027-03-10T12:00:00Z'), [], 'two visits since');
    assert.deepEqual(dueMeasures(plan, taken, visits, '2027-03-12T12:00:00Z'), [{ instrumentId: 'nprs', reason: 'interval-visits', dueAt: '2027-03-11T16:00:00.000Z' }]);
    assert.deepEqual(dueMeasures(plan, [...taken, result('nprs', '2027-03-11T17:00:00Z')], visits, '2027-03-17T12:00:00Z'), [], 'retaken after the third visit');
  });

  it('takes the earliest reason when both intervals are met', () => {
    const plan = schedule([{ instrumentId: 'lefs', everyDays: 7, everyVisits: 2 }]);
    const taken = [result('lefs', '2027-03-02T16:00:00Z')];
    const visits = ['2027-03-03T16:00:00Z', '2027-03-05T16:00:00Z'];
    assert.deepEqual(dueMeasures(plan, taken, visits, '2027-03-12T12:00:00Z'), [{ instrumentId: 'lefs', reason: 'interval-visits', dueAt: '2027-03-05T16:00:00.000Z' }]);
  });

  it('makes discharge measures due from discharge until one is taken after it, and discharge wins over intervals', () => {
    const plan = schedule([{ instrumentId: 'lefs', everyDays: 7, atDischarge: true }, { instrumentId: 'nprs', everyDays: 30 }], { dischargeFrom: '2027-03-20T16:00:00Z' });
    const taken = [result('lefs', '2027-03-02T16:00:00Z'), result('nprs', '2027-03-02T16:00:00Z')];
    assert.deepEqual(dueMeasures(plan, taken, [], '2027-03-21T12:00:00Z'), [{ instrumentId: 'lefs', reason: 'discharge', dueAt: '2027-03-20T16:00:00.000Z' }]);
    const after = [...taken, result('lefs', '2027-03-20T17:00:00Z')];
    assert.deepEqual(dueMeasures(plan, after, [], '2027-03-21T12:00:00Z'), [], 'taken at discharge; next weekly one not yet due');
    assert.deepEqual(dueMeasures(plan, taken, [], '2027-03-19T12:00:00Z'), [{ instrumentId: 'lefs', reason: 'interval-days', dueAt: '2027-03-09T07:00:00.000Z' }], 'before discharge');
  });

  it('ignores results and visits after now, other instruments, and lists the due earliest first', () => {
    const plan = schedule([{ instrumentId: 'lefs', everyDays: 7 }, { instrumentId: 'nprs', everyVisits: 1 }]);
    const taken = [result('lefs', '2027-03-02T16:00:00Z'), result('nprs', '2027-03-02T16:00:00Z'), result('lefs', '2027-04-01T16:00:00Z')];
    const due = dueMeasures(plan, taken, ['2027-03-03T16:00:00Z', '2027-04-01T16:00:00Z'], '2027-03-10T12:00:00Z');
    assert.deepEqual(due, [
      { instrumentId: 'nprs', reason: 'interval-visits', dueAt: '2027-03-03T16:00:00.000Z' },
      { instrumentId: 'lefs', reason: 'interval-days', dueAt: '2027-03-09T07:00:00.000Z' },
    ]);
  });
});

describe('progress schemas', () => {
  const goal = {
    id: 'g1',
    text: 'Carry my granddaughter up the stairs by June',
    targetDate: '2027-06-01',
    status: 'active',
    ratings: [],
  };
  const levels = [-2, -1, 0, 1, 2].map((value) => ({ value, description: `level ${value}` }));

  it('accepts a goal with the five GAS levels and refuses a scale with a gap or a repeat', () => {
    assert.equal(GoalSchema.safeParse({ ...goal, scale: levels }).success, true);
    assert.equal(GoalSchema.safeParse({ ...goal, scale: levels.slice(0, 4) }).success, false);
    assert.equal(GoalSchema.safeParse({ ...goal, scale: [...levels.slice(0, 4), { value: 1, description: 'again' }] }).success, false);
    assert.equal(GoalSchema.safeParse({ ...goal, targetDate: '2027-06-01T00:00:00Z' }).success, false, 'a date, not an instant');
  });

  it('needs a level or a note in a rating, and keeps notes short', () => {
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1', level: 1 }).success, true);
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1', note: 'Better on stairs' }).success, true);
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1' }).success, false);
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1', level: 3 }).success, false);
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1', note: 'x'.repeat(501) }).success, false);
    assert.equal(GoalRatingInputSchema.safeParse({ clientId: 'c1', goalId: 'g1', level: 1, extra: true }).success, false, 'requests are strict');
  });

  it('parses a whole view with instants that carry an offset', () => {
    const view = {
      episode: { id: 'e1', title: 'Right knee', status: 'active', startedAt: '2027-03-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Clinic' },
      goals: [{ ...goal, ratings: [{ id: 'r1', author: 'therapist', level: 0, ratedAt: '2027-03-10T10:00:00-07:00' }] }],
      measures: [{ instrumentId: 'lefs', title: 'LEFS', range: { min: 0, max: 80 }, higherIsBetter: true, mcid: 9, results: [] }],
      due: [{ instrumentId: 'lefs', reason: 'interval-days', formToken: 'form-token-123' }],
      adherence: { percent: 80, since: '2027-03-01T09:00:00-07:00' },
    };
    assert.equal(ProgressViewSchema.safeParse(view).success, true);
    assert.equal(ProgressViewSchema.safeParse({ ...view, adherence: { percent: 101, since: view.adherence.since } }).success, false);
  });
});
