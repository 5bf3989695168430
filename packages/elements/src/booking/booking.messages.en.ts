/** English wording of `<pxm-booking>` (namespace `booking`) for choosing a visit and a time; the later steps bring their own. */
import type { BookingBenefitsMessages } from './booking-benefits.messages.en.js';
import type { BookingFlowMessages } from './booking-flow.messages.en.js';
import type { BookingPickMessages } from './booking-pick.messages.en.js';
const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

export const bookingEn = {
  title_choose: 'Book a visit',
  title_time: 'Pick a time',
  title_series: 'Book a series of visits',
  title_details: 'Your details',
  title_review: 'Review and confirm',
  title_moveReview: 'Confirm your new time',
  title_moveTime: 'Reschedule your visit',
  title_booked: 'You’re booked',
  title_rescheduled: 'Your visit has moved',
  title_cancelled: 'Your visit is cancelled',
  title_waitlisted: 'You’re on the waitlist',
  title_manage: 'Your appointment',
  title_cancel: 'Cancel your appointment',
  title_waitlist: 'Join the waitlist',
  stepOf: (step: number, of: number) => `Step ${step} of ${of}`,
  loadingPractice: 'Loading available visits…',
  loadingVisit: 'Loading your appointment…',
  kindQuestion: 'Have you been to our clinic before?',
  kindNew: 'No, this is my first visit',
  kindReturning: 'Yes, I’m a returning patient',
  mapLink: 'Map and directions',
  newWindow: '(opens in a new window)',
  minutes: (count: number) => `${count} min`,
  anyProvider: 'First available',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  timesOn: (count: number, day: string) => `${count} ${plural(count, 'time', 'times')} available on ${day}`,
  noTimesDay: 'No openings on this day. Pick a highlighted day.',
  noTimesAtAll: 'There are no openings in the coming months. Join the waitlist and we will contact you.',
  joinWaitlist: 'Join the waitlist',
  slotTaken: 'Sorry, that time was just taken. Here are the times still open that day.',
  heldAnnounce: (what: string) => `${what} is held for you for a few minutes.`,
  errRequired: 'Please fill this in.',
  fixErrors: (count: number) => `${count} ${plural(count, 'field needs', 'fields need')} your attention.`,
  videoVisit: 'Video visit (you will get a link)',
  bookNew: 'Book a new visit',
  manageExpired: 'This link has expired because the visit has already taken place. To come again, book a new visit.',
  manageConflict: 'This appointment was changed or cancelled in the meantime, so it can no longer be moved.',
};

/** Every key of the namespace: these plus the ones loaded with the step views. */
export type BookingCoreMessages = typeof bookingEn;
export type BookingMessages = BookingCoreMessages & BookingPickMessages & BookingFlowMessages & BookingBenefitsMessages;

