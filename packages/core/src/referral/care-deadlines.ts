import { addDays, daysBetween, type LocalDate } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';

/**
 * The plan of care goes to the referrer within 30 days of the first visit, and the plan is
 * recertified at least every 90 days. Both count calendar days in the clinic's zone: the first
 * visit's local date is day 0, so a DST change in between moves no deadline by a day.
 */
export const PLAN_OF_CARE_TRANSMISSION_DAYS = 30;
export const RECERTIFICATION_DAYS = 90;

/** The last local date on which the plan of care may go out. */
export function planOfCareTransmissionDueOn(firstVisitAt: Date | string | number, timeZone: string): LocalDate {
  return addDays(localDateIn(firstVisitAt, timeZone), PLAN_OF_CARE_TRANSMISSION_DAYS);
}

/**
 * True when the deadline passed without a transmission on or before it: `transmittedAt` is the
 * first plan of care sent (undefined when none was), `now` the clock's instant.
 */
export function isPlanOfCareTransmissionLate(
  input: { firstVisitAt: Date | string | number; transmittedAt?: Date | string | number | undefined },
  now: Date,
  timeZone: string,
): boolean {
  const dueOn = planOfCareTransmissionDueOn(input.firstVisitAt, timeZone);
  const reference = input.transmittedAt ?? now;
  return localDateIn(reference, timeZone) > dueOn;
}

/** The local date a plan certified on `certifiedOn` must be recertified by. */
export function recertificationDueOn(certifiedOn: LocalDate): LocalDate {
  return addDays(certifiedOn, RECERTIFICATION_DAYS);
}

/** Days from today (in the clinic's zone) to the recertification date; negative once it has passed. */
export function daysUntilRecertification(certifiedOn: LocalDate, now: Date, timeZone: string): number {
  return daysBetween(localDateIn(now, timeZone), recertificationDueOn(certifiedOn));
}
