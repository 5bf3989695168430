/**
 * Pain over time from the ratings patients give after an exercise (0-10). Each day is the average
 * of that day's ratings; the direction compares the last 7 days with the 7 before, and needs a
 * change of at least one point to call it up or down.
 */
import type { ActivityLogEntry } from '../schemas/hep.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { logDate } from './completion.js';

export interface PainPoint {
  date: LocalDate;
  /** Mean of the day's ratings, to one decimal. */
  average: number;
  highest: number;
  ratings: number;
}

export type PainDirection = 'down' | 'up' | 'steady';

export interface PainTrend {
  /** Days with at least one rating within the period, oldest first. */
  points: PainPoint[];
  recentAverage: number | null;
  previousAverage: number | null;
  /** Null until both weeks have ratings. */
  direction: PainDirection | null;
  /** The most recent rating. */
  latest: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
}

export function painTrend(logs: readonly ActivityLogEntry[], timeZone: string, today: LocalDate, days = 28): PainTrend {
  const from = addDays(today, -(days - 1));
  const byDate = new Map<LocalDate, number[]>();
  let latest: { at: number; pain: number } | undefined;
  const recent: number[] = [];
  const previous: number[] = [];
  for (const log of logs) {
    if (log.voided || log.pain === undefined) continue;
    const date = logDate(log, timeZone);
    if (date > today) continue;
    const at = Date.parse(log.completedAt);
    if (!latest || at > latest.at) latest = { at, pain: log.pain };
    if (date >= addDays(today, -6)) recent.push(log.pain);
    else if (date >= addDays(today, -13)) previous.push(log.pain);
    if (date < from) continue;
    const list = byDate.get(date);
    if (list) list.push(log.pain);
    else byDate.set(date, [log.pain]);
  }
  const points = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, ratings]) => ({ date, average: mean(ratings)!, highest: Math.max(...ratings), ratings: ratings.length }));
  const recentAverage = mean(recent);
  const previousAverage = mean(previous);
  let direction: PainDirection | null = null;
  if (recentAverage !== null && previousAverage !== null) {
    const change = recentAverage - previousAverage;
    direction = change <= -1 ? 'down' : change >= 1 ? 'up' : 'steady';
  }
  return { points, recentAverage, previousAverage, direction, latest: latest?.pain ?? null };
}
