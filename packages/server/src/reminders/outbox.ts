/**
 * The outbox dispatcher. Booking writes the due messages in the same transaction as the visit
 * (outbox-schedule.ts); this sends those that are due, once each, safe to run from several
 * processes or from a job runner in place of the poller:
 *
 * - a row is claimed with a lease (a conditional update), so two workers never take the same one;
 * - right before the provider call the row is marked handed over (`handed_at`); a row whose worker
 *   died before that is taken again when its lease lapses, one whose worker died after it never is
 *   (a second copy is worse than none; the provider's delivery callback may still settle it),
 *   except for a receiver that drops duplicates by message id (the webhook): that row is simply
 *   sent again, exactly once in effect;
 * - the sending rules (sending-decision.ts) run on every row: consent, bounced addresses, quiet
 *   hours and caps; a row they hold waits, one they refuse is cancelled with the reason.
 */
import { toZonedIso } from '@pxm/core/time';
import type { ReminderChannel } from '@pxm/core/booking';
import type { ServerContext } from '../context.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { consentEventsOf, ledgerOf, patientTimeZoneOf } from './consent-ledger.js';
import { isSuppressed, suppressAddress } from './contact-suppression.js';
import { appointmentLinks } from './message-links.js';
import type { MessageLanguage, MessageStep } from './message-templates.js';
import type { OutboxPayload } from './outbox-recipients.js';
import { MessageSendError, type ReminderMessage, type ReminderSender } from './reminder-sender.js';
import type { MessageKind } from './rules/consent-standing.js';
import { recipientTimeZone } from './rules/quiet-hours.js';
import { decideSending } from './rules/sending-decision.js';



export interface DispatchResult {
  sent: number;
  failed: number;
  cancelled: number;
}

export interface DispatchOptions {
  limit?: number;
  /** A failed send is tried again this many times in all, with growing pauses. */
  maxAttempts?: number;
  leaseMs?: number;
  sendTimeoutMs?: number;
}

/** The two outbox tables: visit reminders, and journey steps (care messages). */
export type OutboxTable = 'reminders' | 'care_messages';

/** Pages of `limit` rows one run goes through at most, so a run (and its job) ends. */
const MAX_PAGES_PER_RUN = 50;

interface DueRow {
  id: string;
  appointment_id: string;
  patient_id: string | null;
  channel: ReminderChannel;
  language: MessageLanguage;
  offset_minutes: number;
  step: MessageStep;
  attempts: number;
  payload: string | null;
  lease_until: number | null;
}

const COLUMNS: Record<OutboxTable, string> = {
  reminders: "id, appointment_id, patient_id, channel, language, offset_minutes, 'reminder' AS step, attempts, payload, lease_until",
  care_messages: 'id, appointment_id, patient_id, channel, language, 0 AS offset_minutes, step, attempts, payload, lease_until',
};

const CLAIMABLE = "((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until < $1 AND handed_at IS NULL))";

/**
 * Rows whose worker stopped after handing the message over: never sent again. A delivery
 * callback that arrived meanwhile says whether the message went.
 */
async function settleAbandoned(ctx: ServerContext, table: OutboxTable, now: number): Promise<void> {
  await ctx.db.run(
    `UPDATE ${table} SET status = 'sent', sent_at = handed_at, payload = NULL, lease_until = NULL
      WHERE status = 'sending' AND lease_until < $1 AND handed_at IS NOT NULL AND delivery_status IN ('queued', 'sent', 'delivered')`,
    [now],
  );
  await ctx.db.run(
    `UPDATE ${table} SET status = 'failed', payload = NULL, lease_until = NULL,
            last_error = 'The sender stopped after handing the message to the provider: delivery unknown, not sent again.'
      WHERE status = 'sending' AND lease_until < $1 AND handed_at IS NOT NULL`,
    [now],
  );
}

/** When earlier messages reached this patient, one instant per message (its copies on other channels are the same message). */
async function sentTimesOf(ctx: ServerContext, patientId: string, row: DueRow, table: OutboxTable, now: number): Promise<number[]> {
  const since = now - 8 * 86_400_000;
  const rows = await ctx.db.all<{ key: string; at: number }>(
    `SELECT appointment_id || ':reminder:' || offset_minutes AS key, COALESCE(sent_at, handed_at) AS at FROM reminders
      WHERE patient_id = $1 AND COALESCE(sent_at, handed_at) > $2 AND (status = 'sent' OR handed_at IS NOT NULL)
     UNION ALL
     SELECT appointment_id || ':' || step || ':0' AS key, COALESCE(sent_at, handed_at) AS at FROM care_messages
      WHERE patient_id = $1 AND COALESCE(sent_at, handed_at) > $2 AND (status = 'sent' OR handed_at IS NOT NULL)`,
    [patientId, since],
  );
  const own = `${row.appointment_id}:${row.step}:${table === 'reminders' ? row.offset_minutes : 0}`;
  const first = new Map<string, number>();
  for (const sent of rows) {
    if (sent.key === own) continue;
    first.set(sent.key, Math.min(first.get(sent.key) ?? Number.POSITIVE_INFINITY, Number(sent.at)));
  }
  return [...first.values()];
}

