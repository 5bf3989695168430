/**
 * Intake on the memory backend: versioned drafts, attachments by reference, one submission.
 * Requests are parsed here (this is the backend); replies are validated at the element boundary.
 */
import { AdapterError, createId, parseRequest, type CallOptions, type IntakeApi } from '@pxm/core';
import {
  AttachmentUploadSchema,
  MAX_ATTACHMENT_BYTES,
  SaveDraftRequestSchema,
  SubmitIntakeRequestSchema,
  storableAnswersOf,
  type Answers,
  type AttachmentRef,
  type Draft,
  type IntakeResponse,
  type IntakeSession,
  type PromScore,
} from '@pxm/core/forms';
import { scoreForm } from '@pxm/core/prom';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';
import type { IntakeSeed } from './seed.js';
import { openToken } from './tokens.js';

/** Told the scores of a submitted form, for a form a progress episode opened. */
export type FormSubmitted = (scores: PromScore[], response: IntakeResponse) => void;

export interface IntakeRecord extends IntakeSeed {
  draft: Draft | null;
  onSubmitted?: FormSubmitted;
  response?: IntakeResponse;
  responseKey?: string;
  /** The answers as submitted, hidden items removed. */
  submitted?: Answers;
}

export interface MemoryIntakeApi extends IntakeApi {
  /** Test and demo helper: the stored attachment bytes. */
  getAttachment(id: string): Blob | undefined;
  /** Test and demo helper: what was submitted for a token (the answers kept, and the response). */
  getSubmission(token: string): { answers: Answers; response: IntakeResponse } | undefined;
  /**
   * Backend helper: opens a form by a new token (a token already known is left as it is), and
   * tells `onSubmitted` its scores once it is submitted. Progress uses it for due measures.
   */
  registerForm(seed: IntakeSeed, onSubmitted?: FormSubmitted): void;
}

/** What a memory intake stores that its test and demo helpers read too. */
export interface IntakeRecords {
  /** The forms, by token. */
  forms: Map<string, IntakeRecord>;
  attachments: Map<string, Blob>;
}

export function newIntakeRecords(ctx: MemoryContext): IntakeRecords {
  return { forms: new Map(ctx.seed.intakeForms.map((seed) => [seed.token, { ...seed, draft: null }])), attachments: new Map() };
}

/** The helpers only tests and demos call: `createMemoryAdapter` has them, the script-tag adapter does not. */
type IntakeHelpers = Pick<MemoryIntakeApi, 'getAttachment' | 'getSubmission'>;

export function createMemoryIntake(ctx: MemoryContext, { forms: records, attachments }: IntakeRecords): Omit<MemoryIntakeApi, keyof IntakeHelpers> {
  const nowMs = () => ctx.now().getTime();

  function open(token: string, operation: string): IntakeRecord {
    return openToken(records, token, nowMs(), operation);
  }

  function assertOpen(record: IntakeRecord, operation: string): void {
    if (record.response) throw new AdapterError('already_submitted', 'This form was already submitted.', { operation });
  }

  return {
    async loadForm(token, options?: CallOptions) {
      await simulateLatency(ctx, options);
      const record = open(token, 'intake.loadForm');
      // A copy, so a caller cannot change what is stored; the element boundary validates it.
      const session: IntakeSession = {
        formId: record.definition.id,
        definition: record.definition,
        status: record.response ? 'submitted' : 'open',
        draft: record.draft,
        priorScores: record.priorScores ?? [],
        ...(record.response ? { responseId: record.response.id } : {}),
      };
      return structuredClone(session);
    },

    async saveDraft(token, request, options?: CallOptions) {
      const operation = 'intake.saveDraft';
      const req = parseRequest(SaveDraftRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const record = open(token, operation);
      assertOpen(record, operation);
      const currentVersion = record.draft?.version ?? 0;
      if (req.baseVersion !== currentVersion) {
        throw new AdapterError('conflict', 'The draft was changed elsewhere.', { operation });
      }
      // Built from the parsed request: nothing here needs parsing again.
      record.draft = {
        answers: req.answers,
        ...(req.pageId ? { pageId: req.pageId } : {}),
        version: currentVersion + 1,
        savedAt: new Date(nowMs()).toISOString(),
      };
      return structuredClone(record.draft);
    },

    async uploadAttachment(token, file, upload, options?: CallOptions) {
      const operation = 'intake.uploadAttachment';
      const meta = parseRequest(AttachmentUploadSchema, upload, operation);
      if (!(file instanceof Blob) || file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      await simulateLatency(ctx, options);
      const record = open(token, operation);
      assertOpen(record, operation);
      const ref: AttachmentRef = {
        id: `att-${createId()}`,
        contentType: meta.contentType,
        size: file.size,
        ...(meta.purpose ? { purpose: meta.purpose } : {}),
      };
      attachments.set(ref.id, file);
      return ref;
    },

    async submit(token, request, options?: CallOptions) {
      const operation = 'intake.submit';
      const req = parseRequest(SubmitIntakeRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const record = open(token, operation);
      if (record.response) {
        if (record.responseKey === req.idempotencyKey) return structuredClone(record.response);
        throw new AdapterError('already_submitted', 'This form was already submitted.', { operation });
      }
      const submittedAt = new Date(nowMs()).toISOString();
      // Keep only what the patient could see, refuse what the form's rules refuse, and score that.
      const answers = storableAnswersOf(record.definition, req.answers, new Date(nowMs()), operation);
      const scores = scoreForm(record.definition, answers)
        .filter((result) => result.score !== null)
        .map((result) => ({ instrument: result.instrument, score: result.score!, recordedAt: submittedAt }));
      const response: IntakeResponse = {
        id: `resp-${createId()}`,
        formId: record.definition.id,
        formVersion: record.definition.version,
        submittedAt,
        ...(scores.length > 0 ? { scores } : {}),
      };
      record.response = response;
      record.responseKey = req.idempotencyKey;
      record.submitted = answers;
      record.draft = record.draft ? { ...record.draft, answers: req.answers } : null;
      record.onSubmitted?.(scores, response);
      return structuredClone(response);
    },

    registerForm(seed, onSubmitted) {
      if (records.has(seed.token)) return;
      records.set(seed.token, { ...structuredClone(seed), draft: null, ...(onSubmitted ? { onSubmitted } : {}) });
    },
  };
}

export function intakeHelpers({ forms, attachments }: IntakeRecords): IntakeHelpers {
  return {
    getAttachment(id) {
      return attachments.get(id);
    },

    getSubmission(token) {
      const record = forms.get(token);
      return record?.response && record.submitted ? structuredClone({ answers: record.submitted, response: record.response }) : undefined;
    },
  };
}
