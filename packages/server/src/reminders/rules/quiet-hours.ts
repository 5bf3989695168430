/**
 * Quiet hours: no message reaches a patient at night. The window is read on the patient's own
 * wall clock when their zone is known, else the clinic's, so it holds across a DST change.
 */
import { addDays, localDateIn, localDayClock, localTimeIn, minutesOfDay } from '@pxm/core/time';

export interface SendingWindow {
  /** Minute of the local day from which messages may go out. Default 8:00. */
  startMinute: number;
  /** Minute of the local day from which they may not. Default 21:00. */
  endMinute: number;
}

export const DEFAULT_SENDING_WINDOW: SendingWindow = { startMinute: 8 * 60, endMinute: 21 * 60 };

/** The patient's zone when known, else the clinic's. */
export function recipientTimeZone(patientTimeZone: string | undefined, clinicTimeZone: string): string {
  return patientTimeZone || clinicTimeZone;
}

/** The first instant at or after `atMs` inside the sending window of `timeZone`. */
export function nextSendingMoment(atMs: number, timeZone: string, window: SendingWindow = DEFAULT_SENDING_WINDOW): number {
  const minute = minutesOfDay(localTimeIn(atMs, timeZone));
  if (minute >= window.startMinute && minute < window.endMinute) return atMs;
  const today = localDateIn(atMs, timeZone);
  const day = minute < window.startMinute ? today : addDays(today, 1);
  // The window's start exists every day in practice (DST changes happen at night); if a zone
  // ever skipped it, the next whole hour that exists is taken.
  for (let minuteOfDay = window.startMinute; minuteOfDay < window.endMinute; minuteOfDay += 60) {
    const instant = localDayClock(day, timeZone).instantOf(minuteOfDay);
    if (instant !== undefined) return instant;
  }
  throw new Error(`No sending moment on ${day} in ${timeZone}.`);
}

export function withinSendingWindow(atMs: number, timeZone: string, window: SendingWindow = DEFAULT_SENDING_WINDOW): boolean {
  return nextSendingMoment(atMs, timeZone, window) === atMs;
}
