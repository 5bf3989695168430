/**
 * What a patient sends to book: slot queries, patient details, coverage, consents, and the book,
 * reschedule, cancel and waitlist requests. Apart from the records (`booking.ts`) because only the
 * backends that receive requests validate them (server, memory and FHIR adapters): a page that
 * only reads replies does not build these schemas, which a bundler cannot leave out on its own.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { EmailSchema, IdSchema, InstantSchema, LabelSchema, LocalDateSchema, PhoneSchema, TimeZoneSchema, TokenSchema, WeekdaySchema } from './common.js';

export const SlotQuerySchema = z.strictObject({
  locationId: IdSchema,
  appointmentTypeId: IdSchema,
  /** Absent means any provider ("first available"). */
  providerId: z.optional(IdSchema),
  from: InstantSchema,
  to: InstantSchema,
});
export type SlotQuery = z.infer<typeof SlotQuerySchema>;

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

export const ReminderChannelSchema = z.enum(['sms', 'email']);
export type ReminderChannel = z.infer<typeof ReminderChannelSchema>;

/** What the patient agreed to about reminders, and when they said so. */
export const ReminderConsentSchema = z.strictObject({
  channel: ReminderChannelSchema,
  granted: z.boolean(),
  recordedAt: InstantSchema,
  /**
   * Which wording of the consent text the patient read (`REMINDER_CONSENT_WORDING_VERSION` in the
   * booking element): the server's consent ledger keeps it, and it says which kinds of message the
   * consent covers. Absent: an older client, whose wording named appointment reminders only.
   */
  wordingVersion: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** The language the patient read it in (`en`, `es`): later messages are written in it. */
  language: z.optional(z.enum(['en', 'es'])),
  /** The patient's own zone (their device's): quiet hours are read on their clock, not the clinic's. */
  timeZone: z.optional(TimeZoneSchema),
});
export type ReminderConsent = z.infer<typeof ReminderConsentSchema>;

export const BookRequestSchema = z.strictObject({
  holdId: IdSchema,
  patient: PatientDetailsSchema,
  coverage: z.optional(CoverageSchema),
  consents: z.array(ReminderConsentSchema),
  /** Same key, same result: a retried or double-clicked booking books once. */
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  /** The token of a referral booking link: the visit is linked to that referral. */
  referralToken: z.optional(TokenSchema),
});
export type BookRequest = z.infer<typeof BookRequestSchema>;

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

export const ProviderListQuerySchema = z.strictObject({
  locationId: z.optional(IdSchema),
  appointmentTypeId: z.optional(IdSchema),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuerySchema>;

export const AppointmentTypeListQuerySchema = z.strictObject({
  locationId: z.optional(IdSchema),
});
export type AppointmentTypeListQuery = z.infer<typeof AppointmentTypeListQuerySchema>;
