/**
 * Messages that reach patients, and what comes back. The consent ledger is append-only (the
 * server only ever inserts into it): every grant and revocation, how and when, with the wording
 * the patient saw. The outbox learns the kind of each message and what the provider says of it;
 * a message handed to a provider is never handed again (`handed_at`), so a worker that dies
 * mid-send cannot send twice. Replies that are not keywords wait for staff; bounced numbers and
 * addresses are kept so nothing more is sent to them.
 */
export const patientMessagingSchema = `
CREATE TABLE consent_events (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  -- The order entries were written in, per patient: ties on recorded_at go to the later entry.
  position INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  scope TEXT NOT NULL CHECK (scope IN ('reminder', 'care', 'channel')),
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  source TEXT NOT NULL CHECK (source IN ('booking', 'waitlist', 'staff', 'keyword', 'unsubscribe-link')),
  wording_version TEXT,
  language TEXT,
  -- The patient's own zone, when the booking page reported it: quiet hours are read on it.
  time_zone TEXT,
  keyword TEXT,
  appointment_id TEXT,
  staff_note TEXT,
  recorded_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consent_events_by_patient ON consent_events (patient_id, position);

ALTER TABLE reminders ADD COLUMN patient_id TEXT;
ALTER TABLE reminders ADD COLUMN kind TEXT NOT NULL DEFAULT 'reminder';
ALTER TABLE reminders ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE reminders ADD COLUMN handed_at BIGINT;
ALTER TABLE reminders ADD COLUMN provider_message_id TEXT;
ALTER TABLE reminders ADD COLUMN delivery_status TEXT;
ALTER TABLE reminders ADD COLUMN delivery_updated_at BIGINT;
ALTER TABLE reminders ADD COLUMN hold_reason TEXT;
UPDATE reminders SET patient_id = (SELECT patient_id FROM appointments WHERE appointments.id = reminders.appointment_id);
CREATE INDEX reminders_by_patient ON reminders (patient_id, sent_at);
CREATE INDEX reminders_by_provider_id ON reminders (provider_message_id);

-- Journey steps: the intake link before a first visit and its nudge, the exercise program after a
-- completed visit, the survey at discharge. One row per appointment, channel and step.
CREATE TABLE care_messages (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL REFERENCES appointments (id),
  patient_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  step TEXT NOT NULL CHECK (step IN ('intake', 'intake-nudge', 'exercise-program', 'survey')),
  language TEXT NOT NULL DEFAULT 'en',
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  handed_at BIGINT,
  payload TEXT,
  last_error TEXT,
  hold_reason TEXT,
  sent_at BIGINT,
  provider_message_id TEXT,
  delivery_status TEXT,
  delivery_updated_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (appointment_id, channel, step)
);
CREATE INDEX care_messages_due ON care_messages (status, next_attempt_at);
CREATE INDEX care_messages_by_patient ON care_messages (patient_id, sent_at);

ALTER TABLE appointments ADD COLUMN confirmed_at BIGINT;
ALTER TABLE appointments ADD COLUMN confirmed_via TEXT;
ALTER TABLE appointments ADD COLUMN completed_at BIGINT;
ALTER TABLE appointments ADD COLUMN discharged_at BIGINT;

CREATE TABLE inbound_messages (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  provider_message_id TEXT UNIQUE,
  patient_id TEXT,
  intent TEXT NOT NULL,
  body TEXT,
  handled TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX inbound_messages_queue ON inbound_messages (handled, received_at);

CREATE TABLE contact_suppressions (
  channel TEXT NOT NULL,
  address_key TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (channel, address_key)
)
`;
