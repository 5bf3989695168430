import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIcs, escapeIcsText, foldIcsLine } from '../src/ics/ics.js';

describe('iCalendar writer', () => {
  it('writes a valid VCALENDAR with CRLF line ends and UTC times', () => {
    const ics = buildIcs({
      stamp: new Date('2027-03-01T12:00:00Z'),
      events: [
        {
          uid: 'appt-1@pxm',
          start: '2027-03-15T08:00:00-06:00',
          end: '2027-03-15T09:00:00-06:00',
          summary: 'Initial evaluation',
          location: '3456 W 32nd Ave, Denver, CO',
          description: 'Bring your insurance card.\nWear loose clothes; arrive 10 minutes early.',
          alarmMinutesBefore: 60,
        },
      ],
    });
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every newline is CRLF');
    assert.match(ics, /\r\nDTSTART:20270315T140000Z\r\n/);
    assert.match(ics, /\r\nDTEND:20270315T150000Z\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20270301T120000Z\r\n/);
    assert.match(ics, /LOCATION:3456 W 32nd Ave\\, Denver\\, CO/);
    assert.match(ics, /TRIGGER:-PT60M/);
    for (const line of ics.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${line}`);
  });

  it('escapes text and folds long lines without splitting characters', () => {
    assert.equal(escapeIcsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'ñ'.repeat(80)}`;
    const folded = foldIcsLine(long);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1);
    assert.ok(lines.slice(1).every((line) => line.startsWith(' ')));
    assert.equal(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join(''), long);
    for (const line of lines) assert.ok(new TextEncoder().encode(line).length <= 75);
  });

  it('writes floating local times and weekly recurrence rules', () => {
    const ics = buildIcs({
      events: [
        {
          uid: 'hep-1',
          start: { local: '2027-03-15T08:00' },
          end: { local: '2027-03-15T08:20' },
          summary: 'Home exercises',
          recurrence: { freq: 'WEEKLY', byWeekday: [1, 3, 5], until: '2027-04-30' },
        },
      ],
    });
    assert.match(ics, /DTSTART:20270315T080000\r\n/);
    assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270430T235959\r\n/);
  });
});
