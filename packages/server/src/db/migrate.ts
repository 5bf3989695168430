/**
 * Forward-only migrations, each applied once in its own transaction. Several processes may start
 * at once: PostgreSQL serializes them on an advisory lock, SQLite on its write lock.
 */
import type { Database, Dialect } from './database.js';
import { initialSchema } from './migrations/0001-initial.js';
import { unverifiedPatientsSchema } from './migrations/0002-unverified-patients.js';
import { submissionFingerprints } from './migrations/0003-submission-fingerprints.js';
import { progressSchema } from './migrations/0004-progress.js';
import { eligibilityChecks } from './migrations/0005-eligibility-checks.js';
import { patientMessagingSchema } from './migrations/0006-patient-messaging.js';
import { referralsSchema } from './migrations/0007-referrals.js';
import { referralInboxSchema } from './migrations/0009-referral-inbox.js';
import { practicesSchema } from './migrations/0010-practices.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'unverified-patients', sql: unverifiedPatientsSchema },
  { version: 3, name: 'submission-fingerprints', sql: submissionFingerprints },
  { version: 4, name: 'progress', sql: progressSchema },
  { version: 5, name: 'eligibility-checks', sql: eligibilityChecks },
  { version: 6, name: 'patient-messaging', sql: patientMessagingSchema },
  { version: 7, name: 'referrals', sql: referralsSchema },
  { version: 9, name: 'referral-inbox', sql: referralInboxSchema },
  { version: 10, name: 'practices', sql: practicesSchema },
];

function forDialect(sql: string, dialect: Dialect): string {
  return dialect === 'postgres' ? sql.replace(/\bBLOB\b/g, 'BYTEA') : sql;
}

function statementsOf(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies pending migrations; returns the versions it applied. `then` runs under the same lock
 * (first-start seeding), so two processes starting together never both seed.
 */
export async function migrate(db: Database, nowMs: number, then?: () => Promise<unknown>): Promise<number[]> {
  const applied: number[] = [];
  await db.withMigrationLock(async () => {
    await db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    for (const migration of MIGRATIONS) {
      await db.transaction(async (tx) => {
        const done = await tx.get('SELECT version FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done) return;
        for (const statement of statementsOf(forDialect(migration.sql, db.dialect))) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          nowMs,
        ]);
        applied.push(migration.version);
      });
    }
    await then?.();
  });
  return applied;
}
