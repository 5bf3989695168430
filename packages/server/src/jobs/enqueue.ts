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
 * A dispatch run at each due time of the visit's pending reminders: one job per minute however
 * many visits share it (the outbox then sends every reminder due, with its own leases).
 */
export async function enqueueReminderDispatch(tx: Queryable, ctx: ServerContext, appointmentId: string): Promise<void> {
  if (!ctx.jobs || ctx.jobs.kind === 'timers') return;
  const due = await tx.all<{ due_at: number }>("SELECT DISTINCT due_at FROM reminders WHERE appointment_id = $1 AND status = 'pending'", [appointmentId]);
  const nowMs = ctx.now().getTime();
  for (const { due_at: dueAt } of due) {
    const minute = Math.ceil(Number(dueAt) / 60_000);
    await ctx.jobs.enqueue(tx, JOB_NAMES.reminderDispatch, {}, { delayMs: minute * 60_000 - nowMs, singletonKey: `due-${minute}` });
  }
}
