/**
 * An intake or survey submission remembers a fingerprint of its whole request beside its
 * idempotency key: a retry with the same key replays the reply only when the body is the same,
 * and the same key with other answers is `409 conflict` rather than the first reply replayed.
 * Rows submitted before this migration have none and keep replaying on their key alone.
 */
export const submissionFingerprints = `
ALTER TABLE intake_links ADD COLUMN response_fingerprint TEXT;
ALTER TABLE survey_invitations ADD COLUMN response_fingerprint TEXT
`;
