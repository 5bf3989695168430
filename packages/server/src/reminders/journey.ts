/**
 * The patient's journey, as outbox rows (care_messages) with the same rules as reminders:
 * - booking a visit whose type has an intake form issues the intake link and schedules it a set
 *   time before the visit, with a nudge later that is dropped once the forms are in;
 * - a visit marked completed with a program assigned sends the exercise-program link;
 * - a discharge sends the survey invitation.
 * Each step is one row per appointment, channel and step (a unique key), so repeating a trigger
 * changes nothing; cancelling or rescheduling the visit withdraws what is still pending.
 */
import { AdapterError } from '@pxm/core';
import type { HepProgram } from '@pxm/core/hep';
import type { SurveyDefinition } from '@pxm/core/survey';
import type { Queryable } from '../db/database.js';
import type { ServerContext } from '../context.js';
import { forUpdate } from '../context.js';
import { issueHepProgram, issueIntakeLink, issueSurveyInvitation } from '../services/link-issuing.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { newId } from '../tokens.js';
import type { MessageLanguage, MessageStep } from './message-templates.js';
import { reachableChannels, type OutboxPayload } from './outbox-recipients.js';

async function scheduleStep(
  tx: Queryable,
  ctx: ServerContext,
  appointment: Pick<AppointmentRow, 'id' | 'patient_id'>,
  step: Exclude<MessageStep, 'reminder'>,
  dueAtMs: number,
  language: MessageLanguage,
  link: { token: string; intakeLinkId?: string },
): Promise<number> {
  const now = ctx.now().getTime();
  let count = 0;
  for (const { channel, to, firstName } of await reachableChannels(tx, appointment.patient_id, 'care')) {
    const payload: OutboxPayload = { to, linkToken: link.token, ...(link.intakeLinkId ? { intakeLinkId: link.intakeLinkId } : {}), ...(firstName ? { patientFirstName: firstName } : {}) };
    count += await tx.run(
      `INSERT INTO care_messages (id, appointment_id, patient_id, channel, step, language, due_at, status, next_attempt_at, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $7, $8, $9) ON CONFLICT (appointment_id, channel, step) DO NOTHING`,
      [newId('care'), appointment.id, appointment.patient_id, channel, step, language, Math.max(dueAtMs, now), ctx.sealer.seal(JSON.stringify(payload)), now],
    );
  }
  return count;
}

/** At booking: the intake link, when the visit type has a form. */
export async function scheduleIntakeSteps(tx: Queryable, ctx: ServerContext, appointment: AppointmentRow, language: MessageLanguage): Promise<number> {
  const form = ctx.messaging.journey.intakeFormByAppointmentType[appointment.appointment_type_id];
  if (!form) return 0;
  const now = ctx.now().getTime();
  if ((await reachableChannels(tx, appointment.patient_id, 'care')).length === 0) return 0;
  // The link stays open a week past the visit: forms are sometimes finished in the waiting room.
  const link = await issueIntakeLink(tx, { form, expiresAt: new Date(appointment.start_ms + 7 * 86_400_000).toISOString() }, now);
  const { intakeLeadMinutes, nudgeLeadMinutes } = ctx.messaging.journey;
  const intakeAt = appointment.start_ms - intakeLeadMinutes * 60_000;
  const nudgeAt = appointment.start_ms - nudgeLeadMinutes * 60_000;
  let count = await scheduleStep(tx, ctx, appointment, 'intake', intakeAt, language, { token: link.token, intakeLinkId: link.id });
  // A nudge only when there is time between the link and the visit for one.
  if (nudgeAt > Math.max(intakeAt, now) + 12 * 3_600_000) count += await scheduleStep(tx, ctx, appointment, 'intake-nudge', nudgeAt, language, { token: link.token, intakeLinkId: link.id });
  return count;
}

interface JourneyRow {
  id: string;
  patient_id: string;
  status: string;
  consents: string;
  completed_at: number | null;
  discharged_at: number | null;
}

async function journeyRow(tx: Queryable, ctx: ServerContext, appointmentId: string, operation: string): Promise<JourneyRow> {
  const row = await tx.get<JourneyRow>(`SELECT id, patient_id, status, consents, completed_at, discharged_at FROM appointments WHERE id = $1${forUpdate(ctx.db)}`, [appointmentId]);
  if (!row) throw new AdapterError('not_found', 'Unknown appointment.', { operation });
  if (row.status !== 'booked') throw new AdapterError('conflict', 'This appointment was cancelled.', { operation });
  return row;
}

function languageOfRow(row: JourneyRow): MessageLanguage {
  const consents = JSON.parse(row.consents) as { language?: MessageLanguage }[];
  return consents.find((consent) => consent.language)?.language ?? 'en';
}

/** The visit took place. With a program, its link goes to the patient; marking it again changes nothing. */
export async function completeVisit(ctx: ServerContext, appointmentId: string, program: HepProgram | undefined): Promise<{ hepProgramId?: string; hepToken?: string }> {
  const operation = 'admin.completeVisit';
  return ctx.db.transaction(async (tx) => {
    const row = await journeyRow(tx, ctx, appointmentId, operation);
    if (row.completed_at !== null) return {};
    const now = ctx.now().getTime();
    await tx.run('UPDATE appointments SET completed_at = $2 WHERE id = $1', [appointmentId, now]);
    // The forms are moot once the visit happened.
    await tx.run("UPDATE care_messages SET status = 'cancelled', payload = NULL, last_error = 'visit completed' WHERE appointment_id = $1 AND step IN ('intake', 'intake-nudge') AND status = 'pending'", [appointmentId]);
    if (!program) return {};
    const issued = await issueHepProgram(tx, { program }, now);
    await scheduleStep(tx, ctx, row, 'exercise-program', now, languageOfRow(row), { token: issued.token });
    return { hepProgramId: issued.id, hepToken: issued.token };
  });
}

/** The episode of care ended: the survey invitation goes out once. */
export async function dischargePatient(ctx: ServerContext, appointmentId: string, survey: SurveyDefinition): Promise<{ invitationId?: string; surveyToken?: string }> {
  const operation = 'admin.discharge';
  return ctx.db.transaction(async (tx) => {
    const row = await journeyRow(tx, ctx, appointmentId, operation);
    if (row.discharged_at !== null) return {};
    const now = ctx.now().getTime();
    await tx.run('UPDATE appointments SET discharged_at = $2 WHERE id = $1', [appointmentId, now]);
    const issued = await issueSurveyInvitation(tx, { survey }, now);
    await scheduleStep(tx, ctx, row, 'survey', now, languageOfRow(row), { token: issued.token });
    return { invitationId: issued.id, surveyToken: issued.token };
  });
}
