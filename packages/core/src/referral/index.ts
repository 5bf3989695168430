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
export { isValidNpi, luhnCheckDigit, normalizeNpi } from './npi.js';
export { isIcd10CmShape, normalizeIcd10Code } from './icd10cm.js';
export { formatReferralReference, isReferralReference, REFERRAL_REFERENCE_RANDOM_BYTES } from './reference.js';
export { referralDuplicateKey, type ReferralDuplicateKey } from './duplicate-key.js';
export { normalizeReferralInput, type NormalizedReferral } from './normalize.js';
