import type { ReferralInput } from '../schemas/referral.js';

/**
 * The referral as a backend stores it: a code or an attachment listed twice is kept once (in the
 * order first given), and the idempotency key, which only guards the request, is left out.
 * Run on a parsed `ReferralInput`, so every field already has its written form.
 */
export type NormalizedReferral = Omit<ReferralInput, 'idempotencyKey'>;

export function normalizeReferralInput(input: ReferralInput): NormalizedReferral {
  const { idempotencyKey: _key, ...referral } = input;
  return { ...referral, diagnoses: [...new Set(referral.diagnoses)], attachmentIds: [...new Set(referral.attachmentIds)] };
}
