/** The schema of each referral method's reply (see reply-schemas.ts): apart, so only a referral page carries it. */
import { AttachmentReceiptSchema, ReferralReceiptSchema } from '../schemas/referral.js';

export const referralReplySchemas = {
  submitReferral: ReferralReceiptSchema,
  uploadReferralAttachment: AttachmentReceiptSchema,
} as const;
