/**
 * The `.ics` file a patient downloads after booking: one VEVENT per visit (a plan-of-care series
 * is several), times in UTC, a reminder an hour before, and a stable UID per appointment so
 * importing the file again updates the visit instead of duplicating it.
 */
import { buildIcs } from '../ics/ics.js';

export interface AppointmentCalendarEntry {
  appointmentId: string;
  /** Instants with an offset. */
  start: string;
  end: string;
  title: string;
  location?: string;
  description?: string;
  /** Where the patient can view, reschedule or cancel. */
  manageUrl?: string;
}

export interface AppointmentIcsOptions {
  calendarName?: string;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
  /** Minutes before each visit for a reminder; 0 or less for none. Default 60. */
  alarmMinutesBefore?: number;
}

export function appointmentIcs(entries: readonly AppointmentCalendarEntry[], options: AppointmentIcsOptions = {}): string {
  const alarm = options.alarmMinutesBefore ?? 60;
  return buildIcs({
    ...(options.calendarName ? { name: options.calendarName } : {}),
    ...(options.stamp ? { stamp: options.stamp } : {}),
    events: entries.map((entry) => ({
      uid: `${entry.appointmentId}@pxm-elements`,
      start: entry.start,
      end: entry.end,
      summary: entry.title,
      ...(entry.location ? { location: entry.location } : {}),
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.manageUrl ? { url: entry.manageUrl } : {}),
      ...(alarm > 0 ? { alarmMinutesBefore: alarm } : {}),
    })),
  });
}
