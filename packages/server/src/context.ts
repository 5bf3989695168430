import type { Clock } from './clock.js';
import type { Database, Queryable } from './db/database.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import type { ReferralSettings } from './referrals/referral-settings.js';
import type { MessagingSettings } from './reminders/messaging-settings.js';
import type { ReminderPolicy } from './reminders/reminder-policy.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Sealer } from './secrets.js';
import type { Catalogue } from './services/catalogue.js';
import type { EligibilityPolicy } from './services/eligibility-service.js';

/** What every service of one server shares. */
export interface ServerContext {
  db: Database;
  now: Clock;
  holdTtlMs: number;
  catalogue: Catalogue;
  eligibility: EligibilityProvider | undefined;
  /** Timeout, cache, re-check timing and self-pay price of eligibility checks. */
  eligibilityPolicy: EligibilityPolicy;
  reminders: ReminderPolicy;
  /** Channels, links, sending rules and the practice's webhook for messages to patients. */
  messaging: MessagingSettings;
  /** How long stored idempotency keys (and the replies they replay) are kept. */
  idempotencyRetentionMs: number;
  /** Seals what is kept at rest but must not be readable from a copy of the database. */
  sealer: Sealer;
  /** Enqueues background jobs in a transaction (pg-boss on PostgreSQL; nothing to do on SQLite). */
  jobs: JobQueue | undefined;
  /** Reads that may come from a read replica (slot searches); the primary when there is none. */
  reads?: Queryable;
  /** The referral inbox's rules: duplicate window, email policy, clinic zone. */
  referrals: ReferralSettings;
}

/** `FOR UPDATE` where the database has row locks; SQLite's transactions already exclude writers. */
export function forUpdate(db: Database): string {
  return db.dialect === 'postgres' ? ' FOR UPDATE' : '';
}

/** `$a, $b, ...` placeholders for an IN list, numbered from `first`. */
export function placeholders(count: number, first: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}
