/**
 * The background jobs the server runs. The names are pg-boss queue names on PostgreSQL and
 * timer labels on SQLite: one list, so both schedulers run the same bodies.
 */
export const JOB_NAMES = {
  /** Lapsed holds' slot claims and idempotency keys past retention. */
  purge: 'pxm-purge',
  /** One hold's slot claims once it lapses (enqueued with the hold, in its transaction). */
  holdExpiry: 'pxm-hold-expiry',
  /** Reminders that are due, through the configured sender (the signed webhook or the log). */
  reminderDispatch: 'pxm-reminder-dispatch',
  /** Eligibility checks that said "we'll confirm" and are due for another try. */
  eligibilityRecheck: 'pxm-eligibility-recheck',
  /** Status messages and plans of care due to referrers (each send idempotent in its outbox row). */
  referralTransmissions: 'pxm-referral-transmissions',
  /** New Direct messages in the HISP's inbox, where the HISP has no webhook (idempotent on message id). */
  directInboxPoll: 'pxm-direct-inbox-poll',
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JOB_NAMES);
