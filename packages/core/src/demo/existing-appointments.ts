/**
 * Visits already on the demo calendars. They are a pure function of provider and date (a seeded
 * generator), so every adapter and every run sees the same busy times without storing them.
 */
import type { WorkingHours } from '../booking/schedule.js';
import { addDays, minutesOfDay, timeFromMinutes, weekdayOf, type LocalDate } from '../time/local-date.js';
import { localDateIn, localTimeIn, toZonedIso, zonedTimeToInstant } from '../time/zoned-time.js';

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

/** Manage links of the demo practice's own bookings, so manage mode can be tried at once. */
export const DEMO_MANAGE_TOKENS = {
  /** A visit a few days ahead: reschedule or cancel freely. */
  upcoming: 'demo-manage-upcoming',
  /** A visit less than a day ahead: changes carry the late fee, which must be acknowledged. */
  withinNotice: 'demo-manage-within-notice',
  /** A visit that was cancelled already. */
  cancelled: 'demo-manage-cancelled',
  /** A visit that has taken place: the link has expired. */
  past: 'demo-manage-past',
} as const;

/** A booking already on the demo calendar (a returning patient's follow-up). */
export interface DemoBooking {
  id: string;
  manageToken: string;
  patientId: string;
  locationId: string;
  providerId: string;
  appointmentTypeId: string;
  start: string;
  end: string;
  status: 'booked' | 'cancelled';
  createdAt: string;
  cancelledAt?: string;
}

const DEMO_ZONE = 'America/Denver';
const DEMO_PROVIDER = 'ana-rivera';
const VISIT_MINUTES = 45;

/** First free hour of the demo provider on the first Mon/Wed/Fri at least `days` days ahead. */
function freeVisitStart(nowMs: number, days: number, workingHours: readonly WorkingHours[]): number {
  let date = addDays(localDateIn(nowMs, DEMO_ZONE), days);
  while (![1, 3, 5].includes(weekdayOf(date))) date = addDays(date, 1);
  const busy = new Set(demoBusyBlocks(DEMO_PROVIDER, date, workingHours).map((block) => block.start));
  const hour = [9, 10, 11, 13, 14, 15, 8].find((h) => !busy.has(timeFromMinutes(h * 60))) ?? 9;
  return zonedTimeToInstant(date, timeFromMinutes(hour * 60), DEMO_ZONE).getTime();
}

/** A quarter-hour between 3 and 22 hours ahead that falls in clinic hours (08:00-16:00 Denver). */
function soonVisitStart(nowMs: number): number {
  const quarter = 15 * 60_000;
  let start = Math.ceil((nowMs + 3 * 3_600_000) / quarter) * quarter;
  const last = nowMs + 22 * 3_600_000;
  for (let at = start; at <= last; at += quarter) {
    const minute = minutesOfDay(localTimeIn(at, DEMO_ZONE));
    if (minute >= 8 * 60 && minute <= 16 * 60) {
      start = at;
      break;
    }
  }
  return start;
}

/** The demo bookings, placed relative to `now` so they stay upcoming (or past) on any day. */
export function demoBookings(now: Date, workingHours: readonly WorkingHours[]): DemoBooking[] {
  const nowMs = now.getTime();
  const iso = (ms: number) => toZonedIso(ms, DEMO_ZONE);
  const booking = (id: string, manageToken: string, startMs: number, status: DemoBooking['status'] = 'booked'): DemoBooking => ({
    id,
    manageToken,
    patientId: 'pat-garcia',
    locationId: 'denver-highlands',
    providerId: DEMO_PROVIDER,
    appointmentTypeId: 'follow-up',
    start: iso(startMs),
    end: iso(startMs + VISIT_MINUTES * 60_000),
    status,
    createdAt: iso(nowMs - 14 * 86_400_000),
    ...(status === 'cancelled' ? { cancelledAt: iso(nowMs - 86_400_000) } : {}),
  });
  return [
    booking('appt-demo-upcoming', DEMO_MANAGE_TOKENS.upcoming, freeVisitStart(nowMs, 4, workingHours)),
    booking('appt-demo-within-notice', DEMO_MANAGE_TOKENS.withinNotice, soonVisitStart(nowMs)),
    booking('appt-demo-cancelled', DEMO_MANAGE_TOKENS.cancelled, freeVisitStart(nowMs, 9, workingHours), 'cancelled'),
    booking('appt-demo-past', DEMO_MANAGE_TOKENS.past, nowMs - 3 * 86_400_000),
  ];
}
