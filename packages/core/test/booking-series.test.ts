import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateSlots, type Slot } from '@pxm/core/booking';
import {
  countdownText,
  distinctStarts,
  groupSlotsByDay,
  holdDeadline,
  planSeries,
  seriesDates,
  timeOfDayOf,
} from '@pxm/core/booking-display';
import { localTimeIn, weekdayOf } from '@pxm/core/time';
import { demoAppointmentTypes, demoClosures, demoLocations, demoProviders, demoWorkingHours } from '@pxm/core/demo';

const denver = demoLocations.find((l) => l.id === 'denver-highlands')!;
const followUp = demoAppointmentTypes.find((t) => t.id === 'follow-up')!;

function slot(start: string, providerId = 'ana-rivera'): Slot {
  const end = new Date(Date.parse(start) + 45 * 60_000).toISOString();
  return { id: `${providerId}|${start}`, locationId: denver.id, providerId, appointmentTypeId: followUp.id, start, end };
}

/** Free follow-up slots at Denver for the whole range, with nothing booked. */
function openSlots(from: string, to: string): Slot[] {
  return generateSlots({
    location: denver,
    appointmentType: followUp,
    providers: demoProviders,
    workingHours: demoWorkingHours,
    closures: demoClosures(2027),
    busy: [],
    fromMs: Date.parse(from),
    toMs: Date.parse(to),
    nowMs: Date.parse(from) - 86_400_000,
  });
}

describe('slot days', () => {
  it('groups by the local day of the zone they are shown in', () => {
    // 23:30 in Denver on the 15th is already the 16th in London.
    const late = slot('2027-03-15T23:30:00-06:00');
    const early = slot('2027-03-16T08:00:00-06:00');
    assert.deepEqual([...groupSlotsByDay([late, early], 'America/Denver').keys()], ['2027-03-15', '2027-03-16']);
    assert.deepEqual([...groupSlotsByDay([late, early], 'Europe/London').keys()], ['2027-03-16']);
  });

  it('keeps one slot per start, preferring the named provider', () => {
    const a = slot('2027-03-16T08:00:00-06:00', 'ana-rivera');
    const b = slot('2027-03-16T08:00:00-06:00', 'james-okafor');
    const c = slot('2027-03-16T09:00:00-06:00', 'james-okafor');
    assert.deepEqual(distinctStarts([a, b, c]).map((s) => s.providerId), ['ana-rivera', 'james-okafor']);
    assert.deepEqual(distinctStarts([a, b, c], 'james-okafor').map((s) => s.providerId), ['james-okafor', 'james-okafor']);
  });

  it('names the part of the day on the wall clock of the zone', () => {
    assert.equal(timeOfDayOf('2027-03-16T09:45:00-06:00', 'America/Denver'), 'morning');
    assert.equal(timeOfDayOf('2027-03-16T09:45:00-06:00', 'Europe/London'), 'afternoon');
    assert.equal(timeOfDayOf('2027-03-16T17:00:00-06:00', 'America/Denver'), 'evening');
  });
});

describe('plan-of-care series', () => {
  it('lists each chosen weekday for the number of weeks', () => {
    const dates = seriesDates('2027-03-01', 6, [2, 4]);
    assert.equal(dates.length, 12);
    assert.ok(dates.every((d) => [2, 4].includes(weekdayOf(d))));
    assert.equal(dates[0], '2027-03-02');
    assert.equal(dates.at(-1), '2027-04-08');
  });

  it('proposes the usual time on every visit day, across the DST change, with the same therapist', () => {
    const slots = openSlots('2027-03-01T00:00:00-07:00', '2027-04-12T00:00:00-06:00');
    const plan = planSeries({
      slots,
      timeZone: 'America/Denver',
      startDate: '2027-03-01',
      weeks: 6,
      weekdays: [1, 3],
      preferredTime: '09:00',
      preferredProviderId: 'ana-rivera',
    });
    assert.equal(plan.length, 12);
    for (const visit of plan) {
      assert.equal(visit.status, 'proposed', visit.date);
      assert.equal(visit.slot?.providerId, 'ana-rivera');
      assert.equal(localTimeIn(visit.slot!.start, 'America/Denver'), '09:00', 'wall-clock 09:00 before and after the change');
    }
    assert.ok(plan[0]!.slot!.start.endsWith('-07:00') && plan.at(-1)!.slot!.start.endsWith('-06:00'));
  });

  it('reports a conflict with the nearest alternatives, same day first', () => {
    const all = openSlots('2027-03-01T00:00:00-07:00', '2027-03-13T00:00:00-07:00');
    // Someone took Ana's 09:00 on Wednesday the 3rd and everything on Monday the 8th.
    const slots = all.filter(
      (s) =>
        !(s.providerId === 'ana-rivera' && s.start === '2027-03-03T09:00:00-07:00') &&
        !s.start.startsWith('2027-03-08'),
    );
    const plan = planSeries({
      slots: slots.filter((s) => s.providerId === 'ana-rivera'),
      timeZone: 'America/Denver',
      startDate: '2027-03-01',
      weeks: 2,
      weekdays: [1, 3],
      preferredTime: '09:00',
      preferredProviderId: 'ana-rivera',
    });
    const wednesday = plan.find((v) => v.date === '2027-03-03')!;
    assert.equal(wednesday.status, 'conflict');
    assert.equal(wednesday.alternatives.length, 3);
    assert.ok(wednesday.alternatives.every((s) => s.start.startsWith('2027-03-03')), 'same-day times first');
    const minutesAway = wednesday.alternatives.map((s) => Math.abs(Date.parse(s.start) - Date.parse('2027-03-03T09:00:00-07:00')) / 60_000);
    assert.deepEqual(minutesAway, [...minutesAway].sort((a, b) => a - b), 'nearest first');
    const monday = plan.find((v) => v.date === '2027-03-08')!;
    assert.equal(monday.status, 'conflict');
    assert.ok(monday.alternatives.every((s) => s.start.startsWith('2027-03-09')), 'Tuesday of the same week, not another visit day');
  });

  it('says when nothing is free near a visit day', () => {
    const plan = planSeries({ slots: [], timeZone: 'America/Denver', startDate: '2027-03-01', weeks: 1, weekdays: [5], preferredTime: '09:00' });
    assert.deepEqual(plan, [{ date: '2027-03-05', status: 'unavailable', alternatives: [] }]);
  });
});

describe('hold deadline', () => {
  const received = Date.parse('2027-03-01T16:00:00Z');
  it('counts down to the backend expiry when the clocks agree', () => {
    assert.equal(holdDeadline('2027-03-01T16:10:00Z', received), received + 600_000);
  });
  it('falls back to a short safe countdown when the clocks disagree', () => {
    assert.equal(holdDeadline('2027-03-01T15:55:00Z', received), received + 300_000);
    assert.equal(holdDeadline('2027-03-02T16:10:00Z', received), received + 300_000);
    assert.equal(holdDeadline('garbage', received), received + 300_000);
  });
  it('writes m:ss and never a negative time', () => {
    assert.equal(countdownText(599_001), '10:00');
    assert.equal(countdownText(61_000), '1:01');
    assert.equal(countdownText(-5), '0:00');
  });
});
