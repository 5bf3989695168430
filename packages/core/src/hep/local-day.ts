/**
 * The local date of many instants in one zone, fast. Asking Intl for each instant costs tens of
 * microseconds; months of logs make that visible. Zone offsets only change at instants that are
 * whole quarter-hours in UTC (every offset and every change of the last century is a multiple of
 * 15 minutes), so the offset is looked up once per UTC quarter-hour and reused.
 */
import type { LocalDate } from '../time/local-date.js';
import { offsetMinutes } from '../time/zoned-time.js';

const QUARTER_HOUR_MS = 900_000;
const CACHE_LIMIT = 20_000;
const offsets = new Map<string, Map<number, number>>();

export function cachedLocalDate(instant: string | Date | number, timeZone: string): LocalDate {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = offsetMinutes(quarter * QUARTER_HOUR_MS, timeZone);
    if (zone.size >= CACHE_LIMIT) zone.clear();
    zone.set(quarter, offset);
  }
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}
