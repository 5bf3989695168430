import type { CallOptions } from '../schemas/common.js';
import type { AppointmentType, Location, Practice, Provider } from '../schemas/practice.js';
import type {
  Appointment,
  AppointmentTypeListQuery,
  BookRequest,
  CancelRequest,
  Coverage,
  EligibilityResult,
  Hold,
  ManagedAppointment,
  ProviderListQuery,
  RescheduleRequest,
  Slot,
  SlotQuery,
  WaitlistEntry,
  WaitlistRequest,
} from '../schemas/booking.js';
import type { ReferralBookingContext } from '../schemas/referral-booking-context.js';

/**
 * Scheduling. Backend rules every implementation keeps: a hold expires at `expiresAt`; one
 * booking per provider and time; the same idempotency key returns the same appointment.
 */
export interface BookingApi {
  getPractice(options?: CallOptions): Promise<Practice>;
  listLocations(options?: CallOptions): Promise<Location[]>;
  listAppointmentTypes(query?: AppointmentTypeListQuery, options?: CallOptions): Promise<AppointmentType[]>;
  listProviders(query?: ProviderListQuery, options?: CallOptions): Promise<Provider[]>;
  /** Free slots starting in `[from, to)`, sorted by start. */
  findSlots(query: SlotQuery, options?: CallOptions): Promise<Slot[]>;
  /** Reserves a slot for a short while. Fails with `slot_unavailable` if taken or held. */
  holdSlot(slotId: string, options?: CallOptions): Promise<Hold>;
  /** Extends an unexpired hold; fails with `hold_expired` once it has lapsed. */
  renewHold(holdId: string, options?: CallOptions): Promise<Hold>;
  releaseHold(holdId: string, options?: CallOptions): Promise<void>;
  /** Books the held slot. `hold_expired`, `slot_unavailable`, `not_found` (returning patient unknown). */
  book(request: BookRequest, options?: CallOptions): Promise<Appointment>;
  /** `token_invalid`, `token_expired` (the visit is past). */
  getAppointment(manageToken: string, options?: CallOptions): Promise<ManagedAppointment>;
  cancelAppointment(manageToken: string, request: CancelRequest, options?: CallOptions): Promise<Appointment>;
  /** Books the held new time, then cancels the old visit; returns the new appointment. */
  rescheduleAppointment(manageToken: string, request: RescheduleRequest, options?: CallOptions): Promise<Appointment>;
  joinWaitlist(request: WaitlistRequest, options?: CallOptions): Promise<WaitlistEntry>;
  /**
   * Optional: the patient says they will come ("I'll be there"). Sets `confirmedAt`; confirming a
   * confirmed visit returns it unchanged. `conflict` for a cancelled visit, `token_*` as above.
   */
  confirmAppointment?(manageToken: string, options?: CallOptions): Promise<Appointment>;
  /** Optional: only backends connected to a clearinghouse or payer rules have it. */
  verifyEligibility?(coverage: Coverage, options?: CallOptions): Promise<EligibilityResult>;
  /**
   * Optional: backends with a referral inbox. What a referral booking link books (the visit type);
   * pass the same token as `referralToken` to `book`. `token_invalid`, `token_expired`.
   */
  getReferralContext?(referralToken: string, options?: CallOptions): Promise<ReferralBookingContext>;
}
