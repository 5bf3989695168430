import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReminderIcs, reminderPlan } from '@pxm/core/hep-reminders';
import { at, exercise, program } from './hep-fixtures.js';

const DENVER = 'America/Denver';

describe('HEP reminders', () => {
  it('plans daily reminders at as many times as the busiest exercise needs', () => {
    const p = program({
      startDate: '2027-03-01',
      timeZone: DENVER,
      exercises: [exercise('a', { timesPerDay: 2 }), exercise('b', { timesPerDay: 1, weekdays: [2] })],
    });
    const plan = reminderPlan(p, at('2027-03-03', '12:00', DENVER))!;
    assert.deepEqual(plan, { weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['09:00', '18:00'], startDate: '2027-03-03', endDate: undefined });
    const ics = buildReminderIcs(p, plan, { summary: 'Exercise time', description: 'Open your program from the link your clinic sent.' }, new Date('2027-03-03T19:00:00Z'));
    const events = ics.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, 2);
    assert.match(events[0]!, /DTSTART:20270303T090000\r\n/);
    assert.match(events[0]!, /DTEND:20270303T091500\r\n/);
    assert.match(events[1]!, /DTSTART:20270303T180000\r\n/);
    assert.match(events[0]!, /RRULE:FREQ=DAILY\r\n/);
    assert.match(events[0]!, /BEGIN:VALARM\r\nACTION:DISPLAY/);
    assert.ok(!ics.includes('Test program'), 'the program title stays out of calendars');
  });

  it('uses weekly rules on the exercise weekdays, starting on the first scheduled day, until the end date', () => {
    const p = program({
      startDate: '2027-03-01',
      endDate: '2027-04-30',
      timeZone: DENVER,
      exercises: [exercise('a', { timesPerDay: 1, weekdays: [1, 3, 5] }), exercise('b', { timesPerDay: 1, weekdays: [3] })],
    });
    const plan = reminderPlan(p, at('2027-03-02', '12:00', DENVER), ['07:30'])!; // a Tuesday
    assert.deepEqual(plan.weekdays, [1, 3, 5]);
    assert.equal(plan.startDate, '2027-03-03');
    const ics = buildReminderIcs(p, plan, { summary: 'Ejercicios' });
    assert.match(ics, /DTSTART:20270303T073000\r\n/);
    assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270430T235959\r\n/);
  });

  it('starts at the program start when that is later, crosses midnight cleanly, and caps at four a day', () => {
    const p = program({ startDate: '2027-03-10', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 8 })] });
    const plan = reminderPlan(p, at('2027-03-01', '12:00', DENVER))!;
    assert.equal(plan.startDate, '2027-03-10');
    assert.equal(plan.times.length, 4);
    const late = buildReminderIcs(p, { ...plan, times: ['23:50'] }, { summary: 'x' });
    assert.match(late, /DTEND:20270311T000500\r\n/);
  });

  it('has nothing to remind about for an empty or finished program', () => {
    assert.equal(reminderPlan(program({ startDate: '2027-03-01', timeZone: DENVER, exercises: [] }), new Date('2027-03-02T12:00:00Z')), undefined);
    const ended = program({ startDate: '2027-01-01', endDate: '2027-02-01', timeZone: DENVER, exercises: [exercise('a', { timesPerDay: 1 })] });
    assert.equal(reminderPlan(ended, new Date('2027-03-02T12:00:00Z')), undefined);
  });
});
