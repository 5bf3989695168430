import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { programStreak } from '@pxm/core/hep';
import { painTrend } from '@pxm/core/hep-progress';
import { at, exercise, logAt, program } from './hep-fixtures.js';

const DENVER = 'America/Denver';

describe('HEP streak', () => {
  const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] });
  const on = (dates: string[]) => dates.map((date) => logAt('a', date, '18:00', DENVER));

  it('counts days in a row with everything done; a missed day breaks it; today cannot break it', () => {
    const logs = on(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-07', '2027-03-08', '2027-03-09']);
    assert.deepEqual(programStreak(p, logs, at('2027-03-10', '09:00', DENVER)), { current: 3, best: 5 });
    const doneToday = [...logs, ...on(['2027-03-10'])];
    assert.deepEqual(programStreak(p, doneToday, at('2027-03-10', '19:00', DENVER)), { current: 4, best: 5 });
    assert.deepEqual(programStreak(p, logs, at('2027-03-11', '09:00', DENVER)), { current: 0, best: 5 }, 'yesterday was missed');
  });

  it('skips rest days: a Monday-Wednesday-Friday program keeps its streak over the weekend', () => {
    const mwf = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1, weekdays: [1, 3, 5] })] });
    const logs = on(['2027-03-01', '2027-03-03', '2027-03-05', '2027-03-08']);
    assert.deepEqual(programStreak(mwf, logs, at('2027-03-09', '12:00', DENVER)), { current: 4, best: 4 });
  });

  it('needs every session of the day: one of two is not a complete day', () => {
    const twice = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 2 })] });
    const logs = [logAt('a', '2027-03-01', '08:00', DENVER), logAt('a', '2027-03-01', '18:00', DENVER), logAt('a', '2027-03-02', '08:00', DENVER)];
    assert.deepEqual(programStreak(twice, logs, at('2027-03-03', '12:00', DENVER)), { current: 0, best: 1 });
  });
});

describe('HEP pain trend', () => {
  it('averages each day and compares the last week with the week before', () => {
    const logs = [
      logAt('a', '2027-03-01', '08:00', DENVER, { pain: 6 }),
      logAt('a', '2027-03-01', '18:00', DENVER, { pain: 4 }),
      logAt('a', '2027-03-03', '08:00', DENVER, { pain: 5 }),
      logAt('a', '2027-03-09', '08:00', DENVER, { pain: 3 }),
      logAt('a', '2027-03-11', '08:00', DENVER, { pain: 2 }),
      logAt('a', '2027-03-12', '08:00', DENVER, { pain: 9, voided: true }),
      logAt('a', '2027-03-12', '09:00', DENVER), // no rating
    ];
    const trend = painTrend(logs, DENVER, '2027-03-14');
    assert.deepEqual(
      trend.points.map((point) => [point.date, point.average, point.highest, point.ratings]),
      [
        ['2027-03-01', 5, 6, 2],
        ['2027-03-03', 5, 5, 1],
        ['2027-03-09', 3, 3, 1],
        ['2027-03-11', 2, 2, 1],
      ],
    );
    assert.equal(trend.previousAverage, 5);
    assert.equal(trend.recentAverage, 2.5);
    assert.equal(trend.direction, 'down');
    assert.equal(trend.latest, 2);
  });

  it('calls small changes steady, rises up, and has no direction without two weeks of ratings', () => {
    const steady = [
      logAt('a', '2027-03-02', '08:00', DENVER, { pain: 3 }),
      logAt('a', '2027-03-10', '08:00', DENVER, { pain: 3 }),
      logAt('a', '2027-03-11', '08:00', DENVER, { pain: 4 }),
    ];
    assert.equal(painTrend(steady, DENVER, '2027-03-14').direction, 'steady');
    const rising = [logAt('a', '2027-03-02', '08:00', DENVER, { pain: 2 }), logAt('a', '2027-03-10', '08:00', DENVER, { pain: 4 })];
    assert.equal(painTrend(rising, DENVER, '2027-03-14').direction, 'up');
    assert.equal(painTrend(rising.slice(1), DENVER, '2027-03-14').direction, null);
  });
});
