/** Surveys on the memory backend: partial answers, and exactly one response per invitation. */
import {
  AdapterError,
  SubmitSurveyRequestSchema,
  SurveyAnswersSchema,
  SurveyInvitationSchema,
  createId,
  parseRequest,
  type CallOptions,
  type SurveyAnswers,
  type SurveyApi,
  type SurveyResponse,
} from '@pxm/core';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';
import type { SurveySeed } from './seed.js';

interface InvitationRecord extends SurveySeed {
  id: string;
  partial: SurveyAnswers;
  response?: SurveyResponse;
  responseKey?: string;
}

export interface MemorySurveyApi extends SurveyApi {
  /** Test and demo helper: every stored response. */
  listResponses(): SurveyResponse[];
}

export function createMemorySurvey(ctx: MemoryContext): MemorySurveyApi {
  const records = new Map<string, InvitationRecord>();
  for (const seed of ctx.seed.surveys) {
    const record: InvitationRecord = { ...seed, id: `inv-${createId()}`, partial: {} };
    if (seed.answered) {
      record.response = { id: `sresp-${createId()}`, invitationId: record.id, submittedAt: new Date(ctx.now().getTime() - 86_400_000).toISOString() };
      record.responseKey = 'seeded';
    }
    records.set(seed.token, record);
  }
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
      await simulateLatency(ctx.latency, options?.signal);
      const record = find(token, 'survey.loadInvitation');
      return SurveyInvitationSchema.parse({
        id: record.id,
        status: record.response ? 'answered' : isExpired(record) ? 'expired' : 'open',
        expiresAt: record.expiresAt,
        definition: record.definition,
        partialAnswers: record.partial,
        practiceName: ctx.seed.practice.name,
        reviewLinks: ctx.seed.practice.reviewLinks ?? [],
      });
    },

    async savePartial(token, answers, options?: CallOptions) {
      const operation = 'survey.savePartial';
      const parsed = parseRequest(SurveyAnswersSchema, answers, operation);
      await simulateLatency(ctx.latency, options?.signal);
      const record = find(token, operation);
      if (record.response) throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
      if (isExpired(record)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      record.partial = { ...record.partial, ...parsed };
    },

    async submit(token, request, options?: CallOptions) {
      const operation = 'survey.submit';
      const req = parseRequest(SubmitSurveyRequestSchema, request, operation);
      await simulateLatency(ctx.latency, options?.signal);
      const record = find(token, operation);
      if (record.response) {
        if (record.responseKey === req.idempotencyKey) return structuredClone(record.response);
        throw new AdapterError('already_submitted', 'This survey was already answered.', { operation });
      }
      if (isExpired(record)) throw new AdapterError('token_expired', 'This survey link has expired.', { operation });
      const nps = record.definition.questions.find((q) => q.type === 'nps');
      const score = nps ? req.answers[nps.id] : undefined;
      const response: SurveyResponse = {
        id: `sresp-${createId()}`,
        invitationId: record.id,
        submittedAt: new Date(nowMs()).toISOString(),
        ...(typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 10 ? { npsScore: score } : {}),
      };
      record.response = response;
      record.responseKey = req.idempotencyKey;
      record.partial = { ...record.partial, ...req.answers };
      return structuredClone(response);
    },

    listResponses() {
      return [...records.values()].flatMap((record) => (record.response && record.responseKey !== 'seeded' ? [structuredClone(record.response)] : []));
    },
  };
}
