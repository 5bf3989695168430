import type { Clock } from './clock.js';
import type { Database } from './db/database.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import type { MessagingSettings } from './reminders/messaging-settings.js';
import type { ReminderPolicy } from './reminders/reminder-policy.js';
import type { Sealer } from './secrets.js';
import type { Catalogue } from './services/catalogue.js';

/** What every service of one server shares. */
export interface ServerContext {
  db: Database;
  now: Clock;
  holdTtlMs: number;
  catalogue: Catalogue;
  eligibility: EligibilityProvider | undefined;
  reminders: ReminderPolicy;
  /** Channels, links, sending rules and the practice's webhook for messages to patients. */
  messaging: MessagingSettings;
  /** How long stored idempotency keys (and the replies they replay) are kept. */
  idempotencyRetentionMs: number;
  /** Seals what is kept at rest but must not be readable from a copy of the database. */
  sealer: Sealer;
}

/** `FOR UPDATE` where the database has row locks; SQLite's transactions already exclude writers. */
export function forUpdate(db: Database): string {
  return db.dialect === 'postgres' ? ' FOR UPDATE' : '';
}

/** `$a, $b, ...` placeholders for an IN list, numbered from `first`. */
export function placeholders(count: number, first: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}
