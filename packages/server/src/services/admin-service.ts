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

    /** The outbox without contact details or links: ids, times, states. */
    async listReminders(query: { status?: string | undefined; limit: number }) {
      const rows = await db.all<{
        id: string;
        appointment_id: string;
        channel: string;
        offset_minutes: number;
        due_at: number;
        status: string;
        attempts: number;
        last_error: string | null;
        sent_at: number | null;
      }>(
        `SELECT id, appointment_id, channel, offset_minutes, due_at, status, attempts, last_error, sent_at FROM reminders
          WHERE ($1 = '' OR status = $1) ORDER BY due_at LIMIT $2`,
        [query.status ?? '', query.limit],
      );
      return rows.map((r) => ({
        id: r.id,
        appointmentId: r.appointment_id,
        channel: r.channel,
        offsetMinutes: r.offset_minutes,
        dueAt: new Date(r.due_at).toISOString(),
        status: r.status,
        attempts: r.attempts,
        ...(r.last_error ? { lastError: r.last_error } : {}),
        ...(r.sent_at !== null ? { sentAt: new Date(r.sent_at).toISOString() } : {}),
      }));
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
