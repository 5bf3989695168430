/**
 * Plan-of-care series: "twice a week for six weeks, Tuesdays and Thursdays at 8:00". Proposes
 * one visit per chosen weekday over the weeks, at the patient's usual time; where that time is
 * taken it reports the conflict with the nearest alternatives (same day first, then a nearby
 * day of the same week that is not already a visit day). Wall-clock times are the clinic's, so
 * a series that crosses a DST change keeps its 8:00.
 */
import type { Slot } from '../schemas/booking.js';
import { addDays, minutesOfDay, weekdayOf, type LocalDate, type LocalTime } from '../time/local-date.js';
import { localTimeIn } from '../time/zoned-time.js';
import { distinctStarts, groupSlotsByDay } from './slot-days.js';

export interface SeriesPlanInput {
  /** Free slots covering the whole series range (any providers). */
  slots: readonly Slot[];
  /** The clinic's zone: weekdays and times are read on its wall clock. */
  timeZone: string;
  /** First date a visit may fall on. */
  startDate: LocalDate;
  weeks: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays: readonly number[];
  /** The usual visit time, `HH:MM` in the clinic's zone. */
  preferredTime: LocalTime;
  /** Keep the same therapist where possible. */
  preferredProviderId?: string;
  /** Alternatives offered per conflict. Default 3. */
  maxAlternatives?: number;
}

export type SeriesVisitStatus = 'proposed' | 'conflict' | 'unavailable';

export interface SeriesVisit {
  /** The date the visit was meant for. */
  date: LocalDate;
  status: SeriesVisitStatus;
  /** The slot at the usual time, when free. */
  slot?: Slot;
  /** Nearest free times when the usual one is taken, best first. */
  alternatives: Slot[];
}

export const MAX_SERIES_WEEKS = 26;

/** The visit dates: each chosen weekday in `weeks` weeks from `startDate` on. */
export function seriesDates(startDate: LocalDate, weeks: number, weekdays: readonly number[]): LocalDate[] {
  const wanted = new Set(weekdays);
  const dates: LocalDate[] = [];
  for (let offset = 0; offset < Math.min(weeks, MAX_SERIES_WEEKS) * 7; offset++) {
    const date = addDays(startDate, offset);
    if (wanted.has(weekdayOf(date))) dates.push(date);
  }
  return dates;
}

export function planSeries(input: SeriesPlanInput): SeriesVisit[] {
  const { timeZone, preferredProviderId } = input;
  const maxAlternatives = input.maxAlternatives ?? 3;
  const target = minutesOfDay(input.preferredTime);
  const days = groupSlotsByDay(input.slots, timeZone);
  const dates = seriesDates(input.startDate, input.weeks, input.weekdays);
  const visitDays = new Set(dates);
  const minuteOf = (slot: Slot) => minutesOfDay(localTimeIn(slot.start, timeZone));
  const byCloseness = (list: Slot[]) =>
    distinctStarts(list, preferredProviderId).sort((a, b) => Math.abs(minuteOf(a) - target) - Math.abs(minuteOf(b) - target));

  return dates.map((date): SeriesVisit => {
    const sameDay = days.get(date) ?? [];
    const atTime = sameDay.filter((slot) => minuteOf(slot) === target);
    if (atTime.length > 0) {
      const slot = atTime.find((s) => s.providerId === preferredProviderId) ?? atTime[0]!;
      return { date, status: 'proposed', slot, alternatives: [] };
    }
    const alternatives = byCloseness(sameDay).slice(0, maxAlternatives);
    // Then the nearest other days of the same week (Monday to Saturday) that are not visit days.
    for (const shift of [1, -1, 2, -2]) {
      if (alternatives.length >= maxAlternatives) break;
      const other = addDays(date, shift);
      if (visitDays.has(other) || other < input.startDate || weekdayOf(other) === 7) continue;
      if (Math.abs(weekdayOf(other) - weekdayOf(date)) !== Math.abs(shift)) continue; // stay in the same week
      alternatives.push(...byCloseness(days.get(other) ?? []).slice(0, maxAlternatives - alternatives.length));
    }
    return { date, status: alternatives.length > 0 ? 'conflict' : 'unavailable', alternatives };
  });
}
