/** The chosen zone's days and their distinct opening times, shared by the shell and the time view. */
import type { Slot } from '@pxm/core/booking';
import { distinctStarts, groupSlotsByDay } from '@pxm/core/booking-display';

/** Each day's times, one per start when any provider will do (the current provider preferred). */
export function daySlots(slots: readonly Slot[] | undefined, zone: string, preferredProviderId?: string): Map<string, Slot[]> {
  const days = groupSlotsByDay(slots ?? [], zone);
  for (const [date, list] of days) days.set(date, distinctStarts(list, preferredProviderId));
  return days;
}
