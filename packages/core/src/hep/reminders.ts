/**
 * Exercise reminders from the program's schedule: which weekdays and at what times, and the same
 * as an iCalendar file with one recurring event per time of day. Times are floating (08:00 stays
 * 08:00 wherever the patient travels). The calendar text is supplied by the caller, already in
 * the patient's language; the program's title is deliberately left out, since calendars are
 * often shared or synced to work accounts.
 */
import { buildIcs, type IcsEvent } from '../ics/ics.js';
import type { HepProgram } from '../schemas/hep.js';
import { addDays, minutesOfDay, timeFromMinutes, weekdayOf, type LocalDate, type LocalTime } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';
import { frequencyKind } from './frequency.js';

export interface ReminderPlan {
  /** ISO weekdays (1 = Monday) with something to do; all seven for daily or flexible exercises. */
  weekdays: number[];
  /** Local times of day, ascending. */
  times: LocalTime[];
  /** First day with a reminder (today or the program's start, on a scheduled weekday). */
  startDate: LocalDate;
  endDate: LocalDate | undefined;
}

/** Reminder times for up to four sessions a day; more than four reminders a day helps nobody. */
const DEFAULT_TIMES: Record<number, LocalTime[]> = {
  1: ['09:00'],
  2: ['09:00', '18:00'],
  3: ['09:00', '13:00', '18:00'],
  4: ['08:00', '12:00', '16:00', '20:00'],
};

export const MAX_DAILY_REMINDERS = 4;

/** The reminder schedule, or undefined when nothing is left to remind about (no exercises, program over). */
export function reminderPlan(program: HepProgram, now: Date | string, times?: readonly LocalTime[]): ReminderPlan | undefined {
  if (program.exercises.length === 0) return undefined;
  const today = localDateIn(now, program.timeZone);
  if (program.endDate !== undefined && program.endDate < today) return undefined;
  const days = new Set<number>();
  for (const exercise of program.exercises) {
    const kind = frequencyKind(exercise.frequency);
    if (kind === 'weekdays') for (const day of exercise.frequency.weekdays!) days.add(day);
    else for (let day = 1; day <= 7; day++) days.add(day);
  }
  const weekdays = [...days].sort((a, b) => a - b);
  const perDay = Math.min(MAX_DAILY_REMINDERS, Math.max(...program.exercises.map((exercise) => exercise.frequency.timesPerDay)));
  const chosen = times && times.length > 0 ? [...new Set(times)].sort() : DEFAULT_TIMES[perDay]!;
  let startDate = program.startDate > today ? program.startDate : today;
  for (let i = 0; i < 7 && !weekdays.includes(weekdayOf(startDate)); i++) startDate = addDays(startDate, 1);
  if (program.endDate !== undefined && startDate > program.endDate) return undefined;
  return { weekdays, times: chosen.slice(0, MAX_DAILY_REMINDERS), startDate, endDate: program.endDate };
}

export interface ReminderText {
  summary: string;
  description?: string;
}

/** Minutes each reminder event lasts in the calendar. */
const EVENT_MINUTES = 15;

export function buildReminderIcs(program: Pick<HepProgram, 'id' | 'version'>, plan: ReminderPlan, text: ReminderText, stamp?: Date): string {
  const daily = plan.weekdays.length === 7;
  const events: IcsEvent[] = plan.times.map((time, index) => {
    const endMinutes = minutesOfDay(time) + EVENT_MINUTES;
    const endDate = endMinutes >= 24 * 60 ? addDays(plan.startDate, 1) : plan.startDate;
    return {
      uid: `hep-${program.id}-v${program.version}-${index + 1}@pxm-elements`,
      start: { local: `${plan.startDate}T${time}` },
      end: { local: `${endDate}T${timeFromMinutes(endMinutes % (24 * 60))}` },
      summary: text.summary,
      ...(text.description ? { description: text.description } : {}),
      recurrence: {
        freq: daily ? 'DAILY' : 'WEEKLY',
        ...(daily ? {} : { byWeekday: plan.weekdays }),
        ...(plan.endDate ? { until: plan.endDate } : {}),
      },
      alarmMinutesBefore: 0,
    };
  });
  return buildIcs({ events, ...(stamp ? { stamp } : {}) });
}
