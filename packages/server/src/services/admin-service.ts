/**
 * What a practice needs to use the server for real: issue intake links, HEP programs and survey
 * invitations (each answered with a fresh token, shown once), and see the reminder outbox.
 */
import { AdapterError } from '@pxm/core';
import type { FormDefinition, PromScore } from '@pxm/core/forms';
import type { HepProgram } from '@pxm/core/hep';
import type { SurveyDefinition } from '@pxm/core/survey';
import type { ServerContext } from '../context.js';
import { forUpdate } from '../context.js';
import { issueHepProgram, issueIntakeLink, issueSurveyInvitation, type IssuedLink } from './link-issuing.js';
import { revokeLink, type LinkRevocationRequest } from './link-revocation.js';

export { DEFAULT_LINK_DAYS, type IssuedLink } from './link-issuing.js';

export function createAdminService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  return {
    createIntakeLink: (input: { form: FormDefinition; expiresAt?: string | undefined; priorScores?: PromScore[] | undefined }): Promise<IssuedLink> =>
      issueIntakeLink(db, input, nowMs()),

    createHepProgram: (input: { program: HepProgram; expiresAt?: string | undefined }): Promise<IssuedLink & { version: number }> => issueHepProgram(db, input, nowMs()),

    /** The therapist edits a program: the version goes up and the old schedule is kept as a revision. */
    async updateHepProgram(id: string, program: HepProgram): Promise<{ id: string; version: number }> {
      return db.transaction(async (tx) => {
        const row = await tx.get<{ program: string; version: number }>(`SELECT program, version FROM hep_programs WHERE id = $1${forUpdate(db)}`, [id]);
        if (!row) throw new AdapterError('not_found', 'Unknown program.', { operation: 'admin.updateHepProgram' });
        const previous = JSON.parse(row.program) as HepProgram;
        const version = row.version + 1;
        const now = new Date(nowMs()).toISOString();
        const revision = {
          version: row.version,
          effectiveFrom: previous.updatedAt,
          exercises: previous.exercises.map((e) => ({ id: e.id, name: e.name, frequency: e.frequency, ...(e.dosage.sets ? { sets: e.dosage.sets } : {}) })),
        };
        const next = { ...program, version, updatedAt: now, revisions: [...(previous.revisions ?? []), revision] };
        await tx.run('UPDATE hep_programs SET program = $2, version = $3, updated_at = $4 WHERE id = $1', [id, JSON.stringify(next), version, nowMs()]);
        return { id, version };
      });
    },

    createSurveyInvitation: (input: { survey: SurveyDefinition; expiresAt?: string | undefined }): Promise<IssuedLink> => issueSurveyInvitation(db, input, nowMs()),

    /** Takes a link back: it answers `token_invalid` from now on; its record is kept. */
    revokeLink: (request: LinkRevocationRequest) => revokeLink(db, request),

    /**
     * The outbox without contact details or links: ids, times, states, what the provider said.
     * Reminders and journey steps together, by due time.
     */
    async listReminders(query: { status?: string | undefined; limit: number }) {
      const columns = `id, appointment_id, patient_id, channel, due_at, status, attempts, last_error, sent_at, delivery_status, hold_reason`;
      const rows = await db.all<{
        id: string;
        appointment_id: string;
        patient_id: string | null;
        channel: string;
        step: string;
        offset_minutes: number;
        due_at: number;
        status: string;
        attempts: number;
        last_error: string | null;
        sent_at: number | null;
        delivery_status: string | null;
        hold_reason: string | null;
      }>(
        `SELECT * FROM (
           SELECT ${columns}, 'reminder' AS step, offset_minutes FROM reminders WHERE ($1 = '' OR status = $1)
           UNION ALL
           SELECT ${columns}, step, 0 AS offset_minutes FROM care_messages WHERE ($1 = '' OR status = $1)
         ) outbox ORDER BY due_at, id LIMIT $2`,
        [query.status ?? '', query.limit],
      );
      return rows.map((r) => ({
        id: r.id,
        appointmentId: r.appointment_id,
        ...(r.patient_id ? { patientId: r.patient_id } : {}),
        channel: r.channel,
        step: r.step,
        offsetMinutes: r.offset_minutes,
        dueAt: new Date(Number(r.due_at)).toISOString(),
        status: r.status,
        attempts: r.attempts,
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.sent_at !== null ? { sentAt: new Date(Number(r.sent_at)).toISOString() } : {}),
        ...(r.delivery_status ? { deliveryStatus: r.delivery_status } : {}),
        ...(r.hold_reason && r.status === 'pending' ? { heldFor: r.hold_reason } : {}),
      }));
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
