import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeSlotId,
  generateSlots,
  type AppointmentType,
  type Location,
  type Provider,
  type WorkingHours,
} from '@pxm/core/booking';
import { localTimeIn } from '@pxm/core/time';

const denver: Location = { id: 'den', name: 'Denver', address: { line1: '1 Main', city: 'Denver' }, timeZone: 'America/Denver' };
const evalType: AppointmentType = { id: 'eval', name: 'Eval', durationMinutes: 60, bufferMinutes: 15, modality: 'in-clinic', patientEligibility: 'new' };
const provider: Provider = { id: 'p1', name: 'P One', locationIds: ['den'], appointmentTypeIds: ['eval'] };
const mondayToSunday = [1, 2, 3, 4, 5, 6, 7];
const hours: WorkingHours[] = mondayToSunday.map((weekday) => ({
  providerId: 'p1',
  locationId: 'den',
  weekday,
  start: '08:00',
  end: '12:00',
  breaks: [{ start: '10:00', end: '10:30' }],
}));

function slotsOn(date: string, extra: Partial<Parameters<typeof generateSlots>[0]> = {}) {
  return generateSlots({
    location: denver,
    appointmentType: evalType,
    providers: [provider],
    workingHours: hours,
    closures: [],
    busy: [],
    fromMs: Date.parse(`${date}T00:00:00-12:00`) - 12 * 3_600_000,
    toMs: Date.parse(`${date}T00:00:00-12:00`) + 12 * 3_600_000,
    nowMs: Date.parse('2027-01-01T00:00:00Z'),
    slotIntervalMinutes: 30,
    ...extra,
  }).filter((s) => s.start.startsWith(date));
}

describe('slot engine', () => {
  it('fits the visit and its buffer between the start, the break and the end of the day', () => {
    const times = slotsOn('2027-03-10').map((s) => localTimeIn(s.start, 'America/Denver'));
    // 08:00 + 75 min = 09:15 ≤ 10:00 ✓; 08:30 → 09:45 ✓; 09:00 → 10:15 ✗ (break); 10:30 → 11:45 ✓; 11:00 → 12:15 ✗.
    assert.deepEqual(times, ['08:00', '08:30', '10:30']);
  });

  it('keeps local hours on the DST change days and offsets the instants', () => {
    const before = slotsOn('2027-03-13');
    const changeDay = slotsOn('2027-03-14');
    const after = slotsOn('2027-03-15');
    assert.equal(before[0]!.start, '2027-03-13T08:00:00-07:00');
    assert.equal(changeDay[0]!.start, '2027-03-14T08:00:00-06:00');
    assert.equal(after[0]!.start, '2027-03-15T08:00:00-06:00');
    assert.equal(Date.parse(after[0]!.end) - Date.parse(after[0]!.start), 60 * 60_000);
    const fallBack = slotsOn('2027-11-07');
    assert.deepEqual(fallBack.map((s) => s.start), ['2027-11-07T08:00:00-07:00', '2027-11-07T08:30:00-07:00', '2027-11-07T10:30:00-07:00']);
  });

  it('skips closures, busy time (with buffers) and anything before the minimum notice', () => {
    assert.equal(slotsOn('2027-03-10', { closures: [{ date: '2027-03-10' }] }).length, 0);
    assert.equal(slotsOn('2027-03-10', { closures: [{ date: '2027-03-10', providerId: 'other' }] }).length, 3);
    const busy = [{ providerId: 'p1', startMs: Date.parse('2027-03-10T09:00:00-07:00'), endMs: Date.parse('2027-03-10T09:45:00-07:00') }];
    // 08:00+75 = 09:15 overlaps 09:00; 08:30 too. Only 10:30 stays.
    assert.deepEqual(slotsOn('2027-03-10', { busy }).map((s) => localTimeIn(s.start, 'America/Denver')), ['10:30']);
    const now = Date.parse('2027-03-10T08:10:00-07:00');
    assert.deepEqual(slotsOn('2027-03-10', { nowMs: now, minimumNoticeMinutes: 60 }).map((s) => localTimeIn(s.start, 'America/Denver')), ['10:30']);
  });

  it('offers only providers at the location who do the visit type, and encodes a re-checkable id', () => {
    const other: Provider = { id: 'p2', name: 'P Two', locationIds: ['elsewhere'], appointmentTypeIds: ['eval'] };
    const slots = generateSlots({
      location: denver,
      appointmentType: evalType,
      providers: [provider, other],
      workingHours: hours,
      closures: [],
      busy: [],
      fromMs: Date.parse('2027-03-10T00:00:00-07:00'),
      toMs: Date.parse('2027-03-11T00:00:00-07:00'),
      nowMs: 0,
    });
    assert.ok(slots.length > 0 && slots.every((s) => s.providerId === 'p1'));
    assert.deepEqual(decodeSlotId(slots[0]!.id), { locationId: 'den', appointmentTypeId: 'eval', providerId: 'p1', startMs: Date.parse(slots[0]!.start) });
    assert.equal(decodeSlotId('garbage'), undefined);
  });
});
