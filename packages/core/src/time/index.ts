/**
 * `@pxm/core/time`: calendar dates, times of day and instants in IANA zones (no Date arithmetic
 * in local time anywhere else), and their formatting.
 */
export {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  eachDate,
  firstOfMonth,
  isLocalDate,
  isLocalTime,
  minutesOfDay,
  parseLocalDate,
  parseLocalTime,
  timeFromMinutes,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from './local-date.js';
export {
  formatOffset,
  isValidTimeZone,
  localDateIn,
  localTimeIn,
  observesDst,
  offsetMinutes,
  resolveLocalTime,
  startOfLocalDay,
  toDate,
  toZonedIso,
  zonedParts,
  zonedTimeToInstant,
  type ResolvedLocalTime,
  type ZonedParts,
} from './zoned-time.js';
export { formatInZone, formatLocalDate, timeZoneName } from './format.js';
export { localDayClock, type LocalDayClock } from './day-clock.js';
