/**
 * Surveys on the database. "One response per invitation, ever" is a conditional update on the
 * invitation row (`response_id IS NULL`): of two concurrent submits, the database lets one win.
 */
import { AdapterError } from '@pxm/core';
import {
  SurveyDefinitionSchema,
  npsScoreOf,
  validateSurveyAnswers,
  type SendSurveyFeedbackRequest,
  type SubmitSurveyRequest,
  type SurveyAnswerIssue,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyInvitation,
  type SurveyResponse,
} from '@pxm/core/survey';
import type { Queryable } from '../db/database.js';
import { forUpdate, type ServerContext } from '../context.js';
import { newId, requestFingerprint } from '../tokens.js';
import { replayedSubmission } from './submission-replay.js';
import { tokenHashOf } from './link-token.js';

interface InvitationRow {
  id: string;
  definition: string;
  expires_at: number;
  partial_answers: string;
  response_id: string | null;
  response_key: string | null;
  response_fingerprint: string | null;
  response: string | null;
}

const COLUMNS = 'id, definition, expires_at, partial_answers, response_id, response_key, response, response_fingerprint';

function invalidAnswers(issues: SurveyAnswerIssue[], operation: string): AdapterError {
  return new AdapterError('validation', 'Some answers do not fit the survey.', {
    operation,
    issues: issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.problem })),
  });
}

export function createSurveyService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  async function find(tx: Queryable, token: string, operation: string, lock = false): Promise<InvitationRow> {
    const row = await tx.get<InvitationRow>(`SELECT ${COLUMNS} FROM survey_invitations WHERE token_hash = $1${lock ? forUpdate(db) : ''}`, [
      tokenHashOf(token, operation),
    ]);
    if (!row) throw new AdapterError('token_invalid', 'This survey link is not valid.', { operation });
    return row;
  }

  const definitionOf = (row: InvitationRow): SurveyDefinition => SurveyDefinitionSchema.parse(JSON.parse(row.definition));
  const expired = (row: InvitationRow) => row.expires_at <= nowMs();

  return {
    async loadInvitation(token: string): Promise<SurveyInvitation> {
      const row = await find(db, token, 'survey.loadInvitation');
      const { practice } = await ctx.catalogue.get();
      return {
        id: row.id,
        status: row.response_id ? 'answered' : expired(row) ? 'expired' : 'open',
        expiresAt: new Date(row.expires_at).toISOString(),
        definition: definitionOf(row),
        partialAnswers: row.response_id ? {} : (JSON.parse(row.partial_answers) as SurveyAnswers),
        practiceName: practice.name,
        reviewLinks: practice.reviewLinks ?? [],
      };
    },

    async savePartial(token: string, answers: SurveyAnswers): Promise<void> {
      const operation = 'survey.savePartial';
      await db.transaction(async (tx) => {
        const row = await find(tx, token, operation, true);
        if (row.response_id) throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
        if (expired(row)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
        const issues = validateSurveyAnswers(definitionOf(row), answers, { partial: true });
        if (issues.length > 0) throw invalidAnswers(issues, operation);
        const merged: SurveyAnswers = { ...(JSON.parse(row.partial_answers) as SurveyAnswers), ...answers };
        for (const [id, value] of Object.entries(merged)) if (value === null) delete merged[id];
        await tx.run('UPDATE survey_invitations SET partial_answers = $2 WHERE id = $1 AND response_id IS NULL', [row.id, JSON.stringify(merged)]);
      });
    },

    async submit(token: string, request: SubmitSurveyRequest): Promise<SurveyResponse> {
      const operation = 'survey.submit';
      return db.transaction(async (tx) => {
        const row = await find(tx, token, operation, true);
        const requestHash = requestFingerprint(request);
        if (row.response_id) {
          const replayed = replayedSubmission<SurveyResponse>(row, request.idempotencyKey, requestHash, operation);
          if (replayed) return replayed;
          throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
        }
        if (expired(row)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
        const definition = definitionOf(row);
        const issues = validateSurveyAnswers(definition, request.answers);
        if (issues.length > 0) throw invalidAnswers(issues, operation);
        const score = npsScoreOf(definition, request.answers);
        const response: SurveyResponse = {
          id: newId('sresp'),
          invitationId: row.id,
          submittedAt: new Date(nowMs()).toISOString(),
          ...(score === undefined ? {} : { npsScore: score }),
        };
        const stored = await tx.run(
          `UPDATE survey_invitations SET response_id = $2, response_key = $3, response = $4, answers = $5, partial_answers = '{}', response_fingerprint = $6
            WHERE id = $1 AND response_id IS NULL`,
          [row.id, response.id, request.idempotencyKey, JSON.stringify(response), JSON.stringify(request.answers), requestHash],
        );
        if (stored !== 1) throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
        return response;
      });
    },

    async sendFeedback(token: string, request: SendSurveyFeedbackRequest): Promise<void> {
      const operation = 'survey.sendFeedback';
      const row = await find(db, token, operation);
      if (expired(row)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      await db.run(
        'INSERT INTO survey_feedback (invitation_id, request_key, message, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (invitation_id, request_key) DO NOTHING',
        [row.id, request.idempotencyKey, request.message, nowMs()],
      );
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
