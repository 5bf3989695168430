/**
 * The streak: days in a row on which the patient did everything due that day. Days with nothing
 * due and nothing done are rest days: they neither extend nor break a streak. A day with only
 * flexible (any-day) work done counts. Today extends the streak once complete and never breaks it.
 */
import type { ActivityLogEntry, HepProgram } from '../schemas/hep.js';
import { eachDate, type LocalDate } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';
import { bucketDone, hasAnyLogOn, indexLogs, type DailyWork } from './completion.js';
import { expandSchedule } from './schedule.js';
import { programTimeline, type ProgramTimeline } from './timeline.js';

export interface Streak {
  /** The run that reaches today (or the last day before today that was not a rest day). */
  current: number;
  best: number;
}

export function computeStreak(timeline: ProgramTimeline, work: DailyWork, today: LocalDate): Streak {
  const last = timeline.endDate !== undefined && timeline.endDate < today ? timeline.endDate : today;
  if (timeline.startDate > last) return { current: 0, best: 0 };
  const fixedByDate = new Map<LocalDate, ReturnType<typeof expandSchedule>>();
  for (const bucket of expandSchedule(timeline, timeline.startDate, last)) {
    if (bucket.kind !== 'day' || bucket.grace) continue;
    const list = fixedByDate.get(bucket.deadline);
    if (list) list.push(bucket);
    else fixedByDate.set(bucket.deadline, [bucket]);
  }
  let run = 0;
  let best = 0;
  for (const date of eachDate(timeline.startDate, last)) {
    const due = fixedByDate.get(date) ?? [];
    const didSomething = hasAnyLogOn(work, date);
    if (due.length === 0 && !didSomething) continue;
    const complete = due.every((bucket) => bucketDone(bucket, work) >= bucket.quota);
    if (complete) {
      run += 1;
      best = Math.max(best, run);
    } else if (date !== today) {
      run = 0;
    }
  }
  return { current: run, best };
}

/** The streak for a program as it stands at `now`. */
export function programStreak(program: HepProgram, logs: readonly ActivityLogEntry[], now: Date | string): Streak {
  return computeStreak(programTimeline(program), indexLogs(logs, program.timeZone), localDateIn(now, program.timeZone));
}
