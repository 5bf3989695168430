import { addDays, weekdayOf, type LocalDate } from '../time/local-date.js';

/** Monday of the ISO week that contains `date`: weeks are the patient's calendar weeks. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}
