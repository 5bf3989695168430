import type { CallOptions } from '../schemas/common.js';
import type { AttachmentReceipt, ReferralInput, ReferralReceipt } from '../schemas/referral.js';

/** Referrals in: a physician's office sends one from the practice's website, without an account. */
export interface ReferralApi {
  /**
   * Anonymous. Idempotent on `idempotencyKey`: sending it again returns the first receipt, and the
   * referral is stored once. `validation` when the input breaks a rule (NPI check digit, codes,
   * consent, an attachment id this backend did not issue).
   */
  submitReferral(input: ReferralInput, options?: CallOptions): Promise<ReferralReceipt>;
  /**
   * An order PDF or image, before the referral that lists its id. Images arrive already shrunk
   * and stripped of metadata by the element. `validation` for another type or a file too large.
   */
  uploadReferralAttachment(file: Blob, options?: CallOptions): Promise<AttachmentReceipt>;
}
