/** What a prescribed frequency means for one day. */
import type { Frequency } from '../schemas/hep.js';

/**
 * `daily`: every day. `weekdays`: on the listed ISO weekdays. `flexible`: on any `daysPerWeek`
 * days of each week, chosen by the patient.
 */
export type FrequencyKind = 'daily' | 'weekdays' | 'flexible';

export function frequencyKind(frequency: Frequency): FrequencyKind {
  if (frequency.weekdays && frequency.weekdays.length > 0) return 'weekdays';
  // Seven days a week leaves nothing to choose: it is every day.
  if (frequency.daysPerWeek !== undefined && frequency.daysPerWeek < 7) return 'flexible';
  return 'daily';
}

/** True when a fixed-day frequency falls on `weekday` (1 = Monday). Flexible ones are never fixed. */
export function isFixedDay(frequency: Frequency, weekday: number): boolean {
  const kind = frequencyKind(frequency);
  if (kind === 'daily') return true;
  if (kind === 'weekdays') return frequency.weekdays!.includes(weekday);
  return false;
}
