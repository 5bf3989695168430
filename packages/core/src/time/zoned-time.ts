/**
 * Time math in an explicit IANA zone, using only Intl (no browser-zone arithmetic, no library).
 * Local dates are `YYYY-MM-DD` strings and local times `HH:MM`; instants are Date objects or
 * ISO-8601 strings with an offset.
 */
import type { LocalDate, LocalTime } from './local-date.js';
import { parseLocalDate, parseLocalTime } from './local-date.js';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Building a DateTimeFormat costs far more than using one, and slot generation calls this a lot.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function toDate(instant: Date | string | number): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date | string | number, timeZone: string): ZonedParts {
  const parts = partsFormatter(timeZone).formatToParts(toDate(instant));
  const result: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const part of parts) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        result[part.type] = Number(part.value);
        break;
      case 'weekday':
        result.weekday = WEEKDAYS[part.value] ?? 0;
        break;
      default:
        break;
    }
  }
  return result;
}

/** Minutes the zone is ahead of UTC at `instant` (Denver in winter: -420). */
export function offsetMinutes(instant: Date | string | number, timeZone: string): number {
  const date = toDate(instant);
  const p = zonedParts(date, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const truncated = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - truncated) / 60_000);
}

export interface ResolvedLocalTime {
  instant: Date;
  /** False when the wall time does not exist that day (skipped by a DST change). */
  exists: boolean;
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`. An ambiguous time (the
 * repeated hour when clocks go back) resolves to the earlier instant; a skipped time (clocks go
 * forward) resolves to the same distance past the gap and reports `exists: false`.
 */
export function resolveLocalTime(date: LocalDate, time: LocalTime, timeZone: string): ResolvedLocalTime {
  const d = parseLocalDate(date);
  const t = parseLocalTime(time);
  const wall = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute);
  const dayMs = 86_400_000;
  const offsets = new Set([offsetMinutes(wall - dayMs, timeZone), offsetMinutes(wall + dayMs, timeZone)]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutes(candidate, timeZone) === offset) matches.push(candidate);
  }
  if (matches.length > 0) return { instant: new Date(Math.min(...matches)), exists: true };
  const before = offsetMinutes(wall - dayMs, timeZone);
  return { instant: new Date(wall - before * 60_000), exists: false };
}

export function zonedTimeToInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  return resolveLocalTime(date, time, timeZone).instant;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO-8601 with the zone's offset at that instant: `2027-03-15T08:00:00-06:00`. */
export function toZonedIso(instant: Date | string | number, timeZone: string): string {
  const date = toDate(instant);
  const p = zonedParts(date, timeZone);
  const offset = offsetMinutes(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(offset)}`;
}

/** The local calendar date of `instant` in `timeZone`. */
export function localDateIn(instant: Date | string | number, timeZone: string): LocalDate {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local wall time (`HH:MM`) of `instant` in `timeZone`. */
export function localTimeIn(instant: Date | string | number, timeZone: string): LocalTime {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Midnight at the start of `date` in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTimeToInstant(date, '00:00', timeZone);
}

/** True when the zone's offset differs on some day of the given year (it observes DST). */
export function observesDst(timeZone: string, year: number): boolean {
  const january = offsetMinutes(Date.UTC(year, 0, 15), timeZone);
  const july = offsetMinutes(Date.UTC(year, 6, 15), timeZone);
  return january !== july;
}
