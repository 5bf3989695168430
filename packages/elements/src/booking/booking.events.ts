/**
 * Events of `<pxm-booking>`. All bubble and cross shadow roots. Details carry ids, instants and
 * the IANA zone only: never names, contact details, reasons or insurance.
 */

/** One booked visit, as events describe it. */
export interface BookingVisitDetail {
  appointmentId: string;
  locationId: string;
  providerId: string;
  appointmentTypeId: string;
  /** ISO-8601 instants with offset. */
  start: string;
  end: string;
  /** The clinic's IANA zone. */
  timeZone: string;
}

export interface BookingConfirmedDetail extends BookingVisitDetail {
  /** Set when the visit is one of a plan-of-care series booked together. */
  seriesId?: string;
}

export interface BookingRescheduledDetail extends BookingVisitDetail {
  previousAppointmentId: string;
  previousStart: string;
}

export interface BookingCancelledDetail extends BookingVisitDetail {
  /** True when the cancellation fell inside the practice's notice window. */
  withinNoticeWindow: boolean;
}

export interface WaitlistJoinedDetail {
  waitlistEntryId: string;
  locationId: string;
  appointmentTypeId: string;
  providerId?: string;
  createdAt: string;
}

export interface BookingBeforeConfirmDetail {
  action: 'book' | 'reschedule' | 'series';
  locationId: string;
  appointmentTypeId: string;
  timeZone: string;
  visits: Array<{ providerId: string; start: string; end: string }>;
}

const init = { bubbles: true, composed: true } as const;

export class PxmBookingConfirmedEvent extends CustomEvent<BookingConfirmedDetail> {
  constructor(detail: BookingConfirmedDetail) {
    super('pxm-booking-confirmed', { ...init, detail });
  }
}

export class PxmBookingRescheduledEvent extends CustomEvent<BookingRescheduledDetail> {
  constructor(detail: BookingRescheduledDetail) {
    super('pxm-booking-rescheduled', { ...init, detail });
  }
}

export class PxmBookingCancelledEvent extends CustomEvent<BookingCancelledDetail> {
  constructor(detail: BookingCancelledDetail) {
    super('pxm-booking-cancelled', { ...init, detail });
  }
}

/** The patient said they will come ("I'll be there" in the manage view). */
export class PxmBookingAttendanceConfirmedEvent extends CustomEvent<BookingVisitDetail> {
  constructor(detail: BookingVisitDetail) {
    super('pxm-booking-attendance-confirmed', { ...init, detail });
  }
}

export class PxmWaitlistJoinedEvent extends CustomEvent<WaitlistJoinedDetail> {
  constructor(detail: WaitlistJoinedDetail) {
    super('pxm-waitlist-joined', { ...init, detail });
  }
}

/**
 * Fired just before a booking, reschedule or series is sent. `preventDefault()` stops it;
 * `waitUntil(promise)` delays it until the promise settles (a rejection stops it too).
 */
export class PxmBookingBeforeConfirmEvent extends CustomEvent<BookingBeforeConfirmDetail> {
  readonly pending: Promise<unknown>[] = [];

  constructor(detail: BookingBeforeConfirmDetail) {
    super('pxm-booking-before-confirm', { ...init, cancelable: true, detail });
  }

  waitUntil(promise: Promise<unknown>): void {
    this.pending.push(promise);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-booking-confirmed': PxmBookingConfirmedEvent;
    'pxm-booking-rescheduled': PxmBookingRescheduledEvent;
    'pxm-booking-cancelled': PxmBookingCancelledEvent;
    'pxm-booking-attendance-confirmed': PxmBookingAttendanceConfirmedEvent;
    'pxm-waitlist-joined': PxmWaitlistJoinedEvent;
    'pxm-booking-before-confirm': PxmBookingBeforeConfirmEvent;
  }
}
