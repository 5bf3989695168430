/**
 * What the views need from the program and the logs, worked out once per change: every log as
 * the patient should see it, and the day's plan with the latest log per exercise and the streak.
 * Rendering must stay cheap with months of history, so each is kept until one of its inputs changes.
 */
import {
  cachedLocalDate,
  mergeLogs,
  programStreak,
  todayPlan,
  type ActivityLogEntry,
  type HepProgram,
  type Streak,
  type TodayPlan,
} from '@pxm/core/hep';
import { localDateIn } from '@pxm/core/time';

export interface HepDay {
  plan: TodayPlan;
  /** The latest log of today (not undone) per exercise. */
  latestToday: ReadonlyMap<string, ActivityLogEntry>;
  streak: Streak | undefined;
}

/** A function that remembers its last result and computes again only when the key changes. */
function rememberLast<A extends unknown[], R>(keyOf: (...args: A) => readonly unknown[], compute: (...args: A) => R): (...args: A) => R {
  let lastKey: readonly unknown[] | undefined;
  let last: R;
  return (...args) => {
    const key = keyOf(...args);
    if (!lastKey || key.length !== lastKey.length || key.some((part, index) => !Object.is(part, lastKey![index]))) {
      last = compute(...args);
      lastKey = key;
    }
    return last;
  };
}

/** Every log as the patient should see it: stored, still in the outbox, and made on this page. */
export function createLogMerger(): (stored: readonly ActivityLogEntry[], known: readonly ActivityLogEntry[], local: readonly ActivityLogEntry[]) => ActivityLogEntry[] {
  // The outbox lists a new array on each read: its length says whether something was added.
  return rememberLast(
    (stored, known, local) => [stored, known.length, local],
    (stored, known, local) => mergeLogs(stored, [...known, ...local]),
  );
}

/** The day's plan, latest logs and streak, for the program's own calendar day of `now`. */
export function createDayModel(): (program: HepProgram, logs: readonly ActivityLogEntry[], now: Date) => HepDay {
  return rememberLast(
    (program, logs, now) => [program, logs, localDateIn(now, program.timeZone)],
    (program, logs, now) => {
      const today = localDateIn(now, program.timeZone);
      const latestToday = new Map<string, ActivityLogEntry>();
      for (const log of logs) {
        if (!log.voided && cachedLocalDate(log.completedAt, program.timeZone) === today) latestToday.set(log.exerciseId, log);
      }
      const plan = todayPlan(program, logs, now);
      return { plan, latestToday, streak: plan.phase === 'active' ? programStreak(program, logs, now) : undefined };
    },
  );
}
