/**
 * How often a patient may be written to about reminders and care: at most one message a local
 * day and three in any seven days (healthcare messaging limits). A message over a cap is not
 * dropped but held to the first moment it fits.
 */
import { addDays, localDateIn, startOfLocalDay } from '@pxm/core/time';

export interface FrequencyCaps {
  perDay: number;
  perWeek: number;
}

export const DEFAULT_FREQUENCY_CAPS: FrequencyCaps = { perDay: 1, perWeek: 3 };

const WEEK_MS = 7 * 86_400_000;

/**
 * The first instant at or after `atMs` when one more message keeps within the caps, given the
 * instants of the messages already sent to this patient (any channel). Days are the patient's
 * local calendar days; the week is any seven days running.
 */
export function nextMomentWithinCaps(atMs: number, sentAtMs: readonly number[], timeZone: string, caps: FrequencyCaps = DEFAULT_FREQUENCY_CAPS): number {
  let candidate = atMs;
  // Each pass moves past one reason to wait; the caps are small, so few passes are needed.
  for (let pass = 0; pass < 64; pass++) {
    const day = localDateIn(candidate, timeZone);
    const dayStart = startOfLocalDay(day, timeZone).getTime();
    const nextDay = startOfLocalDay(addDays(day, 1), timeZone).getTime();
    const sameDay = sentAtMs.filter((sent) => sent >= dayStart && sent < nextDay);
    if (sameDay.length >= caps.perDay) {
      candidate = nextDay;
      continue;
    }
    const inWeek = sentAtMs.filter((sent) => sent > candidate - WEEK_MS && sent <= candidate).sort((a, b) => a - b);
    if (inWeek.length >= caps.perWeek) {
      // Wait until enough of the week's messages are more than seven days old.
      candidate = inWeek[inWeek.length - caps.perWeek]! + WEEK_MS + 1;
      continue;
    }
    return candidate;
  }
  throw new Error('The frequency caps leave no moment to send.');
}
