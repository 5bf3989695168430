/**
 * `@pxm/core/booking-display`: what a booking page shows once a patient is past the first screen:
 * slots grouped into days, a weekly series laid out, the hold countdown, address lines and map
 * links, calendar links and the .ics file. Apart from `@pxm/core/booking` because no backend
 * needs any of it: a page whose adapter reads `@pxm/core/booking` up front would otherwise load
 * all of this before the first render, though only the lazily loaded booking steps use it.
 */
export { distinctStarts, groupSlotsByDay, timeOfDayOf } from './slot-days.js';
export {
  MAX_SERIES_WEEKS,
  planSeries,
  seriesDates,
  type SeriesPlanInput,
  type SeriesVisit,
  type SeriesVisitStatus,
} from './series-plan.js';
export { countdownText, holdDeadline } from './hold-deadline.js';
export { googleCalendarUrl, outlookCalendarUrl, type CalendarLinkEvent } from './calendar-links.js';
export { appointmentIcs, type AppointmentCalendarEntry, type AppointmentIcsOptions } from './appointment-ics.js';
export { addressLine, mapLink } from './location-text.js';
// Also in `@pxm/core/booking` (backends enforce it): the review step says when a late fee applies.
export { DEFAULT_CHANGE_GRACE_MINUTES, startsInsideNoticeWindow } from './late-change.js';
