import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSchedule, programTimeline, todayPlan } from '@pxm/core/hep';
import { at, exercise, logAt, program } from './hep-fixtures.js';

const DENVER = 'America/Denver';

describe('HEP schedule expansion', () => {
  it('gives a daily exercise one bucket a day holding its times per day', () => {
    const timeline = programTimeline(program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 2 })] }));
    const buckets = expandSchedule(timeline, '2027-03-01', '2027-03-07');
    assert.equal(buckets.length, 7);
    assert.ok(buckets.every((b) => b.kind === 'day' && b.quota === 2 && b.dates.length === 1));
  });

  it('puts a weekday exercise only on its weekdays', () => {
    const timeline = programTimeline(program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1, weekdays: [1, 3, 5] })] }));
    const dates = expandSchedule(timeline, '2027-03-01', '2027-03-14').map((b) => b.deadline);
    assert.deepEqual(dates, ['2027-03-01', '2027-03-03', '2027-03-05', '2027-03-08', '2027-03-10', '2027-03-12']);
  });

  it('gives a flexible exercise one bucket per calendar week, shrunk when the program starts mid-week', () => {
    // Starts on a Saturday: that first week has two days left, so only two of the three days fit.
    const timeline = programTimeline(
      program({ startDate: '2027-03-06', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 2, daysPerWeek: 3 })] }),
    );
    const buckets = expandSchedule(timeline, '2027-03-06', '2027-03-14');
    assert.deepEqual(
      buckets.map((b) => [b.kind, b.dates[0], b.deadline, b.quota]),
      [
        ['week', '2027-03-06', '2027-03-07', 4],
        ['week', '2027-03-08', '2027-03-14', 6],
      ],
    );
  });

  it('stops at the end date and before the start date', () => {
    const timeline = programTimeline(
      program({ startDate: '2027-03-03', endDate: '2027-03-05', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] }),
    );
    assert.deepEqual(
      expandSchedule(timeline, '2027-03-01', '2027-03-10').map((b) => b.deadline),
      ['2027-03-03', '2027-03-04', '2027-03-05'],
    );
  });

  it('follows each version from the day it was published, with a grace day for exercises an edit added', () => {
    const v2 = program({
      version: 2,
      startDate: '2027-03-01',
      timeZone: DENVER,
      updatedAt: '2027-03-04T10:00:00-07:00', // Thursday morning in Denver
      exercises: [exercise('a', { timesPerDay: 2 }), exercise('c', { timesPerDay: 1 })],
      revisions: [
        { version: 1, effectiveFrom: '2027-02-26T12:00:00-07:00', exercises: [{ id: 'a', frequency: { timesPerDay: 1 } }, { id: 'b', frequency: { timesPerDay: 1 } }] },
      ],
    });
    const buckets = expandSchedule(programTimeline(v2), '2027-03-01', '2027-03-07');
    const on = (date: string) => buckets.filter((b) => b.deadline === date).map((b) => `${b.exerciseId}:${b.quota}${b.grace ? ':grace' : ''}:v${b.version}`);
    assert.deepEqual(on('2027-03-03'), ['a:1:v1', 'b:1:v1']);
    assert.deepEqual(on('2027-03-04'), ['a:2:v2', 'c:1:grace:v2']);
    assert.deepEqual(on('2027-03-05'), ['a:2:v2', 'c:1:v2']);
  });

  it('ignores revisions that are not older than the current version', () => {
    const timeline = programTimeline(
      program({
        version: 2,
        startDate: '2027-03-01',
        timeZone: DENVER,
        updatedAt: '2027-03-03T12:00:00Z',
        exercises: [exercise('a', { timesPerDay: 1 })],
        revisions: [{ version: 2, effectiveFrom: '2027-03-02T12:00:00Z', exercises: [] }, { version: 5, effectiveFrom: '2027-03-02T12:00:00Z', exercises: [] }],
      }),
    );
    assert.deepEqual(timeline.versions.map((v) => v.version), [2]);
  });
});

