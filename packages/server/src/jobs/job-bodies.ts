/**
 * What each background job does: written once, run by the pg-boss worker on PostgreSQL and by
 * in-process timers on SQLite. Every body is safe to run twice (a worker killed mid-job has its
 * job run again): deletes of what has lapsed, and the reminder outbox's own leases.
 */
import { UNCLAIMED_ATTACHMENT_RETENTION_MS } from '../services/referral-service.js';
import type { ServerContext } from '../context.js';
import { JOB_NAMES, type JobName } from './job-names.js';

export type JobBody = (data: Record<string, unknown>) => Promise<void>;

export interface JobBodyDependencies {
  dispatchReminders(): Promise<unknown>;
  recheckEligibility(): Promise<unknown>;
  dispatchReferralTransmissions(): Promise<unknown>;
  pollDirectInbox(): Promise<unknown>;
}

/** Deletes lapsed holds' claims and idempotency keys past retention. */
export async function purgeExpired(ctx: ServerContext): Promise<void> {
  const nowMs = ctx.now().getTime();
  await ctx.db.transaction(async (tx) => {
    await tx.run('DELETE FROM slot_claims WHERE expires_at IS NOT NULL AND expires_at <= $1', [nowMs]);
    await tx.run('DELETE FROM idempotency_keys WHERE created_at < $1', [nowMs - ctx.idempotencyRetentionMs]);
    // Files no referral listed within a day: an abandoned form, or uploads with no referral.
    await tx.run('DELETE FROM referral_attachments WHERE referral_id IS NULL AND created_at < $1', [nowMs - UNCLAIMED_ATTACHMENT_RETENTION_MS]);
  });
}

/** Frees one hold's cells once it has lapsed; a renewed, booked or unknown hold is left alone. */
export async function expireHold(ctx: ServerContext, holdId: string): Promise<number> {
  return ctx.db.run('DELETE FROM slot_claims WHERE hold_id = $1 AND expires_at IS NOT NULL AND expires_at <= $2', [holdId, ctx.now().getTime()]);
}

export function createJobBodies(ctx: ServerContext, dependencies: JobBodyDependencies): Record<JobName, JobBody> {
  return {
    [JOB_NAMES.purge]: () => purgeExpired(ctx),
    [JOB_NAMES.holdExpiry]: async (data) => {
      if (typeof data.holdId === 'string') await expireHold(ctx, data.holdId);
    },
    [JOB_NAMES.reminderDispatch]: async () => {
      await dependencies.dispatchReminders();
    },
    [JOB_NAMES.eligibilityRecheck]: async () => {
      await dependencies.recheckEligibility();
    },
    [JOB_NAMES.referralTransmissions]: async () => {
      await dependencies.dispatchReferralTransmissions();
    },
    [JOB_NAMES.directInboxPoll]: async () => {
      await dependencies.pollDirectInbox();
    },
  };
}
