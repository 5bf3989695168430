/**
 * "Add to calendar" links for Google Calendar and Outlook. Both take UTC instants, so the visit
 * lands at the right moment whatever zone the patient's calendar is in. Callers put only what a
 * calendar needs in them (a title, the address): these URLs leave the page, so no health details.
 */
import { utcStamp } from '../ics/ics.js';

/** A visit as the calendar links carry it: only what a calendar needs, nothing about health. */
export interface CalendarLinkEvent {
  title: string;
  /** Instants with an offset, e.g. `2027-03-16T09:00:00-06:00`. */
  start: string;
  end: string;
  location?: string;
  details?: string;
  /** IANA zone the event is shown in by Google (display only). */
  timeZone?: string;
}

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

export function googleCalendarUrl(event: CalendarLinkEvent): string {
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${utcStamp(event.start)}/${utcStamp(event.end)}`,
    location: event.location,
    details: event.details,
    ctz: event.timeZone,
  })}`;
}

export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  return `https://outlook.live.com/calendar/0/action/compose?${query({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: new Date(event.start).toISOString(),
    enddt: new Date(event.end).toISOString(),
    location: event.location,
    body: event.details,
  })}`;
}
