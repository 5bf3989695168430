/**
 * The reminder outbox. Booking writes the due reminders in the same transaction as the visit;
 * cancelling or rescheduling cancels them in the same transaction too, and the dispatcher checks
 * the visit once more right before sending, so a stale reminder never goes out. Rows are leased
 * with a conditional update, so several server processes can dispatch without sending twice.
 */
import { toZonedIso } from '@pxm/core/time';
import type { ReminderChannel, ReminderConsent } from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import type { ServerContext } from '../context.js';
import { newId } from '../tokens.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { reminderDueTimes } from './reminder-policy.js';
import type { ReminderMessage, ReminderSender } from './reminder-sender.js';

/** What an outbox row keeps until it is sent (then it is wiped). */
interface ReminderPayload {
  to: string;
  manageToken: string;
  patientFirstName?: string;
}

/** The latest answer per channel wins: a patient may grant, then withdraw. */
function grantedChannels(consents: readonly ReminderConsent[]): ReminderChannel[] {
  const latest = new Map<ReminderChannel, ReminderConsent>();
  for (const consent of consents) {
    const previous = latest.get(consent.channel);
    if (!previous || Date.parse(consent.recordedAt) >= Date.parse(previous.recordedAt)) latest.set(consent.channel, consent);
  }
  return [...latest.values()].filter((consent) => consent.granted).map((consent) => consent.channel);
}

export async function scheduleReminders(
  tx: Queryable,
  ctx: ServerContext,
  appointment: AppointmentRow,
  manageToken: string,
  consents: readonly ReminderConsent[],
): Promise<number> {
  const channels = grantedChannels(consents);
  if (channels.length === 0) return 0;
  const patient = await tx.get<{ first_name: string | null; phone: string | null; email: string | null }>(
    'SELECT first_name, phone, email FROM patients WHERE id = $1',
    [appointment.patient_id],
  );
  const now = ctx.now().getTime();
  const due = reminderDueTimes(appointment.start_ms, appointment.time_zone, ctx.reminders, now);
  let count = 0;
  for (const channel of channels) {
    const to = channel === 'sms' ? patient?.phone : patient?.email;
    if (!to) continue;
    const payload: ReminderPayload = { to, manageToken, ...(patient?.first_name ? { patientFirstName: patient.first_name } : {}) };
    for (const reminder of due) {
      count += await tx.run(
        `INSERT INTO reminders (id, appointment_id, channel, offset_minutes, due_at, status, next_attempt_at, payload, created_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $5, $6, $7) ON CONFLICT (appointment_id, channel, offset_minutes) DO NOTHING`,
        [newId('rem'), appointment.id, channel, reminder.offsetMinutes, reminder.dueAtMs, ctx.sealer.seal(JSON.stringify(payload)), now],
      );
    }
  }
  return count;
}

export async function cancelReminders(tx: Queryable, appointmentId: string, nowMs: number): Promise<void> {
  await tx.run(
    "UPDATE reminders SET status = 'cancelled', payload = NULL, last_error = 'appointment changed', lease_until = NULL, sent_at = NULL, next_attempt_at = $2 WHERE appointment_id = $1 AND status IN ('pending', 'sending')",
    [appointmentId, nowMs],
  );
}

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

interface DueRow {
  id: string;
  appointment_id: string;
  channel: ReminderChannel;
  offset_minutes: number;
  attempts: number;
  payload: string | null;
}

/** Sends every reminder that is due now; safe to run from several processes at once. */
export async function dispatchDueReminders(ctx: ServerContext, sender: ReminderSender, options: DispatchOptions = {}): Promise<DispatchResult> {
  const { db } = ctx;
  const result: DispatchResult = { sent: 0, failed: 0, cancelled: 0 };
  const now = ctx.now().getTime();
  const maxAttempts = options.maxAttempts ?? 5;
  const leaseMs = options.leaseMs ?? 60_000;
  const due = await db.all<DueRow>(
    `SELECT id, appointment_id, channel, offset_minutes, attempts, payload FROM reminders
      WHERE ((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until < $1))
      ORDER BY next_attempt_at LIMIT $2`,
    [now, options.limit ?? 100],
  );
  const config = await ctx.catalogue.get();
  for (const reminder of due) {
    const leased = await db.run(
      `UPDATE reminders SET status = 'sending', lease_until = $2, attempts = attempts + 1
        WHERE id = $1 AND ((status = 'pending' AND next_attempt_at <= $3) OR (status = 'sending' AND lease_until < $3))`,
      [reminder.id, now + leaseMs, now],
    );
    if (leased !== 1) continue; // another process has it
    const appointment = await db.get<AppointmentRow>(
      `SELECT id, status, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, time_zone, patient_id,
              coverage, consents, created_at, cancelled_at, rescheduled_from_id FROM appointments WHERE id = $1`,
      [reminder.appointment_id],
    );
    if (!appointment || appointment.status !== 'booked' || appointment.start_ms <= now || !reminder.payload) {
      await db.run("UPDATE reminders SET status = 'cancelled', payload = NULL, lease_until = NULL, last_error = $2 WHERE id = $1", [
        reminder.id,
        appointment && appointment.start_ms <= now ? 'visit already started' : 'appointment changed',
      ]);
      result.cancelled++;
      continue;
    }
    const opened = ctx.sealer.open(reminder.payload);
    if (opened === undefined) {
      await db.run("UPDATE reminders SET status = 'failed', payload = NULL, lease_until = NULL, last_error = $2 WHERE id = $1", [
        reminder.id,
        'sealed with another secret key',
      ]);
      result.failed++;
      continue;
    }
    const payload = JSON.parse(opened) as ReminderPayload;
    const location = config.locations.find((l) => l.id === appointment.location_id);
    const type = config.appointmentTypes.find((t) => t.id === appointment.appointment_type_id);
    const provider = config.providers.find((p) => p.id === appointment.provider_id);
    const address = location ? [location.address.line1, location.address.line2, location.address.city, location.address.region].filter(Boolean).join(', ') : '';
    const message: ReminderMessage = {
      id: reminder.id,
      channel: reminder.channel,
      to: payload.to,
      offsetMinutes: reminder.offset_minutes,
      ...(payload.patientFirstName ? { patientFirstName: payload.patientFirstName } : {}),
      manageToken: payload.manageToken,
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
    try {
      await sender.send(message, AbortSignal.timeout(options.sendTimeoutMs ?? 15_000));
      await db.run("UPDATE reminders SET status = 'sent', sent_at = $2, payload = NULL, lease_until = NULL, last_error = NULL WHERE id = $1", [
        reminder.id,
        ctx.now().getTime(),
      ]);
      result.sent++;
    } catch (error) {
      const attempts = reminder.attempts + 1;
      const reason = String((error as { message?: unknown }).message ?? error).slice(0, 500);
      if (attempts >= maxAttempts) {
        await db.run("UPDATE reminders SET status = 'failed', payload = NULL, lease_until = NULL, last_error = $2 WHERE id = $1", [reminder.id, reason]);
      } else {
        // 1, 2, 4, 8 minutes...
        const retryAt = ctx.now().getTime() + 60_000 * 2 ** (attempts - 1);
        await db.run("UPDATE reminders SET status = 'pending', next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1", [
          reminder.id,
          retryAt,
          reason,
        ]);
      }
      result.failed++;
    }
  }
  return result;
}
