/**
 * When reminders go out. Offsets that are whole days are counted on the location's calendar
 * (the same wall-clock time the day before, even across a DST change); others are elapsed time.
 */
import { addDays, localDateIn, localDayClock, minutesOfDay, localTimeIn } from '@pxm/core/time';

export interface ReminderPolicy {
  /** Minutes before the visit; default 2 days and 2 hours. */
  offsetsMinutes: readonly number[];
}

export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [2 * 24 * 60, 2 * 60];

export interface DueReminder {
  offsetMinutes: number;
  dueAtMs: number;
}

export function reminderDueTimes(startMs: number, timeZone: string, policy: ReminderPolicy, nowMs: number): DueReminder[] {
  const due: DueReminder[] = [];
  for (const offsetMinutes of policy.offsetsMinutes) {
    let dueAtMs = startMs - offsetMinutes * 60_000;
    if (offsetMinutes > 0 && offsetMinutes % (24 * 60) === 0) {
      const date = addDays(localDateIn(startMs, timeZone), -offsetMinutes / (24 * 60));
      const wallClock = localDayClock(date, timeZone).instantOf(minutesOfDay(localTimeIn(startMs, timeZone)));
      // A wall time that does not exist that day (DST gap) falls back to elapsed time.
      if (wallClock !== undefined) dueAtMs = wallClock;
    }
    // A reminder whose moment has passed (a visit booked at short notice) is not sent late.
    if (dueAtMs > nowMs && dueAtMs < startMs) due.push({ offsetMinutes, dueAtMs });
  }
  return due;
}