async function finish(ctx: ServerContext, table: OutboxTable, id: string, status: 'cancelled' | 'failed', reason: string): Promise<void> {
  await ctx.db.run(`UPDATE ${table} SET status = $2, payload = NULL, lease_until = NULL, last_error = $3 WHERE id = $1`, [id, status, reason]);
}

/** Sends every message that is due now; safe to run from several processes at once. */
export async function dispatchDueReminders(ctx: ServerContext, sender: ReminderSender, options: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0, cancelled: 0 };
  for (const table of ['reminders', 'care_messages'] as const) {
    const partial = await dispatchTable(ctx, sender, table, options);
    result.sent += partial.sent;
    result.failed += partial.failed;
    result.cancelled += partial.cancelled;
  }
  return result;
}

async function dispatchTable(ctx: ServerContext, sender: ReminderSender, table: OutboxTable, options: DispatchOptions): Promise<DispatchResult> {
  const { db } = ctx;
  const result: DispatchResult = { sent: 0, failed: 0, cancelled: 0 };
  const now = ctx.now().getTime();
  const maxAttempts = options.maxAttempts ?? 5;
  const leaseMs = options.leaseMs ?? 60_000;
  await settleAbandoned(ctx, table, now);
  const limit = options.limit ?? 100;
  const config = await ctx.catalogue.get();
  // A full page may have more behind it (a morning's reminders, or rows another run leased from
  // under this one): select again until a page comes back short, so nothing already due waits for
  // the next run. Rows handled here are no longer claimable at `now`; the cap bounds a run anyway.
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const due = await db.all<DueRow>(`SELECT ${COLUMNS[table]} FROM ${table} WHERE ${CLAIMABLE} ORDER BY next_attempt_at LIMIT $2`, [now, limit]);
    await dispatchRows(ctx, sender, table, due, { now, maxAttempts, leaseMs, config, result, options });
    if (due.length < limit) break;
  }
  return result;
}

interface PageContext {
  now: number;
  maxAttempts: number;
  leaseMs: number;
  config: Awaited<ReturnType<ServerContext['catalogue']['get']>>;
  result: DispatchResult;
  options: DispatchOptions;
}

