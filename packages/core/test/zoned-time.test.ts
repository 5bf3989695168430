import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  daysBetween,
  isLocalDate,
  localDateIn,
  observesDst,
  offsetMinutes,
  resolveLocalTime,
  toZonedIso,
  weekdayOf,
  zonedParts,
  formatInZone,
  timeZoneName,
  formatLocalDate,
} from '@pxm/core/time';

describe('zoned time', () => {
  it('reads wall-clock parts in a given zone', () => {
    const parts = zonedParts('2027-03-15T14:00:00Z', 'America/Denver');
    assert.deepEqual(parts, { year: 2027, month: 3, day: 15, hour: 8, minute: 0, second: 0, weekday: 1 });
  });

  it('knows offsets on both sides of a DST change, and zones without DST', () => {
    assert.equal(offsetMinutes('2027-03-13T18:00:00Z', 'America/Denver'), -420);
    assert.equal(offsetMinutes('2027-03-15T18:00:00Z', 'America/Denver'), -360);
    assert.equal(offsetMinutes('2027-07-01T18:00:00Z', 'America/Phoenix'), -420);
    assert.equal(offsetMinutes('2027-07-01T18:00:00Z', 'Europe/London'), 60);
    assert.equal(offsetMinutes('2027-01-01T00:00:00Z', 'Pacific/Kiritimati'), 14 * 60);
    assert.equal(offsetMinutes('2027-01-01T00:00:00Z', 'Pacific/Pago_Pago'), -11 * 60);
    assert.equal(offsetMinutes('2027-01-01T00:00:00Z', 'Asia/Kathmandu'), 345);
    assert.equal(observesDst('America/Denver', 2027), true);
    assert.equal(observesDst('America/Phoenix', 2027), false);
  });

  it('resolves a local time to an instant, DST-safe', () => {
    const ordinary = resolveLocalTime('2027-03-15', '08:00', 'America/Denver');
    assert.equal(ordinary.instant.toISOString(), '2027-03-15T14:00:00.000Z');
    assert.equal(ordinary.exists, true);
    // 02:30 does not exist on the spring-forward day: reported, and moved past the gap.
    const skipped = resolveLocalTime('2027-03-14', '02:30', 'America/Denver');
    assert.equal(skipped.exists, false);
    assert.equal(toZonedIso(skipped.instant, 'America/Denver'), '2027-03-14T03:30:00-06:00');
    // 01:30 happens twice on the fall-back day: the earlier one is chosen.
    const repeated = resolveLocalTime('2027-11-07', '01:30', 'America/Denver');
    assert.equal(repeated.exists, true);
    assert.equal(toZonedIso(repeated.instant, 'America/Denver'), '2027-11-07T01:30:00-06:00');
    // Across the date line.
    assert.equal(resolveLocalTime('2027-01-01', '09:00', 'Pacific/Kiritimati').instant.toISOString(), '2026-12-31T19:00:00.000Z');
    assert.equal(resolveLocalTime('2027-01-01', '09:00', 'Pacific/Pago_Pago').instant.toISOString(), '2027-01-01T20:00:00.000Z');
  });

  it('writes ISO strings with the zone offset and finds local dates', () => {
    assert.equal(toZonedIso('2027-03-15T14:00:00Z', 'America/Denver'), '2027-03-15T08:00:00-06:00');
    assert.equal(toZonedIso('2027-03-15T14:00:00Z', 'Asia/Kathmandu'), '2027-03-15T19:45:00+05:45');
    assert.equal(toZonedIso('2027-03-15T14:00:00Z', 'UTC'), '2027-03-15T14:00:00+00:00');
    // 23:30 in Denver is already tomorrow in London.
    assert.equal(localDateIn('2027-03-16T05:30:00Z', 'America/Denver'), '2027-03-15');
    assert.equal(localDateIn('2027-03-16T05:30:00Z', 'Europe/London'), '2027-03-16');
  });

  it('does calendar arithmetic without consulting any zone', () => {
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-03-14', 1), '2027-03-15');
    assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(daysBetween('2027-03-01', '2027-04-01'), 31);
    assert.equal(weekdayOf('2027-03-14'), 7);
    assert.equal(isLocalDate('2027-02-29'), false);
    assert.equal(isLocalDate('2028-02-29'), true);
  });

  it('formats in an explicit zone and names the zone', () => {
    assert.equal(formatInZone('2027-03-15T14:00:00Z', 'America/Denver', 'en-US', { hour: 'numeric', minute: '2-digit' }), '8:00 AM');
    assert.equal(timeZoneName('2027-03-15T14:00:00Z', 'America/Denver', 'en-US'), 'MDT');
    assert.equal(timeZoneName('2027-03-10T14:00:00Z', 'America/Denver', 'en-US'), 'MST');
    assert.equal(formatLocalDate('2027-03-15', 'es', { weekday: 'long' }), 'lunes');
  });
});
