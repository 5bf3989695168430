/**
 * iCalendar (RFC 5545) writer: CRLF line ends, lines folded at 75 octets, text escaped.
 * Events take either an instant (written in UTC) or a floating local time, which stays at the
 * same wall-clock time wherever the reader is (right for "do your exercises at 08:00").
 */

export interface IcsRecurrence {
  freq: 'DAILY' | 'WEEKLY';
  /** ISO weekdays 1-7 for WEEKLY. */
  byWeekday?: number[];
  interval?: number;
  /** Last occurrence, inclusive (local date `YYYY-MM-DD`). */
  until?: string;
  count?: number;
}

export interface IcsEvent {
  uid: string;
  /** An instant (Date or ISO with offset), or a floating local `YYYY-MM-DDTHH:MM`. */
  start: Date | string | { local: string };
  end: Date | string | { local: string };
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  recurrence?: IcsRecurrence;
  /** Minutes before start for a display alarm. */
  alarmMinutesBefore?: number;
}

export interface IcsCalendar {
  productId?: string;
  name?: string;
  events: IcsEvent[];
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

const ICS_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line so no physical line exceeds 75 octets (UTF-8), never splitting a character. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
    if (currentBytes + bytes > limit) {
      pieces.push(current);
      current = '';
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** An instant in iCalendar's basic UTC form, `20270316T150000Z` (calendar links take it too). */
export function utcStamp(instant: Date | string): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function dateTimeProperty(name: string, value: IcsEvent['start']): string {
  if (isFloating(value)) {
    const compact = value.local.replace(/[-:]/g, '');
    return `${name}:${compact.length === 13 ? `${compact}00` : compact}`;
  }
  return `${name}:${utcStamp(value)}`;
}

function isFloating(value: IcsEvent['start']): value is { local: string } {
  return typeof value === 'object' && !(value instanceof Date);
}

/** UNTIL must match DTSTART's form: floating with floating, UTC (`Z`) with UTC. */
function recurrenceRule(rule: IcsRecurrence, floating: boolean): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval && rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byWeekday?.length) parts.push(`BYDAY=${rule.byWeekday.map((d) => ICS_WEEKDAYS[d - 1]).join(',')}`);
  if (rule.until) parts.push(`UNTIL=${rule.until.replace(/-/g, '')}T235959${floating ? '' : 'Z'}`);
  else if (rule.count) parts.push(`COUNT=${rule.count}`);
  return `RRULE:${parts.join(';')}`;
}

export function buildIcs(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.stamp ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId ?? '-//PXM Elements//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeIcsText(calendar.name)}`);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeIcsText(event.uid)}`, `DTSTAMP:${stamp}`);
    lines.push(dateTimeProperty('DTSTART', event.start), dateTimeProperty('DTEND', event.end));
    lines.push(`SUMMARY:${escapeIcsText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.recurrence) lines.push(recurrenceRule(event.recurrence, isFloating(event.start)));
    if (event.alarmMinutesBefore !== undefined) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(event.summary)}`);
      lines.push(`TRIGGER:-PT${Math.max(0, Math.round(event.alarmMinutesBefore))}M`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
