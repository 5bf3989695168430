/**
 * The first schema. Instants are integer epoch milliseconds, flags are 0/1 integers, documents
 * are JSON text: the same DDL runs on SQLite and PostgreSQL (`BLOB` becomes `BYTEA` there).
 */
export const initialSchema = `
CREATE TABLE practice (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);

CREATE TABLE locations (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE appointment_types (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE providers (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE working_hours (
  provider_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  doc TEXT NOT NULL
);
CREATE INDEX working_hours_by_provider ON working_hours (provider_id, location_id);

CREATE TABLE closures (
  date TEXT NOT NULL,
  location_id TEXT,
  provider_id TEXT,
  reason TEXT
);
CREATE INDEX closures_by_date ON closures (date);

-- Time already taken on a provider's calendar outside this server (the practice's EMR).
CREATE TABLE calendar_blocks (
  provider_id TEXT NOT NULL,
  location_id TEXT,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX calendar_blocks_by_provider ON calendar_blocks (provider_id, start_ms);

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  first_name TEXT,
  last_name TEXT NOT NULL,
  last_name_key TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  phone TEXT,
  phone_key TEXT,
  email TEXT,
  email_key TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX patients_match ON patients (last_name_key, date_of_birth);

CREATE TABLE holds (
  id TEXT PRIMARY KEY,
  slot_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  appointment_type_id TEXT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  occupied_end_ms BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  consumed_by TEXT,
  released_at BIGINT,
  request_key TEXT UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX holds_by_provider ON holds (provider_id, start_ms);

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  manage_token_hash TEXT UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  location_id TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  appointment_type_id TEXT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  occupied_end_ms BIGINT NOT NULL,
  time_zone TEXT NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  coverage TEXT,
  consents TEXT NOT NULL,
  hold_id TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  cancelled_at BIGINT,
  cancel_reason TEXT,
  rescheduled_from_id TEXT
);
CREATE INDEX appointments_by_provider ON appointments (provider_id, start_ms);

-- One row per provider per 5-minute cell that a live hold or a booked visit occupies. The
-- primary key is the rule "one booking per provider and time", kept by the database.
CREATE TABLE slot_claims (
  provider_id TEXT NOT NULL,
  cell BIGINT NOT NULL,
  hold_id TEXT,
  appointment_id TEXT,
  expires_at BIGINT,
  PRIMARY KEY (provider_id, cell)
);
CREATE INDEX slot_claims_by_hold ON slot_claims (hold_id);
CREATE INDEX slot_claims_by_appointment ON slot_claims (appointment_id);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  response TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE waitlist_entries (
  id TEXT PRIMARY KEY,
  location_id TEXT NOT NULL,
  appointment_type_id TEXT NOT NULL,
  provider_id TEXT,
  preferences TEXT NOT NULL,
  patient TEXT NOT NULL,
  consents TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- The reminder outbox: computed when a visit is booked, sent when due, cancelled with the visit.
CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL REFERENCES appointments (id),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  offset_minutes INTEGER NOT NULL,
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  payload TEXT,
  last_error TEXT,
  sent_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (appointment_id, channel, offset_minutes)
);
CREATE INDEX reminders_due ON reminders (status, next_attempt_at);

CREATE TABLE intake_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  form TEXT NOT NULL,
  expires_at BIGINT,
  prior_scores TEXT NOT NULL,
  draft_answers TEXT,
  draft_page_id TEXT,
  draft_version INTEGER NOT NULL DEFAULT 0,
  draft_hash TEXT,
  draft_saved_at BIGINT,
  response_id TEXT,
  response_key TEXT,
  response TEXT,
  submitted_answers TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  intake_link_id TEXT NOT NULL REFERENCES intake_links (id),
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  purpose TEXT,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  request_key TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (intake_link_id, request_key)
);

CREATE TABLE hep_programs (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  program TEXT NOT NULL,
  version INTEGER NOT NULL,
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE hep_logs (
  program_row_id TEXT NOT NULL REFERENCES hep_programs (id),
  client_id TEXT NOT NULL,
  exercise_id TEXT NOT NULL,
  program_version INTEGER NOT NULL,
  completed_at BIGINT NOT NULL,
  entry TEXT NOT NULL,
  voided INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (program_row_id, client_id)
);
CREATE INDEX hep_logs_by_time ON hep_logs (program_row_id, completed_at);

CREATE TABLE survey_invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  partial_answers TEXT NOT NULL,
  response_id TEXT,
  response_key TEXT,
  response TEXT,
  answers TEXT,
  created_at BIGINT NOT NULL
);

-- Private notes to the practice, one per idempotency key.
CREATE TABLE survey_feedback (
  invitation_id TEXT NOT NULL REFERENCES survey_invitations (id),
  request_key TEXT NOT NULL,
  message TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (invitation_id, request_key)
)
`;
