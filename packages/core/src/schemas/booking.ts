/** Scheduling records and requests: slots, holds, patients, coverage, consents, appointments. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import {
  EmailSchema,
  IdSchema,
  InstantSchema,
  LabelSchema,
  LocalDateSchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
  TokenSchema,
  WeekdaySchema,
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

export const SlotQuerySchema = z.strictObject({
  locationId: IdSchema,
  appointmentTypeId: IdSchema,
  /** Absent means any provider ("first available"). */
  providerId: z.optional(IdSchema),
  from: InstantSchema,
  to: InstantSchema,
});
export type SlotQuery = z.infer<typeof SlotQuerySchema>;

export const HoldSchema = z.object({
  id: IdSchema,
  slot: SlotSchema,
  expiresAt: InstantSchema,
});
export type Hold = z.infer<typeof HoldSchema>;

// ---------------------------------------------------------------- patient and coverage

export const NewPatientSchema = z.strictObject({
  kind: z.literal('new'),
  firstName: LabelSchema,
  lastName: LabelSchema,
  dateOfBirth: LocalDateSchema,
  phone: PhoneSchema,
  email: EmailSchema,
  reasonForVisit: z.optional(z.string().check(z.maxLength(2000))),
  referralSource: z.optional(z.string().check(z.maxLength(200))),
});
export type NewPatient = z.infer<typeof NewPatientSchema>;

/** A returning patient is matched on last name, date of birth, and phone or email. No account. */
export const ReturningPatientSchema = z.strictObject({
  kind: z.literal('returning'),
  lastName: LabelSchema,
  dateOfBirth: LocalDateSchema,
  phone: z.optional(PhoneSchema),
  email: z.optional(EmailSchema),
}).check(
  z.refine((patient) => Boolean(patient.phone || patient.email), {
    message: 'A phone number or an email is needed to find a returning patient.',
    path: ['phone'],
  }),
);
export type ReturningPatient = z.infer<typeof ReturningPatientSchema>;

export const PatientDetailsSchema = z.discriminatedUnion('kind', [NewPatientSchema, ReturningPatientSchema]);
export type PatientDetails = z.infer<typeof PatientDetailsSchema>;

export const SubscriberRelationshipSchema = z.enum(['self', 'spouse', 'child', 'other']);
export type SubscriberRelationship = z.infer<typeof SubscriberRelationshipSchema>;

export const InsuranceCoverageSchema = z.strictObject({
  kind: z.literal('insurance'),
  payerName: LabelSchema,
  payerId: z.optional(IdSchema),
  memberId: z.string().check(z.minLength(1), z.maxLength(64)),
  groupNumber: z.optional(z.string().check(z.maxLength(64))),
  relationship: SubscriberRelationshipSchema,
  /** Needed when the patient is not the subscriber. */
  subscriberName: z.optional(LabelSchema),
  subscriberDateOfBirth: z.optional(LocalDateSchema),
});
export type InsuranceCoverage = z.infer<typeof InsuranceCoverageSchema>;

export const SelfPayCoverageSchema = z.strictObject({ kind: z.literal('self-pay') });

export const CoverageSchema = z.discriminatedUnion('kind', [InsuranceCoverageSchema, SelfPayCoverageSchema]);
export type Coverage = z.infer<typeof CoverageSchema>;

export const EligibilityResultSchema = z.object({
  status: z.enum(['active', 'inactive', 'unknown']),
  /** Copay per visit in minor units, when the payer says. */
  copay: z.optional(z.object({ amountMinor: z.int().check(z.gte(0)), currency: z.string().check(z.length(3)) })),
  checkedAt: InstantSchema,
  message: z.optional(TextSchema),
});
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;

// ---------------------------------------------------------------- consent

export const ReminderChannelSchema = z.enum(['sms', 'email']);
export type ReminderChannel = z.infer<typeof ReminderChannelSchema>;

/** What the patient agreed to about reminders, and when they said so. */
export const ReminderConsentSchema = z.strictObject({
  channel: ReminderChannelSchema,
  granted: z.boolean(),
  recordedAt: InstantSchema,
});
export type ReminderConsent = z.infer<typeof ReminderConsentSchema>;

// ---------------------------------------------------------------- booking

export const BookRequestSchema = z.strictObject({
  holdId: IdSchema,
  patient: PatientDetailsSchema,
  coverage: z.optional(CoverageSchema),
  consents: z.array(ReminderConsentSchema),
  /** Same key, same result: a retried or double-clicked booking books once. */
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type BookRequest = z.infer<typeof BookRequestSchema>;

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

export const CancelRequestSchema = z.strictObject({
  reason: z.optional(z.string().check(z.maxLength(500))),
  /** Required when the cancellation falls inside the notice window. */
  acknowledgedFee: z.optional(z.boolean()),
});
export type CancelRequest = z.infer<typeof CancelRequestSchema>;

export const RescheduleRequestSchema = z.strictObject({
  /** A hold on the new time; the old visit is released only once the new one is booked. */
  holdId: IdSchema,
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  acknowledgedFee: z.optional(z.boolean()),
});
export type RescheduleRequest = z.infer<typeof RescheduleRequestSchema>;

// ---------------------------------------------------------------- waitlist

export const TimeOfDaySchema = z.enum(['morning', 'afternoon', 'evening']);
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

export const WaitlistRequestSchema = z.strictObject({
  locationId: IdSchema,
  appointmentTypeId: IdSchema,
  providerId: z.optional(IdSchema),
  preferredWeekdays: z.array(WeekdaySchema),
  preferredTimesOfDay: z.array(TimeOfDaySchema),
  /** Earliest date the patient could come. */
  earliestDate: z.optional(LocalDateSchema),
  patient: PatientDetailsSchema,
  consents: z.array(ReminderConsentSchema),
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type WaitlistRequest = z.infer<typeof WaitlistRequestSchema>;

export const WaitlistEntrySchema = z.object({
  id: IdSchema,
  locationId: IdSchema,
  appointmentTypeId: IdSchema,
  providerId: z.optional(IdSchema),
  createdAt: InstantSchema,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;

export const ProviderListQuerySchema = z.strictObject({
  locationId: z.optional(IdSchema),
  appointmentTypeId: z.optional(IdSchema),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuerySchema>;

export const AppointmentTypeListQuerySchema = z.strictObject({
  locationId: z.optional(IdSchema),
});
export type AppointmentTypeListQuery = z.infer<typeof AppointmentTypeListQuerySchema>;