describe('HEP today plan', () => {
  const exercises = [
    exercise('daily-two', { timesPerDay: 2 }, 3),
    exercise('mon-wed-fri', { timesPerDay: 1, weekdays: [1, 3, 5] }),
    exercise('three-a-week', { timesPerDay: 1, daysPerWeek: 3 }),
  ];
  const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises });

  it('lists what is due today in the program zone, with sessions done and sets in progress', () => {
    const now = at('2027-03-03', '20:00', DENVER); // Wednesday evening in Denver, Thursday in UTC
    const logs = [
      logAt('daily-two', '2027-03-03', '08:00', DENVER),
      logAt('daily-two', '2027-03-03', '19:00', DENVER, { completedSets: 1 }),
      logAt('three-a-week', '2027-03-01', '09:00', DENVER),
    ];
    const plan = todayPlan(p, logs, now);
    assert.equal(plan.today, '2027-03-03');
    assert.equal(plan.phase, 'active');
    assert.deepEqual(
      plan.items.map((i) => [i.exerciseId, i.sessionsToday, i.setsInProgress, i.complete]),
      [
        ['daily-two', 1, 1, false],
        ['mon-wed-fri', 0, 0, false],
        ['three-a-week', 0, 0, false],
      ],
    );
    assert.equal(plan.items[2]!.weekDone, 1);
    assert.equal(plan.items[2]!.weekQuota, 3);
  });

  it('drops a flexible exercise once the week target is met, unless it was done today', () => {
    const logs = ['2027-03-01', '2027-03-02', '2027-03-04'].map((date) => logAt('three-a-week', date, '09:00', DENVER));
    const thursday = todayPlan(p, logs, at('2027-03-04', '18:00', DENVER));
    assert.equal(thursday.items.find((i) => i.exerciseId === 'three-a-week')?.complete, true);
    const friday = todayPlan(p, logs, at('2027-03-05', '18:00', DENVER));
    assert.ok(!friday.items.some((i) => i.exerciseId === 'three-a-week'));
    assert.ok(friday.notDueIds.includes('three-a-week'));
  });

  it('says when a rest day ends, and when a program has not started or has ended', () => {
    const weekdaysOnly = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('m', { timesPerDay: 1, weekdays: [1] })] });
    const rest = todayPlan(weekdaysOnly, [], at('2027-03-03', '10:00', DENVER));
    assert.deepEqual(rest.items, []);
    assert.equal(rest.nextDueDate, '2027-03-08');
    const early = todayPlan(weekdaysOnly, [], at('2027-02-20', '10:00', DENVER));
    assert.equal(early.phase, 'not-started');
    assert.equal(early.nextDueDate, '2027-03-01');
    const ended = todayPlan({ ...weekdaysOnly, endDate: '2027-03-10' }, [], at('2027-03-11', '10:00', DENVER));
    assert.equal(ended.phase, 'ended');
    assert.deepEqual(ended.items, []);
  });
});

describe('HEP local dates of instants', () => {
  it('match Intl for every quarter-hour and odd minute across DST years in zones with unusual offsets', async () => {
    const { cachedLocalDate, localDateIn } = await import('@pxm/core/hep').then(async (hep) => ({ ...hep, ...(await import('@pxm/core/time')) }));
    const zones = ['America/Denver', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'Pacific/Kiritimati'];
    const start = Date.parse('2026-12-31T00:00:00Z');
    for (const zone of zones) {
      for (let ms = start; ms < start + 400 * 86_400_000; ms += 7 * 60_000 * 61) {
        assert.equal(cachedLocalDate(ms, zone), localDateIn(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
      }
      // Right around each local midnight, where a wrong offset shows first.
      for (let day = 0; day < 400; day += 3) {
        const midnight = Date.parse(`${new Date(start + day * 86_400_000).toISOString().slice(0, 10)}T12:00:00Z`);
        for (const delta of [-1, 0, 1]) {
          const at = midnight + delta * 60_000;
          assert.equal(cachedLocalDate(new Date(at).toISOString(), zone), localDateIn(at, zone));
        }
      }
    }
  });
});
