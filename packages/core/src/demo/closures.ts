/** Holiday closures of the demo practice, computed for any year. */
import type { Closure } from '../booking/schedule.js';

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of month of the n-th (1-based) ISO weekday in a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay() || 7;
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay() || 7;
  return lastDay - ((last - weekday + 7) % 7);
}

export function demoClosures(year: number): Closure[] {
  return [
    { date: iso(year, 1, 1), reason: "New Year's Day" },
    { date: iso(year, 5, nthWeekday(year, 5, 1, -1)), reason: 'Memorial Day' },
    { date: iso(year, 7, 4), reason: 'Independence Day' },
    { date: iso(year, 9, nthWeekday(year, 9, 1, 1)), reason: 'Labor Day' },
    { date: iso(year, 11, nthWeekday(year, 11, 4, 4)), reason: 'Thanksgiving' },
    { date: iso(year, 12, 25), reason: 'Christmas Day' },
  ];
}

/** Closures for every year a date range touches. */
export function demoClosuresBetween(fromYear: number, toYear: number): Closure[] {
  const closures: Closure[] = [];
  for (let year = fromYear; year <= toYear; year++) closures.push(...demoClosures(year));
  return closures;
}
