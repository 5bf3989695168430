/** Checks a slot against the demo practice's schedule, in the location's own zone. */
import { localDateIn, localTimeIn, minutesOfDay, weekdayOf } from '@pxm/core/time';
import type { AppointmentType, Location, Slot } from '@pxm/core/booking';
import { demoBusyBlocks, demoClosures, demoWorkingHours } from '@pxm/core/demo';

/** Why the slot breaks the schedule, or undefined when it fits. */
export function scheduleViolation(slot: Slot, location: Location, type: AppointmentType): string | undefined {
  const zone = location.timeZone;
  const date = localDateIn(slot.start, zone);
  const startMinute = minutesOfDay(localTimeIn(slot.start, zone));
  const endMinute = startMinute + type.durationMinutes;
  const occupiedEnd = endMinute + type.bufferMinutes;
  if (Date.parse(slot.end) - Date.parse(slot.start) !== type.durationMinutes * 60_000) return 'wrong duration';
  if (demoClosures(Number(date.slice(0, 4))).some((closure) => closure.date === date)) return `offered on a closure day ${date}`;
  const blocks = demoWorkingHours.filter(
    (h) => h.providerId === slot.providerId && h.locationId === location.id && h.weekday === weekdayOf(date),
  );
  const inside = blocks.some(
    (h) =>
      startMinute >= minutesOfDay(h.start) &&
      occupiedEnd <= minutesOfDay(h.end) &&
      !(h.breaks ?? []).some((b) => startMinute < minutesOfDay(b.end) && occupiedEnd > minutesOfDay(b.start)),
  );
  if (!inside) return `outside working hours: ${slot.providerId} ${date} ${localTimeIn(slot.start, zone)} (${zone})`;
  const busy = demoBusyBlocks(slot.providerId, date, demoWorkingHours).some(
    (b) => startMinute < minutesOfDay(b.end) && occupiedEnd > minutesOfDay(b.start),
  );
  if (busy) return `overlaps an existing appointment: ${slot.providerId} ${date} ${localTimeIn(slot.start, zone)}`;
  return undefined;
}
