/** Holiday closures of the demo practice, computed for any year. */
import type { Closure } from '../booking/schedule.js';
import { addDays, daysInMonth, weekdayOf, type LocalDate } from '../time/local-date.js';

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The n-th (1-based) ISO weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): LocalDate {
  const first = iso(year, month, 1);
  if (n > 0) return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7);
  const last = iso(year, month, daysInMonth(first));
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

export function demoClosures(year: number): Closure[] {
  return [
    { date: iso(year, 1, 1), reason: "New Year's Day" },
    { date: nthWeekday(year, 5, 1, -1), reason: 'Memorial Day' },
    { date: iso(year, 7, 4), reason: 'Independence Day' },
    { date: nthWeekday(year, 9, 1, 1), reason: 'Labor Day' },
    { date: nthWeekday(year, 11, 4, 4), reason: 'Thanksgiving' },
    { date: iso(year, 12, 25), reason: 'Christmas Day' },
  ];
}

/** Closures for every year a date range touches. */
export function demoClosuresBetween(fromYear: number, toYear: number): Closure[] {
  const closures: Closure[] = [];
  for (let year = fromYear; year <= toYear; year++) closures.push(...demoClosures(year));
  return closures;
}
