/**
 * Surveys on the memory backend: partial answers, exactly one response per invitation, and
 * private notes to the practice. Answers are checked against the definition like a real backend.
 */
import { AdapterError, createId, parseRequest, type CallOptions, type SurveyApi } from '@pxm/core';
import {
  SendSurveyFeedbackRequestSchema,
  SubmitSurveyRequestSchema,
  SurveyAnswersSchema,
  npsScoreOf,
  validateSurveyAnswers,
  type SurveyAnswerIssue,
  type SurveyAnswers,
  type SurveyInvitation,
  type SurveyResponse,
} from '@pxm/core/survey';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';
import type { SurveySeed } from './seed.js';

export interface InvitationRecord extends SurveySeed {
  id: string;
  partial: SurveyAnswers;
  response?: SurveyResponse;
  responseKey?: string;
  /** Private notes by idempotency key. */
  feedback: Map<string, StoredFeedback>;
}

/** A private note as the practice sees it. */
export interface StoredFeedback {
  invitationId: string;
  message: string;
  receivedAt: string;
}

export interface MemorySurveyApi extends Required<SurveyApi> {
  /** Test and demo helper: every stored response. */
  listResponses(): SurveyResponse[];
  /** Test and demo helper: every private note. */
  listFeedback(): StoredFeedback[];
}

function invalidAnswers(issues: SurveyAnswerIssue[], operation: string): AdapterError {
  return new AdapterError('validation', 'Some answers do not fit the survey.', {
    operation,
    issues: issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.problem })),
  });
}

/** The invitations of a memory backend, by token: what its survey calls and test helpers read. */
export function newSurveyRecords(ctx: MemoryContext): Map<string, InvitationRecord> {
  const records = new Map<string, InvitationRecord>();
  for (const seed of ctx.seed.surveys) {
    const record: InvitationRecord = { ...seed, id: `inv-${createId()}`, partial: { ...seed.partialAnswers }, feedback: new Map() };
    if (seed.answered) {
      record.response = { id: `sresp-${createId()}`, invitationId: record.id, submittedAt: new Date(ctx.now().getTime() - 86_400_000).toISOString() };
      record.responseKey = 'seeded';
    }
    records.set(seed.token, record);
  }
  return records;
}

/** The helpers only tests and demos call: `createMemoryAdapter` has them, the script-tag adapter does not. */
type SurveyHelpers = Pick<MemorySurveyApi, 'listResponses' | 'listFeedback'>;

export function createMemorySurvey(ctx: MemoryContext, records: Map<string, InvitationRecord>): Omit<MemorySurveyApi, keyof SurveyHelpers> {
  const nowMs = () => ctx.now().getTime();

  function find(token: string, operation: string): InvitationRecord {
    const record = typeof token === 'string' ? records.get(token) : undefined;
    if (!record) throw new AdapterError('token_invalid', 'This survey link is not valid.', { operation });
    return record;
  }

  function isExpired(record: InvitationRecord): boolean {
    return Date.parse(record.expiresAt) <= nowMs();
  }

  return {
    async loadInvitation(token, options?: CallOptions) {
      await simulateLatency(ctx, options);
      const record = find(token, 'survey.loadInvitation');
      const invitation: SurveyInvitation = {
        id: record.id,
        status: record.response ? 'answered' : isExpired(record) ? 'expired' : 'open',
        expiresAt: record.expiresAt,
        definition: record.definition,
        partialAnswers: record.response ? {} : record.partial,
        practiceName: ctx.seed.practice.name,
        reviewLinks: ctx.seed.practice.reviewLinks ?? [],
      };
      return structuredClone(invitation);
    },

    async savePartial(token, answers, options?: CallOptions) {
      const operation = 'survey.savePartial';
      const parsed = parseRequest(SurveyAnswersSchema, answers, operation);
      await simulateLatency(ctx, options);
      const record = find(token, operation);
      if (record.response) throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
      if (isExpired(record)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      const issues = validateSurveyAnswers(record.definition, parsed, { partial: true });
      if (issues.length > 0) throw invalidAnswers(issues, operation);
      const merged: SurveyAnswers = { ...record.partial, ...parsed };
      for (const [id, value] of Object.entries(merged)) if (value === null) delete merged[id];
      record.partial = merged;
    },

    async submit(token, request, options?: CallOptions) {
      const operation = 'survey.submit';
      const req = parseRequest(SubmitSurveyRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const record = find(token, operation);
      if (record.response) {
        if (record.responseKey === req.idempotencyKey) return structuredClone(record.response);
        throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
      }
      if (isExpired(record)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      const issues = validateSurveyAnswers(record.definition, req.answers);
      if (issues.length > 0) throw invalidAnswers(issues, operation);
      const score = npsScoreOf(record.definition, req.answers);
      const response: SurveyResponse = {
        id: `sresp-${createId()}`,
        invitationId: record.id,
        submittedAt: new Date(nowMs()).toISOString(),
        ...(score === undefined ? {} : { npsScore: score }),
      };
      record.response = response;
      record.responseKey = req.idempotencyKey;
      record.partial = {};
      return structuredClone(response);
    },

    async sendFeedback(token, request, options?: CallOptions) {
      const operation = 'survey.sendFeedback';
      const req = parseRequest(SendSurveyFeedbackRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const record = find(token, operation);
      if (isExpired(record)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      if (record.feedback.has(req.idempotencyKey)) return;
      record.feedback.set(req.idempotencyKey, { invitationId: record.id, message: req.message, receivedAt: new Date(nowMs()).toISOString() });
    },
  };
}

export function surveyHelpers(records: Map<string, InvitationRecord>): SurveyHelpers {
  return {
    listResponses() {
      return [...records.values()].flatMap((record) => (record.response && record.responseKey !== 'seeded' ? [structuredClone(record.response)] : []));
    },

    listFeedback() {
      return [...records.values()].flatMap((record) => [...record.feedback.values()].map((note) => ({ ...note })));
    },
  };
}
