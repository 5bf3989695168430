/**
 * The jobs a booking change causes, enqueued in its transaction: committed with the change or
 * not at all (a rolled-back hold leaves no job behind, a committed one never misses its job).
 */
import type { ServerContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { JOB_NAMES } from './job-names.js';

/** Frees the hold's cells when it lapses (the periodic purge is the safety net). */
export async function enqueueHoldExpiry(tx: Queryable, ctx: ServerContext, holdId: string, expiresAtMs: number): Promise<void> {
  await ctx.jobs?.enqueue(tx, JOB_NAMES.holdExpiry, { holdId }, { delayMs: expiresAtMs - ctx.now().getTime() });
}

/**
 * A dispatch run at each due time of the visit's reminders: one job per minute however many
 * visits share it (the outbox then sends every reminder due, with its own leases). The caller
 * passes the due times it just wrote, rather than reading them back (one round trip less); the
 * jobs are sent together, pipelined on one connection.
 */
export async function enqueueReminderDispatch(tx: Queryable, ctx: ServerContext, dueTimesMs: readonly number[]): Promise<void> {
  if (!ctx.jobs || ctx.jobs.kind === 'timers') return;
  const jobs = ctx.jobs;
  const nowMs = ctx.now().getTime();
  const minutes = [...new Set(dueTimesMs.map((dueAt) => Math.ceil(dueAt / 60_000)))];
  await Promise.all(minutes.map((minute) => jobs.enqueue(tx, JOB_NAMES.reminderDispatch, {}, { delayMs: minute * 60_000 - nowMs, singletonKey: `due-${minute}` })));
}
