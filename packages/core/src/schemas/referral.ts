/**
 * Referrals in: what a physician's office sends through the referral form (no account), and what
 * it gets back. Requests are strict (unknown keys rejected); receipts strip unknown keys so a newer
 * backend can add fields.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { isIcd10CmShape } from '../referral/icd10cm.js';
import { isValidNpi } from '../referral/npi.js';
import { EmailSchema, IdSchema, InstantSchema, LabelSchema, LocalDateSchema, LocaleSchema, PhoneSchema } from './common.js';
import { DisciplineSchema } from './discipline.js';

export { DisciplineSchema, type Discipline } from './discipline.js';

export const ReferralUrgencySchema = z.enum(['routine', 'urgent']);
export type ReferralUrgency = z.infer<typeof ReferralUrgencySchema>;

/** Ten digits whose last is the Luhn check digit (with the 80840 prefix) of the first nine. */
export const NpiSchema = z.string().check(z.refine(isValidNpi, 'Expected a 10-digit NPI with a valid check digit.'));

/** An ICD-10-CM code in its written form (`M17.11`): shape only, not membership in the code set. */
export const Icd10CodeSchema = z.string().check(z.refine(isIcd10CmShape, 'Expected an ICD-10-CM code such as M17.11.'));

export const ReferralPatientSchema = z.strictObject({
  givenName: LabelSchema,
  familyName: LabelSchema,
  birthDate: LocalDateSchema,
  phone: PhoneSchema,
  /** The language to call the patient in (`en`, `es`). */
  preferredLanguage: z.optional(LocaleSchema),
});
export type ReferralPatient = z.infer<typeof ReferralPatientSchema>;

export const ReferringClinicianSchema = z.strictObject({
  name: LabelSchema,
  npi: NpiSchema,
  practice: z.optional(LabelSchema),
  phone: PhoneSchema,
  fax: z.optional(PhoneSchema),
  /** A Direct secure-messaging address: shaped like an email, sent through a HISP. */
  directAddress: z.optional(EmailSchema),
  /** Plain email: used for status messages only where the practice allows it. */
  email: z.optional(EmailSchema),
});
export type ReferringClinician = z.infer<typeof ReferringClinicianSchema>;

export const ReferralOrderSchema = z.strictObject({
  discipline: DisciplineSchema,
  visitsPerWeek: z.optional(z.int().check(z.gte(1), z.lte(7))),
  durationWeeks: z.optional(z.int().check(z.gte(1), z.lte(52))),
  precautions: z.optional(z.string().check(z.maxLength(2000))),
});
export type ReferralOrder = z.infer<typeof ReferralOrderSchema>;

/** Most diagnoses one referral carries (a claim form has twelve lines). */
export const MAX_REFERRAL_DIAGNOSES = 12;
/** Most attachments one referral carries. */
export const MAX_REFERRAL_ATTACHMENTS = 5;

export const ReferralInputSchema = z.strictObject({
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  patient: ReferralPatientSchema,
  referrer: ReferringClinicianSchema,
  diagnoses: z.array(Icd10CodeSchema).check(z.minLength(1), z.maxLength(MAX_REFERRAL_DIAGNOSES)),
  order: ReferralOrderSchema,
  urgency: ReferralUrgencySchema,
  /** The office confirms the practice may contact the patient; a referral without it is refused. */
  consentToContact: z.boolean().check(z.refine((given) => given, 'Consent to contact the patient is needed.')),
  /** Ids from `uploadReferralAttachment`. */
  attachmentIds: z.array(IdSchema).check(z.maxLength(MAX_REFERRAL_ATTACHMENTS)),
});
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

export const ReferralReceiptSchema = z.object({
  /** Quotable reference, e.g. `REF-7K2M-9QXD`. */
  reference: LabelSchema,
  receivedAt: InstantSchema,
});
export type ReferralReceipt = z.infer<typeof ReferralReceiptSchema>;

/** The files a referral may carry: the signed order as a PDF, or photos of it. */
export const ReferralAttachmentTypeSchema = z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
export type ReferralAttachmentType = z.infer<typeof ReferralAttachmentTypeSchema>;

export const AttachmentReceiptSchema = z.object({
  id: IdSchema,
  contentType: ReferralAttachmentTypeSchema,
  size: z.int().check(z.gte(0)),
});
export type AttachmentReceipt = z.infer<typeof AttachmentReceiptSchema>;
