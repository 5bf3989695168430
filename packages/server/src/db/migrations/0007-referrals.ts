/**
 * Referrals in. `referrals` holds one row per referral received, whatever its channel; the inbox,
 * triage and the loop back to the referrer are built on it.
 *
 * - `reference`: what the office quotes on the phone (`REF-7K2M-9QXD`, core's
 *   `formatReferralReference`), unique.
 * - `source`: how it arrived: `web` (the referral form), `fax` (a fax provider's inbound webhook),
 *   `direct` (a Direct message through a HISP).
 * - `status`: triage state; `decline_reason` is set only when `status` is `declined`.
 * - `payload`: JSON of the normalized input (core's `ReferralInputSchema` as parsed, without its
 *   idempotency key); `urgency` and `discipline` are copied out of it for sorting the inbox.
 * - `patient_name_key`, `patient_birth_date`, `referrer_npi`: core's `referralDuplicateKey`, so
 *   "the same patient from the same referrer within days" is one indexed query.
 * - `idempotency_key`, `request_fingerprint`: the web form's key and a hash of the rest of its
 *   request: the same key again replays the receipt, with another body it is a conflict (NULL for
 *   fax and Direct, which bring their own ids).
 *
 * `referral_attachments` holds the files (an order PDF, photos of it). A file is uploaded before
 * the referral that lists it, so `referral_id` is NULL until that referral arrives; files never
 * claimed are purged. `request_key` is the upload's optional Idempotency-Key.
 */
export const referralsSchema = `
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  received_at BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('web', 'fax', 'direct')),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'scheduled', 'declined')),
  decline_reason TEXT,
  status_changed_at BIGINT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent')),
  discipline TEXT NOT NULL,
  payload TEXT NOT NULL,
  patient_name_key TEXT NOT NULL,
  patient_birth_date TEXT NOT NULL,
  referrer_npi TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  request_fingerprint TEXT,
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
);

CREATE INDEX referrals_inbox ON referrals (status, received_at);

CREATE INDEX referrals_duplicates ON referrals (patient_name_key, patient_birth_date, referrer_npi, received_at);

CREATE TABLE referral_attachments (
  id TEXT PRIMARY KEY,
  referral_id TEXT REFERENCES referrals (id),
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  request_key TEXT UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE INDEX referral_attachments_by_referral ON referral_attachments (referral_id, created_at)
`;
