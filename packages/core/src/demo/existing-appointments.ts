/**
 * Visits already on the demo calendars. They are a pure function of provider and date (a seeded
 * generator), so every adapter and every run sees the same busy times without storing them.
 */
import type { WorkingHours } from '../booking/schedule.js';
import { minutesOfDay, timeFromMinutes, weekdayOf, type LocalDate } from '../time/local-date.js';

export interface BusyBlock {
  providerId: string;
  locationId: string;
  date: LocalDate;
  start: string;
  end: string;
}

/** FNV-1a: a stable 32-bit hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Share of working hours already booked. */
const BOOKED_SHARE = 0.4;

export function demoBusyBlocks(providerId: string, date: LocalDate, workingHours: readonly WorkingHours[]): BusyBlock[] {
  const weekday = weekdayOf(date);
  const blocks: BusyBlock[] = [];
  for (const hours of workingHours) {
    if (hours.providerId !== providerId || hours.weekday !== weekday) continue;
    for (let minute = minutesOfDay(hours.start); minute + 60 <= minutesOfDay(hours.end); minute += 60) {
      const roll = hash(`${providerId}|${date}|${minute}`) / 0xffffffff;
      if (roll < BOOKED_SHARE) {
        blocks.push({
          providerId,
          locationId: hours.locationId,
          date,
          start: timeFromMinutes(minute),
          end: timeFromMinutes(minute + 60),
        });
      }
    }
  }
  return blocks;
}
