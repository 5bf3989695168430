/**
 * Slots arranged the way a patient reads them: by local day in the zone they are shown in,
 * one entry per start time when any provider will do, and by part of the day.
 */
import type { Slot } from '../schemas/booking.js';
import type { TimeOfDay } from '../schemas/booking.js';
import { localDateIn, localTimeIn } from '../time/zoned-time.js';
import type { LocalDate } from '../time/local-date.js';

/** Slots by local date in `timeZone`; each day's list keeps the input order (sorted by start). */
export function groupSlotsByDay(slots: readonly Slot[], timeZone: string): Map<LocalDate, Slot[]> {
  const days = new Map<LocalDate, Slot[]>();
  for (const slot of slots) {
    const date = localDateIn(slot.start, timeZone);
    const list = days.get(date);
    if (list) list.push(slot);
    else days.set(date, [slot]);
  }
  return days;
}

/**
 * One slot per start instant, for "first available": the preferred provider's when they are
 * free then, otherwise the first in the list.
 */
export function distinctStarts(slots: readonly Slot[], preferredProviderId?: string): Slot[] {
  const byStart = new Map<number, Slot>();
  for (const slot of slots) {
    const key = Date.parse(slot.start);
    const current = byStart.get(key);
    if (!current || (preferredProviderId && slot.providerId === preferredProviderId && current.providerId !== preferredProviderId)) {
      byStart.set(key, slot);
    }
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
}

/** Morning before noon, afternoon until 17:00, evening after. */
export function timeOfDayOf(instant: string, timeZone: string): TimeOfDay {
  const hour = Number(localTimeIn(instant, timeZone).slice(0, 2));
  if (hour < 12) return 'morning';
  return hour < 17 ? 'afternoon' : 'evening';
}
