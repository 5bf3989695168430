/**
 * Matching logs to buckets. A log counts on the local date it was completed, in the program's
 * zone. A log without `completedSets` is one whole session; with it, its sets add up with the
 * day's other sets, so three single-set logs of a three-set exercise make one session. Voided
 * logs (undone) never count, and nothing counts beyond what was prescribed.
 */
import type { ActivityLogEntry } from '../schemas/hep.js';
import type { LocalDate } from '../time/local-date.js';
import { cachedLocalDate } from './local-day.js';
import type { SessionBucket } from './schedule.js';

/** Logs that count, grouped by exercise and local date. */
export interface DailyWork {
  /** Keyed `exerciseId|date`. */
  readonly entries: ReadonlyMap<string, readonly ActivityLogEntry[]>;
  readonly timeZone: string;
}

export function logDate(entry: Pick<ActivityLogEntry, 'completedAt'>, timeZone: string): LocalDate {
  return cachedLocalDate(entry.completedAt, timeZone);
}

export function indexLogs(logs: readonly ActivityLogEntry[], timeZone: string): DailyWork {
  const entries = new Map<string, ActivityLogEntry[]>();
  for (const log of logs) {
    if (log.voided) continue;
    const key = `${log.exerciseId}|${logDate(log, timeZone)}`;
    const list = entries.get(key);
    if (list) list.push(log);
    else entries.set(key, [log]);
  }
  return { entries, timeZone };
}

/** Sets done on one date toward sessions of `sets` sets (each log is one session when sets are not prescribed). */
export function setsOn(work: DailyWork, exerciseId: string, date: LocalDate, sets: number | undefined): number {
  const logs = work.entries.get(`${exerciseId}|${date}`) ?? [];
  if (sets === undefined) return logs.length;
  return logs.reduce((sum, log) => sum + Math.min(log.completedSets ?? sets, sets), 0);
}

/** Whole sessions done on one date, before any cap. */
export function sessionsOn(work: DailyWork, exerciseId: string, date: LocalDate, sets: number | undefined): number {
  return Math.floor(setsOn(work, exerciseId, date, sets) / (sets ?? 1));
}

/** Sessions of the bucket that were done, never more than prescribed. */
export function bucketDone(bucket: SessionBucket, work: DailyWork): number {
  let done = 0;
  for (const date of bucket.dates) done += Math.min(bucket.perDay, sessionsOn(work, bucket.exerciseId, date, bucket.sets));
  return Math.min(done, bucket.quota);
}

/** True when any log that was not undone falls on `date`. */
export function hasAnyLogOn(work: DailyWork, date: LocalDate): boolean {
  for (const key of work.entries.keys()) if (key.endsWith(`|${date}`)) return true;
  return false;
}
