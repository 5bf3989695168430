/**
 * Eligibility checks kept per coverage and, once booked, per appointment: the normalized result,
 * the raw 270/271 exchange for the staff view, and a queued re-check (a provider that was down
 * or slow, or the check before the visit). Results, exchanges and coverage are sealed at rest;
 * `coverage_key` is a digest, so no member id is readable in this table.
 */
export const eligibilityChecks = `
CREATE TABLE eligibility_checks (
  id TEXT PRIMARY KEY,
  coverage_key TEXT NOT NULL,
  appointment_id TEXT,
  state TEXT NOT NULL,
  result TEXT NOT NULL,
  exchange TEXT,
  coverage TEXT NOT NULL,
  checked_at BIGINT NOT NULL,
  recheck_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX eligibility_checks_by_coverage ON eligibility_checks (coverage_key, checked_at);
CREATE INDEX eligibility_checks_due ON eligibility_checks (recheck_at);
CREATE INDEX eligibility_checks_by_appointment ON eligibility_checks (appointment_id)
`;
