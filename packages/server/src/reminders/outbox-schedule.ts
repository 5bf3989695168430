/**
 * Writing messages into the outbox, in the transaction that books, moves or cancels the visit:
 * the booking's consents go into the ledger, the reminders are computed for each channel whose
 * consent stands, and cancelling or rescheduling withdraws every pending message of the visit,
 * reminders and journey steps alike.
 */
import type { ReminderConsent } from '@pxm/core/booking';
import type { Queryable, SqlValue } from '../db/database.js';
import type { ServerContext } from '../context.js';
import { newId } from '../tokens.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { appendBookingConsents } from './consent-ledger.js';
import { enqueueReminderDispatch } from '../jobs/enqueue.js';
import { scheduleIntakeSteps } from './journey.js';
import { reminderDueTimes } from './reminder-policy.js';
import { languageOf, reachableChannels, type OutboxPayload } from './outbox-recipients.js';

/**
 * Writes the visit's reminders, with a dispatch job at each of their due times, and its intake
 * steps. The visit is new (booked or rescheduled into a new row), so every reminder row computed
 * here is written (none can meet an existing one) and the jobs take the due times from them
 * rather than reading them back.
 */
export async function scheduleReminders(
  tx: Queryable,
  ctx: ServerContext,
  appointment: AppointmentRow,
  manageToken: string,
  consents: readonly ReminderConsent[],
  options: { recordConsents: boolean } = { recordConsents: true },
): Promise<void> {
  const now = ctx.now().getTime();
  // The consents and the reads of the ledger go out together (pipelined on PostgreSQL), in this
  // order: the reads see the consents just written.
  const [, channels] = await Promise.all([
    options.recordConsents ? appendBookingConsents(tx, appointment.patient_id, appointment.id, consents, 'booking', now) : undefined,
    reachableChannels(tx, appointment.patient_id, 'reminder'),
  ]);
  const due = reminderDueTimes(appointment.start_ms, appointment.time_zone, ctx.reminders, now);
  const language = languageOf(consents);
  const rows: SqlValue[][] = [];
  for (const { channel, to, firstName } of channels) {
    const payload: OutboxPayload = { to, manageToken, ...(firstName ? { patientFirstName: firstName } : {}) };
    for (const reminder of due) {
      rows.push([newId('rem'), channel, reminder.offsetMinutes, reminder.dueAtMs, ctx.sealer.seal(JSON.stringify(payload))]);
    }
  }
  if (rows.length > 0) {
    // One statement for every channel and offset: $1-$4 are shared, then five per row. The jobs
    // go out with it (one round trip, pipelined on PostgreSQL).
    const values = rows.map((_, i) => {
      const at = 5 + i * 5;
      return `($${at}, $1, $2, $${at + 1}, 'reminder', $3, $${at + 2}, $${at + 3}, 'pending', $${at + 3}, $${at + 4}, $4)`;
    });
    await Promise.all([
      tx.run(
        `INSERT INTO reminders (id, appointment_id, patient_id, channel, kind, language, offset_minutes, due_at, status, next_attempt_at, payload, created_at)
         VALUES ${values.join(', ')} ON CONFLICT (appointment_id, channel, offset_minutes) DO NOTHING`,
        [appointment.id, appointment.patient_id, language, now, ...rows.flat()],
      ),
      enqueueReminderDispatch(tx, ctx, rows.map((row) => row[3] as number)),
    ]);
  }
  await scheduleIntakeSteps(tx, ctx, appointment, language);
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