/** Leases and sends one page of due rows; rows another process leased first are left to it. */
async function dispatchRows(ctx: ServerContext, sender: ReminderSender, table: OutboxTable, due: readonly DueRow[], page: PageContext): Promise<void> {
  const { db } = ctx;
  const { now, maxAttempts, leaseMs, config, result, options } = page;
  for (const row of due) {
    const leaseUntil = now + leaseMs;
    const leased = await db.run(`UPDATE ${table} SET status = 'sending', lease_until = $2, attempts = attempts + 1 WHERE id = $1 AND ${CLAIMABLE.replaceAll('$1', '$3')}`, [
      row.id,
      leaseUntil,
      now,
    ]);
    if (leased !== 1) continue; // another process has it
    const appointment = await db.get<AppointmentRow & { completed_at: number | null }>(
      `SELECT id, status, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, time_zone, patient_id,
              coverage, consents, created_at, cancelled_at, rescheduled_from_id, completed_at FROM appointments WHERE id = $1`,
      [row.appointment_id],
    );
    const beforeVisit = row.step === 'reminder' || row.step === 'intake' || row.step === 'intake-nudge';
    if (!appointment || appointment.status !== 'booked' || (beforeVisit && appointment.start_ms <= now) || !row.payload) {
      await finish(ctx, table, row.id, 'cancelled', appointment && appointment.start_ms <= now ? 'visit already started' : 'appointment changed');
      result.cancelled++;
      continue;
    }
    const opened = ctx.sealer.open(row.payload);
    if (opened === undefined) {
      await finish(ctx, table, row.id, 'failed', 'sealed with another secret key');
      result.failed++;
      continue;
    }
    const payload = JSON.parse(opened) as OutboxPayload;
    if (row.step === 'intake-nudge' && payload.intakeLinkId) {
      const link = await db.get<{ response_id: string | null }>('SELECT response_id FROM intake_links WHERE id = $1', [payload.intakeLinkId]);
      if (link?.response_id) {
        await finish(ctx, table, row.id, 'cancelled', 'forms already submitted');
        result.cancelled++;
        continue;
      }
    }
    const patientId = row.patient_id ?? appointment.patient_id;
    const kind: MessageKind = row.step === 'reminder' ? 'reminder' : 'care';
    const ledger = await ledgerOf(db, patientId);
    const decision = decideSending({
      nowMs: now,
      channel: row.channel,
      kind,
      consentEvents: consentEventsOf(ledger),
      addressSuppressed: await isSuppressed(db, row.channel, payload.to),
      sentAtMs: await sentTimesOf(ctx, patientId, row, table, now),
      timeZone: recipientTimeZone(patientTimeZoneOf(ledger), appointment.time_zone),
      ...(beforeVisit ? { usefulUntilMs: appointment.start_ms } : {}),
      window: ctx.messaging.window,
      caps: ctx.messaging.caps,
    });
    if (decision.action === 'skip') {
      await finish(ctx, table, row.id, 'cancelled', decision.reason);
      result.cancelled++;
      continue;
    }
    if (decision.action === 'hold') {
      // Waiting is not an attempt: the count goes back.
      await db.run(
        `UPDATE ${table} SET status = 'pending', next_attempt_at = $2, hold_reason = $3, lease_until = NULL, attempts = attempts - 1 WHERE id = $1 AND status = 'sending'`,
        [row.id, decision.untilMs, decision.reason],
      );
      continue;
    }
    const location = config.locations.find((l) => l.id === appointment.location_id);
    const type = config.appointmentTypes.find((t) => t.id === appointment.appointment_type_id);
    const provider = config.providers.find((p) => p.id === appointment.provider_id);
    const address = location ? [location.address.line1, location.address.line2, location.address.city, location.address.region].filter(Boolean).join(', ') : '';
    const links = appointmentLinks(ctx, { step: row.step, payload, patientId, channel: row.channel });
    const message: ReminderMessage = {
      id: row.id,
      channel: row.channel,
      kind,
      step: row.step,
      language: row.language,
      to: payload.to,
      offsetMinutes: row.offset_minutes,
      ...(payload.patientFirstName ? { patientFirstName: payload.patientFirstName } : {}),
      manageToken: payload.manageToken ?? '',
      ...links,
      appointment: {
        id: appointment.id,
        start: toZonedIso(appointment.start_ms, appointment.time_zone),
        end: toZonedIso(appointment.end_ms, appointment.time_zone),
        timeZone: appointment.time_zone,
        locationName: location?.name ?? appointment.location_id,
        locationAddress: address,
        providerName: provider?.name ?? appointment.provider_id,
        appointmentTypeName: type?.name ?? appointment.appointment_type_id,
        modality: type?.modality ?? 'in-clinic',
      },
      practice: { name: config.practice.name, ...(config.practice.phone ? { phone: config.practice.phone } : {}) },
    };
    // The point of no return: from here on this row is never handed over again, unless its
    // receiver drops a second copy by id (then a sender that dies mid-send is simply retried).
    if (!sender.dropsDuplicates?.(message)) {
      const handed = await db.run(`UPDATE ${table} SET handed_at = $2 WHERE id = $1 AND status = 'sending' AND lease_until = $3`, [row.id, ctx.now().getTime(), leaseUntil]);
      if (handed !== 1) continue; // cancelled meanwhile, or the lease was lost
    }
    try {
      const receipt = await sender.send(message, AbortSignal.timeout(options.sendTimeoutMs ?? 15_000));
      await db.run(
        `UPDATE ${table} SET status = 'sent', sent_at = $2, payload = NULL, lease_until = NULL, last_error = NULL, hold_reason = NULL,
                provider_message_id = $3, delivery_status = COALESCE(delivery_status, $4), delivery_updated_at = $2 WHERE id = $1`,
        [row.id, ctx.now().getTime(), receipt?.providerMessageId ?? null, receipt?.deliveryStatus ?? 'sent'],
      );
      result.sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const reason = String((error as { message?: unknown }).message ?? error).slice(0, 500);
      const outcome = error instanceof MessageSendError ? error.outcome : 'retry';
      if (error instanceof MessageSendError && error.undeliverable) {
        await suppressAddress(db, row.channel, payload.to, 'rejected by the provider', ctx.now().getTime());
        await ctx.messaging.notifyPractice({ kind: 'contact.undeliverable', patientId, channel: row.channel, messageId: row.id });
      }
      if (outcome !== 'retry' || attempts >= maxAttempts) {
        await db.run(`UPDATE ${table} SET status = 'failed', payload = NULL, lease_until = NULL, last_error = $2, delivery_status = $3 WHERE id = $1`, [
          row.id,
          outcome === 'unknown' ? `delivery unknown, not sent again: ${reason}` : reason,
          outcome === 'unknown' ? null : error instanceof MessageSendError && error.undeliverable ? 'undeliverable' : 'failed',
        ]);
      } else {
        // 1, 2, 4, 8 minutes...; the provider did not take it, so it may be handed over again.
        const retryAt = ctx.now().getTime() + 60_000 * 2 ** (attempts - 1);
        await db.run(`UPDATE ${table} SET status = 'pending', next_attempt_at = $2, lease_until = NULL, handed_at = NULL, last_error = $3 WHERE id = $1`, [
          row.id,
          retryAt,
          reason,
        ]);
      }
      result.failed++;
    }
  }
}

