/**
 * The referral inbox and the loop back to the referrer (on top of 0007's `referrals`).
 *
 * Added to `referrals`:
 * - `complete`: 1 when the referral's details are known (every web referral); 0 for a fax or a
 *   Direct message until staff fill them in. A partial referral stores `payload` `{}`, `discipline`
 *   and the three duplicate keys as '' (unknown, never matched), `urgency` 'routine'.
 * - `possible_duplicate_of`: the older referral of the same patient and referrer within the
 *   configured window; the newer one is kept and marked, never dropped.
 * - `sender`: the fax number or Direct address it came from (fax and Direct only).
 * - `first_visit_at`, `discharged_at`: the milestones the 30-day plan-of-care deadline and the
 *   status messages hang on.
 *
 * Added to `appointments`: `referral_id` (booked through a referral booking link); the visit's
 * `completed_at` (marked through the admin API) is 0006's column.
 *
 * - `referral_history`: append-only, one row per triage step (who, when, from, to, reason), numbered
 *   per referral (`sequence`) so two steps in one millisecond keep their order.
 * - `referral_inbound_messages`: one row per fax or Direct message taken in, unique per provider
 *   id, so a provider's retried callback creates no second referral.
 * - `referral_booking_links`: signed links (hashed tokens) that book with the referral attached.
 * - `plans_of_care`: the PDFs the practice uploads, with their certification date (local).
 * - `referral_transmissions`: the outbox and the record of what went back: one row per status
 *   message or plan of care, `dedupe_key` unique so enqueuing twice sends once; its provider id
 *   and delivery status are filled in by the provider's callback.
 */
export const referralInboxSchema = `
ALTER TABLE referrals ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1));

ALTER TABLE referrals ADD COLUMN possible_duplicate_of TEXT REFERENCES referrals (id);

ALTER TABLE referrals ADD COLUMN sender TEXT;

ALTER TABLE referrals ADD COLUMN first_visit_at BIGINT;

ALTER TABLE referrals ADD COLUMN discharged_at BIGINT;

ALTER TABLE appointments ADD COLUMN referral_id TEXT REFERENCES referrals (id);

-- appointments.completed_at comes from 0006 (patient messaging), which runs first.

CREATE INDEX referrals_by_received ON referrals (received_at, id);

CREATE TABLE referral_history (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  sequence INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason TEXT,
  UNIQUE (referral_id, sequence)
);

CREATE TABLE referral_inbound_messages (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  channel TEXT NOT NULL CHECK (channel IN ('fax', 'direct')),
  provider_message_id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (channel, provider_message_id)
);

CREATE TABLE referral_booking_links (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  token_hash TEXT NOT NULL UNIQUE,
  appointment_type_id TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE plans_of_care (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  certified_on TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  uploaded_at BIGINT NOT NULL
);

CREATE INDEX plans_of_care_by_referral ON plans_of_care (referral_id, certified_on);

CREATE TABLE referral_transmissions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  milestone TEXT NOT NULL CHECK (milestone IN ('scheduled', 'seen', 'discharged', 'plan-of-care')),
  plan_of_care_id TEXT REFERENCES plans_of_care (id),
  channel TEXT NOT NULL CHECK (channel IN ('fax', 'direct', 'email')),
  recipient TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  provider_message_id TEXT,
  last_error TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  delivered_at BIGINT,
  UNIQUE (channel, provider_message_id)
);

CREATE INDEX referral_transmissions_due ON referral_transmissions (status, next_attempt_at)
`;
