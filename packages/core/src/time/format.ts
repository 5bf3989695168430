/** Locale-aware display of instants in an explicit zone (never the browser's own zone). */
import { toDate } from './zoned-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatInZone(
  instant: Date | string | number,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return formatter(locale, { ...options, timeZone }).format(toDate(instant));
}

/** The zone's name at that instant, e.g. `MST`/`MDT` (short) or `Mountain Standard Time` (long). */
export function timeZoneName(
  instant: Date | string | number,
  timeZone: string,
  locale: string,
  style: 'short' | 'long' = 'short',
): string {
  const parts = formatter(locale, { timeZone, timeZoneName: style }).formatToParts(toDate(instant));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** A local date (`YYYY-MM-DD`) for display; formatted at UTC noon so no zone can shift the day. */
export function formatLocalDate(date: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return formatter(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
