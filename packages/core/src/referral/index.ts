/**
 * `@pxm/core/referral`: referrals in from a physician's office: the schemas, and the rules every
 * backend and the referral form share (NPI check digit, ICD-10-CM shape, the quotable reference,
 * the duplicate key).
 */
export {
  AttachmentReceiptSchema,
  DisciplineSchema,
  Icd10CodeSchema,
  MAX_REFERRAL_ATTACHMENTS,
  MAX_REFERRAL_DIAGNOSES,
  NpiSchema,
  ReferralAttachmentTypeSchema,
  ReferralInputSchema,
  ReferralOrderSchema,
  ReferralPatientSchema,
  ReferralReceiptSchema,
  ReferralUrgencySchema,
  ReferringClinicianSchema,
  type AttachmentReceipt,
  type Discipline,
  type ReferralAttachmentType,
  type ReferralInput,
  type ReferralOrder,
  type ReferralPatient,
  type ReferralReceipt,
  type ReferralUrgency,
  type ReferringClinician,
} from '../schemas/referral.js';
/** The schema of each referral method's reply: here, not in `@pxm/core`, so a page without referrals carries none of it. */
export { referralReplySchemas } from '../adapter/referral-reply-schemas.js';
export { isValidNpi, luhnCheckDigit, normalizeNpi } from './npi.js';
export { isIcd10CmShape, normalizeIcd10Code } from './icd10cm.js';
export { formatReferralReference, isReferralReference, REFERRAL_REFERENCE_RANDOM_BYTES } from './reference.js';
export { referralDuplicateKey, type ReferralDuplicateKey } from './duplicate-key.js';
export { normalizeReferralInput, type NormalizedReferral } from './normalize.js';
export {
  PlanOfCareDeadlineSchema,
  RecertificationDueSchema,
  ReferralBookingContextSchema,
  ReferralChannelSchema,
  ReferralDetailsSchema,
  ReferralFileSchema,
  ReferralHistoryEntrySchema,
  ReferralInboxItemSchema,
  ReferralMilestoneSchema,
  ReferralSourceSchema,
  ReferralStatusSchema,
  ReferralTransmissionSchema,
  ReferralTriageRequestSchema,
  TransmissionStatusSchema,
  type ReferralBookingContext,
  type ReferralChannel,
  type ReferralDetails,
  type ReferralHistoryEntry,
  type ReferralInboxItem,
  type ReferralMilestone,
  type ReferralSource,
  type ReferralStatus,
  type ReferralTransmission,
  type ReferralTriageRequest,
  type TransmissionStatus,
} from '../schemas/referral-inbox.js';
export { canTriage, DEFAULT_DUPLICATE_WINDOW_DAYS, duplicateWindowStartMs } from './triage.js';
export {
  daysUntilRecertification,
  isPlanOfCareTransmissionLate,
  planOfCareTransmissionDueOn,
  PLAN_OF_CARE_TRANSMISSION_DAYS,
  RECERTIFICATION_DAYS,
  recertificationDueOn,
} from './care-deadlines.js';
export { referrerChannel } from './referrer-channel.js';
export { visitTypeForReferral } from './visit-type.js';
