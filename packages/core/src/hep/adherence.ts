/**
 * Adherence: sessions completed over sessions prescribed, from the schedule in effect on each
 * day (so a program edit changes what counts from the day it was published, never before).
 *
 * A bucket whose deadline has passed counts in full: its undone sessions are missed. A bucket
 * still open (due today, or a flexible week not over yet) and a grace bucket count only what was
 * done, so the figure never drops merely because the day is not over.
 */
import type { ActivityLogEntry, HepProgram } from '../schemas/hep.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';
import { bucketDone, indexLogs, type DailyWork } from './completion.js';
import { expandSchedule } from './schedule.js';
import { programTimeline, type ProgramTimeline } from './timeline.js';
import { weekStartOf } from './week.js';

export interface AdherenceFigure {
  completed: number;
  prescribed: number;
  /** completed / prescribed, 0-1; null when nothing was prescribed yet. */
  rate: number | null;
}

export interface WeeklyAdherence extends AdherenceFigure {
  /** Monday of the week. */
  weekStart: LocalDate;
  /** The part of the week inside the program, up to today. */
  from: LocalDate;
  to: LocalDate;
}

export interface AdherenceSummary {
  today: LocalDate;
  last7Days: AdherenceFigure;
  last28Days: AdherenceFigure;
  wholeProgram: AdherenceFigure;
  /** One entry per calendar week of the program so far, oldest first. */
  weeks: WeeklyAdherence[];
}

function figure(completed: number, prescribed: number): AdherenceFigure {
  return { completed, prescribed, rate: prescribed > 0 ? completed / prescribed : null };
}

/** Adherence over `from`..`to` (local dates, both included) as it stands on `today`. */
export function adherenceBetween(
  timeline: ProgramTimeline,
  work: DailyWork,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
): AdherenceFigure {
  const last = to > today ? today : to;
  let completed = 0;
  let prescribed = 0;
  for (const bucket of expandSchedule(timeline, from, last)) {
    const open = bucket.grace || bucket.deadline >= today;
    const done = bucketDone(bucket, work);
    if (open) {
      // Counted where its done sessions fall: any of its dates inside the window so far.
      if (!bucket.dates.some((date) => date >= from && date <= last)) continue;
      completed += done;
      prescribed += done;
    } else {
      if (bucket.deadline < from || bucket.deadline > last) continue;
      completed += done;
      prescribed += bucket.quota;
    }
  }
  return figure(completed, prescribed);
}

/** The figures a patient sees: last 7 days, last 28 days, the whole program, and week by week. */
export function summarizeAdherence(
  program: HepProgram,
  logs: readonly ActivityLogEntry[],
  now: Date | string,
): AdherenceSummary {
  const timeline = programTimeline(program);
  const work = indexLogs(logs, program.timeZone);
  const today = localDateIn(now, program.timeZone);
  const last = timeline.endDate !== undefined && timeline.endDate < today ? timeline.endDate : today;
  const weeks: WeeklyAdherence[] = [];
  if (timeline.startDate <= last) {
    for (let weekStart = weekStartOf(timeline.startDate); weekStart <= last; weekStart = addDays(weekStart, 7)) {
      const from = weekStart < timeline.startDate ? timeline.startDate : weekStart;
      const weekEnd = addDays(weekStart, 6);
      const to = weekEnd > last ? last : weekEnd;
      weeks.push({ weekStart, from, to, ...adherenceBetween(timeline, work, from, to, today) });
    }
  }
  return {
    today,
    last7Days: adherenceBetween(timeline, work, addDays(today, -6), today, today),
    last28Days: adherenceBetween(timeline, work, addDays(today, -27), today, today),
    wholeProgram: adherenceBetween(timeline, work, timeline.startDate, today, today),
    weeks,
  };
}
