/**
 * The referral inbox (admin side): referrals whatever their channel, their triage, and what goes
 * back to the referrer. A referral from a fax or a Direct message arrives *partial*: only its file
 * and sender are known until staff read the document and fill `ReferralDetailsSchema` in.
 * Requests are strict; records strip unknown keys.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, InstantSchema, LabelSchema, LocalDateSchema } from './common.js';
import { DisciplineSchema, Icd10CodeSchema, MAX_REFERRAL_DIAGNOSES, ReferralOrderSchema, ReferralPatientSchema, ReferralUrgencySchema, ReferringClinicianSchema } from './referral.js';

export const ReferralSourceSchema = z.enum(['web', 'fax', 'direct']);
export type ReferralSource = z.infer<typeof ReferralSourceSchema>;

export const ReferralStatusSchema = z.enum(['new', 'contacted', 'scheduled', 'declined']);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** What staff fill in for a partial referral (or correct on any): the form's fields without consent and files. */
export const ReferralDetailsSchema = z.strictObject({
  patient: ReferralPatientSchema,
  referrer: ReferringClinicianSchema,
  diagnoses: z.array(Icd10CodeSchema).check(z.minLength(1), z.maxLength(MAX_REFERRAL_DIAGNOSES)),
  order: ReferralOrderSchema,
  urgency: ReferralUrgencySchema,
});
export type ReferralDetails = z.infer<typeof ReferralDetailsSchema>;

/** A triage step: who moved it, to what, and why when it is declined (a reason is required then, refused otherwise). */
export const ReferralTriageRequestSchema = z
  .strictObject({
    status: ReferralStatusSchema,
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
    /** The staff member, as the practice names them (initials, a user id): kept in the history. */
    by: LabelSchema,
  })
  .check(z.refine((request) => (request.status === 'declined') === (request.reason !== undefined), { message: 'A reason is given exactly when a referral is declined.', path: ['reason'] }));
export type ReferralTriageRequest = z.infer<typeof ReferralTriageRequestSchema>;

export const ReferralHistoryEntrySchema = z.object({
  at: InstantSchema,
  by: LabelSchema,
  from: z.optional(ReferralStatusSchema),
  to: ReferralStatusSchema,
  reason: z.optional(z.string()),
});
export type ReferralHistoryEntry = z.infer<typeof ReferralHistoryEntrySchema>;

export const ReferralFileSchema = z.object({ id: IdSchema, contentType: z.string(), size: z.int() });

/** One referral in the inbox list (admin API): staff see the patient, so this is never in an event or a log. */
export const ReferralInboxItemSchema = z.object({
  id: IdSchema,
  reference: LabelSchema,
  source: ReferralSourceSchema,
  status: ReferralStatusSchema,
  declineReason: z.optional(z.string()),
  receivedAt: InstantSchema,
  statusChangedAt: InstantSchema,
  /** False while a fax or Direct referral waits for staff to fill its details. */
  complete: z.boolean(),
  urgency: ReferralUrgencySchema,
  discipline: z.optional(DisciplineSchema),
  /** The older referral this one likely repeats (same patient and referrer within the window); it is kept, never dropped. */
  possibleDuplicateOf: z.optional(IdSchema),
  /** The fax number or Direct address it came from. */
  sender: z.optional(z.string()),
  details: z.optional(ReferralDetailsSchema),
  attachments: z.optional(z.array(ReferralFileSchema)),
  history: z.optional(z.array(ReferralHistoryEntrySchema)),
});
export type ReferralInboxItem = z.infer<typeof ReferralInboxItemSchema>;

export const ReferralChannelSchema = z.enum(['fax', 'direct', 'email']);
export type ReferralChannel = z.infer<typeof ReferralChannelSchema>;

export const TransmissionStatusSchema = z.enum(['pending', 'sending', 'sent', 'delivered', 'failed']);
export type TransmissionStatus = z.infer<typeof TransmissionStatusSchema>;

/** The milestones a referrer hears about, and the plan of care. */
export const ReferralMilestoneSchema = z.enum(['scheduled', 'seen', 'discharged', 'plan-of-care']);
export type ReferralMilestone = z.infer<typeof ReferralMilestoneSchema>;

/** A recorded transmission to the referrer: when, to whom, which channel, and the provider's delivery status. */
export const ReferralTransmissionSchema = z.object({
  id: IdSchema,
  referralId: IdSchema,
  milestone: ReferralMilestoneSchema,
  planOfCareId: z.optional(IdSchema),
  channel: ReferralChannelSchema,
  recipient: LabelSchema,
  status: TransmissionStatusSchema,
  attempts: z.int(),
  createdAt: InstantSchema,
  sentAt: z.optional(InstantSchema),
  deliveredAt: z.optional(InstantSchema),
  lastError: z.optional(z.string()),
});
export type ReferralTransmission = z.infer<typeof ReferralTransmissionSchema>;

export { ReferralBookingContextSchema, type ReferralBookingContext } from './referral-booking-context.js';

export const PlanOfCareDeadlineSchema = z.object({
  referralId: IdSchema,
  reference: LabelSchema,
  firstVisitOn: LocalDateSchema,
  dueOn: LocalDateSchema,
});
export const RecertificationDueSchema = z.object({
  referralId: IdSchema,
  planOfCareId: IdSchema,
  certifiedOn: LocalDateSchema,
  dueOn: LocalDateSchema,
  daysLeft: z.int(),
});
