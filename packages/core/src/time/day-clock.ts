/**
 * Wall-clock minutes of one local day in one zone, turned into instants. Almost every day has a
 * single offset, so its conversions are plain arithmetic; only a DST-change day asks Intl for
 * each time. Clocks are cached: slot searches convert thousands of times per query.
 */
import { parseLocalDate, timeFromMinutes, type LocalDate } from './local-date.js';
import { formatOffset, offsetMinutes, resolveLocalTime, toZonedIso } from './zoned-time.js';

export interface LocalDayClock {
  /** The offset for the whole day, or undefined on a day the offset changes. */
  readonly uniformOffset: number | undefined;
  /** Epoch ms of a minute-of-day, or undefined when that wall time does not exist (DST gap). */
  instantOf(minuteOfDay: number): number | undefined;
  /** ISO-8601 with the offset, for an instant on this day. */
  isoOf(epochMs: number): string;
}

const cache = new Map<string, LocalDayClock>();
const CACHE_LIMIT = 20_000;

function createClock(date: LocalDate, timeZone: string): LocalDayClock {
  const { year, month, day } = parseLocalDate(date);
  const midnightWall = Date.UTC(year, month - 1, day);
  const atStart = offsetMinutes(midnightWall - 12 * 3_600_000, timeZone);
  const atEnd = offsetMinutes(midnightWall + 36 * 3_600_000, timeZone);
  if (atStart === atEnd) {
    const suffix = formatOffset(atStart);
    return {
      uniformOffset: atStart,
      instantOf: (minute) => midnightWall + (minute - atStart) * 60_000,
      isoOf: (ms) => `${new Date(ms + atStart * 60_000).toISOString().slice(0, 19)}${suffix}`,
    };
  }
  return {
    uniformOffset: undefined,
    instantOf: (minute) => {
      if (minute < 0 || minute >= 24 * 60) return undefined;
      const resolved = resolveLocalTime(date, timeFromMinutes(minute), timeZone);
      return resolved.exists ? resolved.instant.getTime() : undefined;
    },
    isoOf: (ms) => toZonedIso(ms, timeZone),
  };
}

export function localDayClock(date: LocalDate, timeZone: string): LocalDayClock {
  const key = `${timeZone}|${date}`;
  let clock = cache.get(key);
  if (!clock) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    clock = createClock(date, timeZone);
    cache.set(key, clock);
  }
  return clock;
}
