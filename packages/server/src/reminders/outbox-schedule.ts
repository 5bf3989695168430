/**
 * Writing messages into the outbox, in the transaction that books, moves or cancels the visit:
 * the booking's consents go into the ledger, the reminders are computed for each channel whose
 * consent stands, and cancelling or rescheduling withdraws every pending message of the visit,
 * reminders and journey steps alike.
 */
import type { ReminderConsent } from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import type { ServerContext } from '../context.js';
import { newId } from '../tokens.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { appendBookingConsents } from './consent-ledger.js';
import { scheduleIntakeSteps } from './journey.js';
import { reminderDueTimes } from './reminder-policy.js';
import { languageOf, reachableChannels, type OutboxPayload } from './outbox-recipients.js';

export async function scheduleReminders(
  tx: Queryable,
  ctx: ServerContext,
  appointment: AppointmentRow,
  manageToken: string,
  consents: readonly ReminderConsent[],
  options: { recordConsents: boolean } = { recordConsents: true },
): Promise<number> {
  const now = ctx.now().getTime();
  if (options.recordConsents) await appendBookingConsents(tx, appointment.patient_id, appointment.id, consents, 'booking', now);
  const due = reminderDueTimes(appointment.start_ms, appointment.time_zone, ctx.reminders, now);
  const language = languageOf(consents);
  let count = 0;
  for (const { channel, to, firstName } of await reachableChannels(tx, appointment.patient_id, 'reminder')) {
    const payload: OutboxPayload = { to, manageToken, ...(firstName ? { patientFirstName: firstName } : {}) };
    for (const reminder of due) {
      count += await tx.run(
        `INSERT INTO reminders (id, appointment_id, patient_id, channel, kind, language, offset_minutes, due_at, status, next_attempt_at, payload, created_at)
         VALUES ($1, $2, $3, $4, 'reminder', $5, $6, $7, 'pending', $7, $8, $9) ON CONFLICT (appointment_id, channel, offset_minutes) DO NOTHING`,
        [newId('rem'), appointment.id, appointment.patient_id, channel, language, reminder.offsetMinutes, reminder.dueAtMs, ctx.sealer.seal(JSON.stringify(payload)), now],
      );
    }
  }
  return count + (await scheduleIntakeSteps(tx, ctx, appointment, language));
}

/** Withdraws every message of the visit not yet handed to a provider. */
export async function cancelReminders(tx: Queryable, appointmentId: string, nowMs: number): Promise<void> {
  for (const table of ['reminders', 'care_messages']) {
    await tx.run(
      `UPDATE ${table} SET status = 'cancelled', payload = NULL, last_error = 'appointment changed', lease_until = NULL, next_attempt_at = $2
        WHERE appointment_id = $1 AND (status = 'pending' OR (status = 'sending' AND handed_at IS NULL))`,
      [appointmentId, nowMs],
    );
  }
}
