/**
 * Schedule expansion: the program's timeline turned into session buckets, the units adherence is
 * counted in. A fixed-day exercise (daily, or on set weekdays) has one bucket per due day holding
 * `timesPerDay` sessions. A flexible one (`daysPerWeek`) has one bucket per calendar week holding
 * `daysPerWeek x timesPerDay` sessions, to be done on any days of that week, at most
 * `timesPerDay` a day. Each bucket has a deadline: the due day, or the week's last active day.
 */
import { addDays, eachDate, weekdayOf, type LocalDate } from '../time/local-date.js';
import { frequencyKind } from './frequency.js';
import { addedByEditOn, isActiveDate, versionOn, type ProgramTimeline } from './timeline.js';
import { weekStartOf } from './week.js';

export interface SessionBucket {
  exerciseId: string;
  kind: 'day' | 'week';
  /** The local dates its sessions may be done on (one for a day bucket). */
  dates: LocalDate[];
  /** The last of `dates`: after it, undone sessions are missed. */
  deadline: LocalDate;
  /** Sessions prescribed. */
  quota: number;
  /** Most sessions that count on one day (`timesPerDay`). */
  perDay: number;
  /** Sets per session, when prescribed: logs of single sets add up to sessions. */
  sets: number | undefined;
  /** The program version that set this bucket. */
  version: number;
  /** First day of an exercise an edit added that day: counts only if done. */
  grace: boolean;
}

/** Every bucket touching `from`..`to` (local dates, both included); week buckets come whole. */
export function expandSchedule(timeline: ProgramTimeline, from: LocalDate, to: LocalDate): SessionBucket[] {
  const first = from < timeline.startDate ? timeline.startDate : from;
  const last = timeline.endDate !== undefined && to > timeline.endDate ? timeline.endDate : to;
  if (first > last) return [];
  const buckets: SessionBucket[] = [];
  // Flexible exercises need whole weeks, so walk from the Monday before to the Sunday after.
  const weekly = new Map<string, SessionBucket>();
  for (const date of eachDate(weekStartOf(first), addDays(weekStartOf(last), 6))) {
    if (!isActiveDate(timeline, date)) continue;
    const version = versionOn(timeline, date)!;
    const inRange = date >= first && date <= last;
    for (const exercise of version.exercises) {
      const { frequency } = exercise;
      const kind = frequencyKind(frequency);
      if (kind === 'flexible') {
        const key = `${exercise.id}|${weekStartOf(date)}`;
        const bucket = weekly.get(key);
        if (bucket) {
          bucket.dates.push(date);
          bucket.deadline = date;
          // The latest schedule in the week sets the target.
          bucket.perDay = frequency.timesPerDay;
          bucket.sets = exercise.sets;
          bucket.version = version.version;
          bucket.quota = frequency.timesPerDay * Math.min(frequency.daysPerWeek!, bucket.dates.length);
        } else {
          weekly.set(key, {
            exerciseId: exercise.id,
            kind: 'week',
            dates: [date],
            deadline: date,
            quota: frequency.timesPerDay,
            perDay: frequency.timesPerDay,
            sets: exercise.sets,
            version: version.version,
            grace: false,
          });
        }
        continue;
      }
      if (!inRange) continue;
      if (kind === 'weekdays' && !frequency.weekdays!.includes(weekdayOf(date))) continue;
      buckets.push({
        exerciseId: exercise.id,
        kind: 'day',
        dates: [date],
        deadline: date,
        quota: frequency.timesPerDay,
        perDay: frequency.timesPerDay,
        sets: exercise.sets,
        version: version.version,
        grace: addedByEditOn(timeline, date, exercise.id),
      });
    }
  }
  for (const bucket of weekly.values()) {
    if (bucket.deadline >= first && bucket.dates[0]! <= last) buckets.push(bucket);
  }
  return buckets;
}

/** The next date on or after `from` that has a fixed session of any exercise due, within `limitDays`. */
export function nextFixedDueDate(timeline: ProgramTimeline, from: LocalDate, limitDays = 14): LocalDate | undefined {
  for (let offset = 0; offset < limitDays; offset++) {
    const date = addDays(from, offset);
    if (timeline.endDate !== undefined && date > timeline.endDate) return undefined;
    if (expandSchedule(timeline, date, date).some((bucket) => bucket.kind === 'day')) return date;
  }
  return undefined;
}
