/**
 * Messages to referrers, sent from an outbox. Each row in `referral_transmissions` is one status
 * message or plan of care; `sendReferralTransmission` is the job body a poller or a job queue runs
 * for one row id. It claims the row (pending and due -> sending) in its own transaction, so two
 * runners never both send it, calls the channel outside any transaction, then records the outcome.
 * A failure is retried with backoff up to `MAX_TRANSMISSION_ATTEMPTS`, then marked failed; a
 * failure the sender calls permanent (`OutboundSendError`) is marked failed at once.
 */
import type { ServerContext } from '../context.js';
import { OutboundSendError, type OutboundMessage, type OutboundReceipt, type ReferralChannels } from './outbound-channels.js';

export const MAX_TRANSMISSION_ATTEMPTS = 5;
/** Waits before attempts 2, 3, 4, 5. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** A row left in `sending` this long (a runner that died mid-send) is offered again. */
export const STALE_SENDING_MS = 10 * 60_000;

const MILESTONE_TEXT: Record<string, string> = {
  scheduled: 'The patient you referred has been scheduled for a first visit.',
  seen: 'The patient you referred has been seen for a first visit.',
  discharged: 'The patient you referred has been discharged from therapy.',
  'plan-of-care': 'The plan of care for the patient you referred is attached for your review and signature.',
};

/** A plan of care that may not travel by plain email: the referrer is told it is ready and how to get it. */
const EMAIL_PLAN_NOTICE =
  'The plan of care for the patient you referred is ready for your review and signature. It is not sent by plain email: reply with your fax number or Direct address, or call the practice, and it will be sent securely.';

interface TransmissionRow {
  id: string;
  referral_id: string;
  milestone: string;
  plan_of_care_id: string | null;
  channel: 'fax' | 'direct' | 'email';
  recipient: string;
  attempts: number;
}

export type TransmissionOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

export async function sendReferralTransmission(ctx: ServerContext, channels: ReferralChannels, id: string): Promise<TransmissionOutcome> {
  const { db } = ctx;
  const now = ctx.now().getTime();
  const claimed = await db.run(
    `UPDATE referral_transmissions SET status = 'sending', attempts = attempts + 1, next_attempt_at = $3
      WHERE id = $1 AND ((status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND next_attempt_at <= $2))`,
    [id, now, now + STALE_SENDING_MS],
  );
  if (claimed !== 1) return 'skipped';
  const row = await db.get<TransmissionRow & { reference: string }>(
    `SELECT t.id, t.referral_id, t.milestone, t.plan_of_care_id, t.channel, t.recipient, t.attempts, r.reference
       FROM referral_transmissions t JOIN referrals r ON r.id = t.referral_id WHERE t.id = $1`,
    [id],
  );
  if (!row) return 'skipped';
  const message: OutboundMessage = {
    to: row.recipient,
    subject: `Referral ${row.reference}: ${row.milestone === 'plan-of-care' ? 'plan of care' : row.milestone}`,
    text: `${MILESTONE_TEXT[row.milestone] ?? ''} Referral ${row.reference}.`,
    idempotencyKey: row.id,
  };
  // Plain email carries the plan of care only where the practice allows it; otherwise a notice.
  const attachesPlan = row.channel !== 'email' || ctx.referrals.emailAttachesPlanOfCare;
  if (row.plan_of_care_id && !attachesPlan) message.text = `${EMAIL_PLAN_NOTICE} Referral ${row.reference}.`;
  if (row.plan_of_care_id && attachesPlan) {
    const plan = await db.get<{ data: Uint8Array }>('SELECT data FROM plans_of_care WHERE id = $1', [row.plan_of_care_id]);
    if (plan) message.document = { filename: `plan-of-care-${row.reference}.pdf`, contentType: 'application/pdf', bytes: new Uint8Array(plan.data) };
  }
  try {
    const receipt = await send(channels, row.channel, message);
    await db.run(`UPDATE referral_transmissions SET status = 'sent', sent_at = $2, provider_message_id = $3, last_error = NULL WHERE id = $1`, [
      id,
      ctx.now().getTime(),
      receipt.providerMessageId,
    ]);
    return 'sent';
  } catch (error) {
    // A code or a short reason, never the message (it names the patient's referral).
    const reason = String((error as { code?: unknown }).code ?? (error as Error).name ?? 'error').slice(0, 100);
    const attempts = Number(row.attempts);
    if (attempts >= MAX_TRANSMISSION_ATTEMPTS || (error instanceof OutboundSendError && error.permanent)) {
      await db.run(`UPDATE referral_transmissions SET status = 'failed', last_error = $2 WHERE id = $1`, [id, reason]);
      return 'failed';
    }
    const wait = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
    await db.run(`UPDATE referral_transmissions SET status = 'pending', last_error = $2, next_attempt_at = $3 WHERE id = $1`, [id, reason, ctx.now().getTime() + wait]);
    return 'retrying';
  }
}

async function send(channels: ReferralChannels, channel: TransmissionRow['channel'], message: OutboundMessage): Promise<OutboundReceipt> {
  if (channel === 'fax' && channels.fax) return channels.fax.sendFax(message);
  if (channel === 'direct' && channels.direct) return channels.direct.sendDirect(message);
  if (channel === 'email' && channels.email) return channels.email.sendEmail(message);
  throw Object.assign(new Error('channel not configured'), { code: 'channel_not_configured' });
}

/** The thin scheduler: every due row, one job body each (a job queue can take over this loop). */
export async function dispatchReferralTransmissions(ctx: ServerContext, channels: ReferralChannels, batch = 50): Promise<Record<TransmissionOutcome, number>> {
  const due = await ctx.db.all<{ id: string }>(
    `SELECT id FROM referral_transmissions WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
    [ctx.now().getTime(), batch],
  );
  const counts: Record<TransmissionOutcome, number> = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const { id } of due) counts[await sendReferralTransmission(ctx, channels, id)] += 1;
  return counts;
}

/**
 * The reason a provider gives for a failed delivery, as a code the record may keep: a short
 * word-like reason is kept under the channel's prefix (`fax_lineError`); free text (which could
 * quote a name or a number) is dropped for the bare `<channel>_failed`.
 */
export function providerReasonCode(channel: 'fax' | 'direct', reason: unknown): string {
  return typeof reason === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,59}$/.test(reason) ? `${channel}_${reason}` : `${channel}_failed`;
}

/** A provider's delivery callback: the transmission it names becomes delivered or failed. */
export async function recordDeliveryStatus(
  ctx: ServerContext,
  update: { channel: 'fax' | 'direct' | 'email'; providerMessageId: string; delivered: boolean; reason?: string | undefined },
): Promise<boolean> {
  const changed = await ctx.db.run(
    `UPDATE referral_transmissions SET status = $3, delivered_at = $4, last_error = $5 WHERE channel = $1 AND provider_message_id = $2 AND status IN ('sent', 'delivered', 'failed')`,
    [update.channel, update.providerMessageId, update.delivered ? 'delivered' : 'failed', update.delivered ? ctx.now().getTime() : null, update.delivered ? null : (update.reason ?? 'undelivered').slice(0, 100)],
  );
  return changed === 1;
}
