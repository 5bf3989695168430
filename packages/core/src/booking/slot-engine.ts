/**
 * Free-slot generation. Working hours are wall-clock times in the location's zone, so a day's
 * slots are computed from that zone's offset on that day: 08:00 in Denver is 15:00Z in winter
 * and 14:00Z in summer, and a DST-change day is resolved slot by slot.
 */
import type { Slot } from '../schemas/booking.js';
import type { AppointmentType, Location, Provider } from '../schemas/practice.js';
import { eachDate, minutesOfDay, weekdayOf, type LocalDate } from '../time/local-date.js';
import { localDayClock } from '../time/day-clock.js';
import { localDateIn } from '../time/zoned-time.js';
import type { Closure, WorkingHours } from './schedule.js';
import { encodeSlotId } from './slot-id.js';

/** Time a provider cannot be booked: appointments (their buffer included) and live holds. */
export interface BusyInterval {
  providerId: string;
  startMs: number;
  endMs: number;
}

export interface SlotSearch {
  location: Location;
  appointmentType: AppointmentType;
  /** Candidates; those not at the location or not offering the type are skipped. */
  providers: readonly Provider[];
  workingHours: readonly WorkingHours[];
  closures: readonly Closure[];
  busy: readonly BusyInterval[];
  fromMs: number;
  toMs: number;
  nowMs: number;
  /** Earliest bookable start, counted from now. */
  minimumNoticeMinutes?: number;
  /** Spacing of start times within a working block. */
  slotIntervalMinutes?: number;
}

export const DEFAULT_SLOT_INTERVAL_MINUTES = 15;
export const DEFAULT_MINIMUM_NOTICE_MINUTES = 120;

interface Segment {
  startMinute: number;
  endMinute: number;
}

/** Working block minus its breaks, as minute-of-day segments. */
function segmentsOf(hours: WorkingHours): Segment[] {
  let segments: Segment[] = [{ startMinute: minutesOfDay(hours.start), endMinute: minutesOfDay(hours.end) }];
  for (const pause of hours.breaks ?? []) {
    const pauseStart = minutesOfDay(pause.start);
    const pauseEnd = minutesOfDay(pause.end);
    segments = segments.flatMap((segment) => {
      if (pauseEnd <= segment.startMinute || pauseStart >= segment.endMinute) return [segment];
      const pieces: Segment[] = [];
      if (pauseStart > segment.startMinute) pieces.push({ startMinute: segment.startMinute, endMinute: pauseStart });
      if (pauseEnd < segment.endMinute) pieces.push({ startMinute: pauseEnd, endMinute: segment.endMinute });
      return pieces;
    });
  }
  return segments.filter((segment) => segment.endMinute > segment.startMinute);
}

function isClosed(closures: readonly Closure[], date: LocalDate, locationId: string, providerId: string): boolean {
  return closures.some(
    (closure) =>
      closure.date === date &&
      (closure.locationId === undefined || closure.locationId === locationId) &&
      (closure.providerId === undefined || closure.providerId === providerId),
  );
}

export function generateSlots(search: SlotSearch): Slot[] {
  const { location, appointmentType } = search;
  const zone = location.timeZone;
  const interval = search.slotIntervalMinutes ?? DEFAULT_SLOT_INTERVAL_MINUTES;
  const earliest = Math.max(search.fromMs, search.nowMs + (search.minimumNoticeMinutes ?? DEFAULT_MINIMUM_NOTICE_MINUTES) * 60_000);
  if (search.toMs <= earliest) return [];
  if (appointmentType.locationIds && !appointmentType.locationIds.includes(location.id)) return [];

  const durationMs = appointmentType.durationMinutes * 60_000;
  const occupiedMs = (appointmentType.durationMinutes + appointmentType.bufferMinutes) * 60_000;
  const firstDate = localDateIn(earliest, zone);
  const lastDate = localDateIn(search.toMs - 1, zone);

  const providers = search.providers.filter(
    (provider) => provider.locationIds.includes(location.id) && provider.appointmentTypeIds.includes(appointmentType.id),
  );
  const found: Array<{ startMs: number; slot: Slot }> = [];

  for (const provider of providers) {
    const hours = search.workingHours.filter((h) => h.providerId === provider.id && h.locationId === location.id);
    if (hours.length === 0) continue;
    const busy = search.busy
      .filter((b) => b.providerId === provider.id && b.endMs > earliest && b.startMs < search.toMs + occupiedMs)
      .sort((a, b) => a.startMs - b.startMs);

    for (const date of eachDate(firstDate, lastDate)) {
      if (isClosed(search.closures, date, location.id, provider.id)) continue;
      const weekday = weekdayOf(date);
      const clock = localDayClock(date, zone);
      for (const block of hours) {
        if (block.weekday !== weekday) continue;
        for (const segment of segmentsOf(block)) {
          const segmentEnd = clock.instantOf(segment.endMinute) ?? Number.POSITIVE_INFINITY;
          for (let minute = segment.startMinute; minute + appointmentType.durationMinutes <= segment.endMinute; minute += interval) {
            const startMs = clock.instantOf(minute);
            if (startMs === undefined) continue;
            if (startMs < earliest || startMs >= search.toMs) continue;
            if (startMs + occupiedMs > segmentEnd) continue;
            const endOccupied = startMs + occupiedMs;
            if (busy.some((b) => startMs < b.endMs && endOccupied > b.startMs)) continue;
            found.push({
              startMs,
              slot: {
                id: encodeSlotId({ locationId: location.id, appointmentTypeId: appointmentType.id, providerId: provider.id, startMs }),
                locationId: location.id,
                providerId: provider.id,
                appointmentTypeId: appointmentType.id,
                start: clock.isoOf(startMs),
                end: clock.isoOf(startMs + durationMs),
              },
            });
          }
        }
      }
    }
  }
  found.sort((a, b) => a.startMs - b.startMs || (a.slot.providerId < b.slot.providerId ? -1 : 1));
  return found.map((entry) => entry.slot);
}
