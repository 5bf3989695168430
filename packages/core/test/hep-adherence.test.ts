import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import { summarizeAdherence } from '@pxm/core/hep-progress';
import { at, exercise, logAt, program } from './hep-fixtures.js';

const DENVER = 'America/Denver';
const ORIGINAL_TZ = process.env.TZ;

/** One log a day at `time` local, for each date. */
function daily(exerciseId: string, dates: string[], time: string, timeZone: string, extra: Partial<ActivityLogEntry> = {}) {
  return dates.map((date) => logAt(exerciseId, date, time, timeZone, extra));
}

function datesFrom(start: string, count: number): string[] {
  const out: string[] = [];
  const base = Date.parse(`${start}T12:00:00Z`);
  for (let i = 0; i < count; i++) out.push(new Date(base + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

describe('HEP adherence', () => {
  afterEach(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });

  it('counts completed over prescribed for 7 days, 28 days and the whole program', () => {
    const p = program({ startDate: '2027-02-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] });
    // Done every day of February except the 10th and the 25th; "now" is March 1 before any log.
    const dates = datesFrom('2027-02-01', 28).filter((d) => d !== '2027-02-10' && d !== '2027-02-25');
    const summary = summarizeAdherence(p, daily('a', dates, '18:00', DENVER), at('2027-03-01', '07:00', DENVER));
    assert.equal(summary.today, '2027-03-01');
    assert.deepEqual(summary.last7Days, { completed: 5, prescribed: 6, rate: 5 / 6 }, 'today is not over, so it is not missed');
    assert.deepEqual([summary.last28Days.completed, summary.last28Days.prescribed], [25, 27]);
    assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [26, 28]);
    assert.equal(summary.weeks.length, 5);
    assert.deepEqual(summary.weeks[1], { weekStart: '2027-02-08', from: '2027-02-08', to: '2027-02-14', completed: 6, prescribed: 7, rate: 6 / 7 });
  });

  it('counts today only for what is done, and never more than prescribed', () => {
    const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 2 })] });
    const logs = [
      ...daily('a', ['2027-03-01'], '08:00', DENVER),
      ...daily('a', ['2027-03-01'], '12:00', DENVER),
      ...daily('a', ['2027-03-01'], '20:00', DENVER), // a third session on a two-a-day exercise
      ...daily('a', ['2027-03-02'], '08:00', DENVER),
    ];
    const summary = summarizeAdherence(p, logs, at('2027-03-02', '09:00', DENVER));
    assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [3, 3]);
  });

  it('ignores undone logs and adds single sets up to sessions', () => {
    const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 }, 3)] });
    const logs = [
      logAt('a', '2027-03-01', '08:00', DENVER, { completedSets: 1 }),
      logAt('a', '2027-03-01', '08:05', DENVER, { completedSets: 1 }),
      logAt('a', '2027-03-01', '08:10', DENVER, { completedSets: 1 }),
      logAt('a', '2027-03-02', '08:00', DENVER, { completedSets: 1 }),
      logAt('a', '2027-03-02', '08:05', DENVER, { completedSets: 1 }), // two of three sets: not a session
      logAt('a', '2027-03-03', '08:00', DENVER, { voided: true }),
    ];
    const summary = summarizeAdherence(p, logs, at('2027-03-04', '07:00', DENVER));
    assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [1, 3]);
  });

  it('counts a flexible exercise per week, at most its times per day on any one day', () => {
    const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1, daysPerWeek: 3 })] });
    const logs = [
      logAt('a', '2027-03-01', '08:00', DENVER),
      logAt('a', '2027-03-01', '18:00', DENVER), // twice on Monday counts once
      logAt('a', '2027-03-02', '08:00', DENVER),
    ];
    const during = summarizeAdherence(p, logs, at('2027-03-03', '12:00', DENVER));
    assert.deepEqual([during.wholeProgram.completed, during.wholeProgram.prescribed], [2, 2], 'the week is not over');
    const after = summarizeAdherence(p, logs, at('2027-03-08', '12:00', DENVER));
    assert.deepEqual([after.wholeProgram.completed, after.wholeProgram.prescribed], [2, 3], 'the week ended one short');
  });

  it('puts a log on the date it was done in the program zone, whatever zone it was written in or the device is in', () => {
    const p = program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] });
    // 23:30 in Denver is already the next day in UTC and in Tokyo; written with a UTC offset.
    const late = (date: string): ActivityLogEntry => {
      const entry = logAt('a', date, '23:30', DENVER);
      return { ...entry, completedAt: new Date(entry.completedAt).toISOString() };
    };
    const logs = ['2027-03-01', '2027-03-02', '2027-03-03'].map(late);
    const results = ['UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Denver'].map((zone) => {
      process.env.TZ = zone;
      const summary = summarizeAdherence(p, logs, '2027-03-04T13:00:00Z'); // 06:00 Thursday in Denver
      return `${summary.today} ${summary.wholeProgram.completed}/${summary.wholeProgram.prescribed}`;
    });
    assert.deepEqual(new Set(results), new Set(['2027-03-04 3/3']), results.join(', '));
  });

  it('gives the same instants different days in different program zones', () => {
    const base = { startDate: '2027-03-01', exercises: [exercise('a', { timesPerDay: 1 })] };
    const logs: ActivityLogEntry[] = ['2027-03-01T20:00:00Z', '2027-03-02T20:00:00Z'].map((completedAt, i) => ({
      clientId: `00000000-0000-4000-8000-00000000aa0${i}`,
      exerciseId: 'a',
      programVersion: 1,
      completedAt,
    }));
    // 20:00 UTC: 13:00 in Denver (same day), 05:00 next day in Tokyo.
    const denver = summarizeAdherence(program({ ...base, timeZone: DENVER }), logs, '2027-03-03T20:00:00Z');
    const tokyo = summarizeAdherence(program({ ...base, timeZone: 'Asia/Tokyo' }), logs, '2027-03-03T20:00:00Z');
    assert.deepEqual([denver.today, denver.wholeProgram.completed, denver.wholeProgram.prescribed], ['2027-03-03', 2, 2]);
    assert.deepEqual([tokyo.today, tokyo.wholeProgram.completed, tokyo.wholeProgram.prescribed], ['2027-03-04', 2, 3]);
  });

  for (const [zone, label, days] of [
    [DENVER, 'spring forward (23-hour day)', ['2027-03-13', '2027-03-14', '2027-03-15']],
    [DENVER, 'fall back (25-hour day)', ['2026-10-31', '2026-11-01', '2026-11-02']],
    ['Australia/Sydney', 'southern-hemisphere fall back', ['2027-04-03', '2027-04-04', '2027-04-05']],
    ['Europe/London', 'spring forward at 01:00', ['2027-03-27', '2027-03-28', '2027-03-29']],
  ] as const) {
    it(`counts each local day once across a DST change: ${zone}, ${label}`, () => {
      const p: HepProgram = program({ startDate: days[0], timeZone: zone, exercises: [exercise('a', { timesPerDay: 2 })] });
      // Just after midnight and just before the next midnight: the edges a 24-hour step gets wrong.
      const logs = days.flatMap((date) => [logAt('a', date, '00:05', zone), logAt('a', date, '23:55', zone)]);
      const dayAfter = new Date(Date.parse(`${days[2]}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const summary = summarizeAdherence(p, logs, at(dayAfter, '00:01', zone));
      assert.equal(summary.today, dayAfter);
      assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [6, 6]);
      const short = summarizeAdherence(p, logs.slice(0, 5), at(dayAfter, '00:01', zone));
      assert.deepEqual([short.wholeProgram.completed, short.wholeProgram.prescribed], [5, 6], 'the last log of the DST week is missing');
    });
  }

  it('counts each day against the version in effect that day when the therapist edits the program', () => {
    const v2 = program({
      version: 2,
      startDate: '2027-03-01',
      timeZone: DENVER,
      updatedAt: '2027-03-04T10:00:00-07:00', // Thursday
      exercises: [exercise('a', { timesPerDay: 2 }), exercise('c', { timesPerDay: 1 })],
      revisions: [
        { version: 1, effectiveFrom: '2027-02-25T10:00:00-07:00', exercises: [{ id: 'a', frequency: { timesPerDay: 1 } }, { id: 'b', frequency: { timesPerDay: 1 } }] },
      ],
    });
    const week = datesFrom('2027-03-01', 7);
    const logs = [
      ...daily('a', week, '08:00', DENVER, { programVersion: 1 }),
      ...daily('b', week.slice(0, 3), '08:00', DENVER, { programVersion: 1 }),
      ...daily('c', week.slice(4), '08:00', DENVER, { programVersion: 2 }),
    ];
    const summary = summarizeAdherence(v2, logs, at('2027-03-08', '06:00', DENVER));
    // a: Mon-Wed 1 a day (3 of 3), Thu-Sun 2 a day done once (4 of 8); b: 3 of 3 until it was removed;
    // c: added Thursday (a grace day, not done), then 3 of 3.
    assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [13, 17]);
    // Without the revision history, the whole week is counted against today's schedule.
    const { revisions: _dropped, ...current } = v2;
    const flat = summarizeAdherence(current, logs, at('2027-03-08', '06:00', DENVER));
    assert.deepEqual([flat.wholeProgram.completed, flat.wholeProgram.prescribed], [10, 21]);
  });

  it('gives a grace day credit when the added exercise was done that day', () => {
    const v2 = program({
      version: 2,
      startDate: '2027-03-01',
      timeZone: DENVER,
      updatedAt: '2027-03-03T10:00:00-07:00',
      exercises: [exercise('a', { timesPerDay: 1 }), exercise('new', { timesPerDay: 1 })],
      revisions: [{ version: 1, effectiveFrom: '2027-03-01T08:00:00-07:00', exercises: [{ id: 'a', frequency: { timesPerDay: 1 } }] }],
    });
    const logs = [
      ...daily('a', ['2027-03-01', '2027-03-02', '2027-03-03'], '08:00', DENVER),
      logAt('new', '2027-03-03', '17:00', DENVER, { programVersion: 2 }),
    ];
    const summary = summarizeAdherence(v2, logs, at('2027-03-04', '06:00', DENVER));
    assert.deepEqual([summary.wholeProgram.completed, summary.wholeProgram.prescribed], [4, 4]);
  });

  it('has no rate before anything was prescribed', () => {
    const p = program({ startDate: '2027-03-10', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] });
    const summary = summarizeAdherence(p, [], at('2027-03-01', '12:00', DENVER));
    assert.deepEqual(summary.wholeProgram, { completed: 0, prescribed: 0, rate: null });
    assert.deepEqual(summary.weeks, []);
  });
});
