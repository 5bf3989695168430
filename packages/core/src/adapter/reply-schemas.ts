/**
 * The schema of every adapter method's reply, by capability: the one table that says what each
 * contract call returns. The element boundary (`AdapterCalls` in @pxm/elements) validates replies
 * with it, and the contract suite holds every backend to it. Methods that resolve to nothing
 * (release a hold, save a partial survey) are not listed. Progress and referrals have theirs
 * beside them (progress-reply-schemas.ts, referral-reply-schemas.ts, exported from
 * `@pxm/core/progress` and `/referral`), so a page without those elements carries none of it.
 */
import type * as z from 'zod/mini';
import type { ContractSchema } from './parse.js';
import { AppointmentSchema, EligibilityResultSchema, HoldSchema, ManagedAppointmentSchema, SlotListSchema, WaitlistEntrySchema } from '../schemas/booking.js';
import { ActivityLogListSchema, HepProgramSchema } from '../schemas/hep.js';
import { AttachmentRefSchema, DraftSchema, IntakeResponseSchema, IntakeSessionSchema } from '../schemas/intake.js';
import { AppointmentTypeListSchema, LocationListSchema, PracticeSchema, ProviderListSchema } from '../schemas/practice.js';
import { ReferralBookingContextSchema } from '../schemas/referral-booking-context.js';
import { SurveyInvitationSchema, SurveyResponseSchema } from '../schemas/survey.js';

export const bookingReplySchemas = {
  getPractice: PracticeSchema,
  listLocations: LocationListSchema,
  listAppointmentTypes: AppointmentTypeListSchema,
  listProviders: ProviderListSchema,
  findSlots: SlotListSchema,
  holdSlot: HoldSchema,
  renewHold: HoldSchema,
  verifyEligibility: EligibilityResultSchema,
  getReferralContext: ReferralBookingContextSchema,
  book: AppointmentSchema,
  getAppointment: ManagedAppointmentSchema,
  cancelAppointment: AppointmentSchema,
  rescheduleAppointment: AppointmentSchema,
  confirmAppointment: AppointmentSchema,
  joinWaitlist: WaitlistEntrySchema,
} as const;

export const intakeReplySchemas = {
  loadForm: IntakeSessionSchema,
  saveDraft: DraftSchema,
  uploadAttachment: AttachmentRefSchema,
  submit: IntakeResponseSchema,
} as const;

export const hepReplySchemas = {
  loadProgram: HepProgramSchema,
  logActivity: ActivityLogListSchema,
  listActivity: ActivityLogListSchema,
} as const;

export const surveyReplySchemas = {
  loadInvitation: SurveyInvitationSchema,
  submit: SurveyResponseSchema,
} as const;

/** The value a reply's schema yields: what a caller outside core needs without zod's names. */
export type ReplyOf<S extends ContractSchema> = z.infer<S>;
