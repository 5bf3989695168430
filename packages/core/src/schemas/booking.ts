/** Scheduling records: slots, holds, eligibility, appointments, waitlist entries. What a patient sends is `booking-requests.ts`. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { BenefitsSummarySchema, VisitEstimateSchema } from './benefits.js';
import {
  IdSchema,
  InstantSchema,
  MoneySchema,
  TextSchema,
  TimeZoneSchema,
  TokenSchema,
} from './common.js';
import { CancellationPolicySchema } from './practice.js';

// ---------------------------------------------------------------- slots and holds

export const SlotSchema = z.object({
  /** Opaque; pass it back to `holdSlot`. */
  id: IdSchema,
  locationId: IdSchema,
  providerId: IdSchema,
  appointmentTypeId: IdSchema,
  start: InstantSchema,
  end: InstantSchema,
});
export type Slot = z.infer<typeof SlotSchema>;

export const SlotListSchema = z.array(SlotSchema);

export const HoldSchema = z.object({
  id: IdSchema,
  slot: SlotSchema,
  expiresAt: InstantSchema,
});
export type Hold = z.infer<typeof HoldSchema>;

// ---------------------------------------------------------------- patient and coverage

export const EligibilityResultSchema = z.object({
  status: z.enum(['active', 'inactive', 'unknown']),
  /** Copay per visit in minor units, when the payer says. */
  copay: z.optional(MoneySchema),
  checkedAt: InstantSchema,
  message: z.optional(TextSchema),
  /** The therapy benefits the payer reported, when the backend reads them. */
  benefits: z.optional(BenefitsSummarySchema),
  /** What the visit will likely cost the patient (`estimateVisitCost`). */
  estimate: z.optional(VisitEstimateSchema),
  /** The provider was down or slow: booking proceeds, the clinic confirms coverage before the visit. */
  confirmLater: z.optional(z.boolean()),
  /** The practice's self-pay price for a visit, to show beside (or instead of) the estimate. */
  selfPayPrice: z.optional(MoneySchema),
});
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;

// ---------------------------------------------------------------- consent

// ---------------------------------------------------------------- booking

export const AppointmentStatusSchema = z.enum(['booked', 'cancelled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const AppointmentSchema = z.object({
  id: IdSchema,
  status: AppointmentStatusSchema,
  locationId: IdSchema,
  providerId: IdSchema,
  appointmentTypeId: IdSchema,
  start: InstantSchema,
  end: InstantSchema,
  /** The location's zone, so every reader formats the visit the same way. */
  timeZone: TimeZoneSchema,
  /** Lets the patient view, reschedule or cancel without an account. */
  manageToken: TokenSchema,
  createdAt: InstantSchema,
  cancelledAt: z.optional(InstantSchema),
  /** Set on the new appointment when it replaced another. */
  rescheduledFromId: z.optional(IdSchema),
  /** When the patient said they will come ("I'll be there", or a reply to a reminder). */
  confirmedAt: z.optional(InstantSchema),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

/** What a manage link shows: the appointment and what the patient may still do with it. */
export const ManagedAppointmentSchema = z.object({
  appointment: AppointmentSchema,
  cancellationPolicy: CancellationPolicySchema,
  /** Inside the minimum-notice window a change may carry the late fee; the patient must acknowledge it. */
  withinNoticeWindow: z.boolean(),
});
export type ManagedAppointment = z.infer<typeof ManagedAppointmentSchema>;

// ---------------------------------------------------------------- waitlist

export const WaitlistEntrySchema = z.object({
  id: IdSchema,
  locationId: IdSchema,
  appointmentTypeId: IdSchema,
  providerId: z.optional(IdSchema),
  createdAt: InstantSchema,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;

// Defined with the requests (only backends build them); named here too, beside the records.
export {
  TimeOfDaySchema,
  type TimeOfDay,
  AppointmentTypeListQuerySchema,
  BookRequestSchema,
  CancelRequestSchema,
  CoverageSchema,
  InsuranceCoverageSchema,
  NewPatientSchema,
  PatientDetailsSchema,
  ProviderListQuerySchema,
  ReminderChannelSchema,
  ReminderConsentSchema,
  RescheduleRequestSchema,
  ReturningPatientSchema,
  SelfPayCoverageSchema,
  SlotQuerySchema,
  SubscriberRelationshipSchema,
  WaitlistRequestSchema,
  type AppointmentTypeListQuery,
  type BookRequest,
  type CancelRequest,
  type Coverage,
  type InsuranceCoverage,
  type NewPatient,
  type PatientDetails,
  type ProviderListQuery,
  type ReminderChannel,
  type ReminderConsent,
  type RescheduleRequest,
  type ReturningPatient,
  type SlotQuery,
  type SubscriberRelationship,
  type WaitlistRequest,
} from './booking-requests.js';
