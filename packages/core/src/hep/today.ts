/**
 * What is due today, exercise by exercise, and how far the patient has got. Fixed-day exercises
 * are due on their days; a flexible one (`daysPerWeek`) is due on any day until the week's target
 * is met, and stays listed on a day it was done.
 */
import type { ActivityLogEntry, HepProgram } from '../schemas/hep.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';
import { bucketDone, indexLogs, sessionsOn, setsOn } from './completion.js';
import { expandSchedule, nextFixedDueDate, type SessionBucket } from './schedule.js';
import { programTimeline } from './timeline.js';

export interface TodayItem {
  exerciseId: string;
  kind: 'day' | 'week';
  /** Sessions that make today complete (timesPerDay). */
  perDay: number;
  /** Whole sessions done today (may exceed `perDay` if the patient did extra). */
  sessionsToday: number;
  /** Sets done toward the session in progress (per-set logging), 0 when none is in progress. */
  setsInProgress: number;
  /** For flexible exercises: sessions done this week and the week's target. */
  weekDone?: number;
  weekQuota?: number;
  /** Today's part is done: all sessions today, or the week's target is met. */
  complete: boolean;
}

export type ProgramPhase = 'not-started' | 'active' | 'ended';

export interface TodayPlan {
  today: LocalDate;
  phase: ProgramPhase;
  /** Exercises to show under Today, in program order. */
  items: TodayItem[];
  /** Exercises of the current program that are not due today (rest day, week target met). */
  notDueIds: string[];
  /** Before the start, the start date; when nothing fixed is due today, the next day something is (within two weeks). */
  nextDueDate: LocalDate | undefined;
}

export function todayPlan(program: HepProgram, logs: readonly ActivityLogEntry[], now: Date | string): TodayPlan {
  const timeline = programTimeline(program);
  const today = localDateIn(now, program.timeZone);
  const work = indexLogs(logs, program.timeZone);
  const phase: ProgramPhase =
    today < program.startDate ? 'not-started' : program.endDate !== undefined && today > program.endDate ? 'ended' : 'active';
  const buckets = phase === 'active' ? expandSchedule(timeline, today, today) : [];
  const byExercise = new Map<string, SessionBucket>(buckets.map((bucket) => [bucket.exerciseId, bucket]));
  const items: TodayItem[] = [];
  const notDueIds: string[] = [];
  for (const exercise of program.exercises) {
    const bucket = byExercise.get(exercise.id);
    const sets = exercise.dosage.sets;
    const sessionsToday = sessionsOn(work, exercise.id, today, sets);
    const setsInProgress = sets === undefined ? 0 : setsOn(work, exercise.id, today, sets) % sets;
    if (!bucket) {
      notDueIds.push(exercise.id);
      continue;
    }
    const perDay = exercise.frequency.timesPerDay;
    if (bucket.kind === 'week') {
      const weekDone = bucketDone(bucket, work);
      const weekMet = weekDone >= bucket.quota;
      if (weekMet && sessionsToday === 0 && setsInProgress === 0) {
        notDueIds.push(exercise.id);
        continue;
      }
      items.push({
        exerciseId: exercise.id,
        kind: 'week',
        perDay,
        sessionsToday,
        setsInProgress,
        weekDone,
        weekQuota: bucket.quota,
        complete: weekMet || sessionsToday >= perDay,
      });
      continue;
    }
    items.push({ exerciseId: exercise.id, kind: 'day', perDay, sessionsToday, setsInProgress, complete: sessionsToday >= perDay });
  }
  let nextDueDate: LocalDate | undefined;
  if (phase === 'not-started') nextDueDate = program.startDate;
  else if (phase === 'active' && !items.some((item) => item.kind === 'day')) nextDueDate = nextFixedDueDate(timeline, addDays(today, 1));
  return { today, phase, items, notDueIds, nextDueDate };
}
