/**
 * Intake on the database. Draft saves are optimistic: an update only applies to the version it
 * was built on (`WHERE draft_version = base`), so of two tabs saving at once the database lets
 * one win and the other learns of the conflict. The submission is one conditional update.
 */
import { createHash } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import {
  DraftSchema,
  FormDefinitionSchema,
  MAX_ATTACHMENT_BYTES,
  PromScoreSchema,
  storableAnswersOf,
  type AttachmentRef,
  type AttachmentUpload,
  type Draft,
  type IntakeResponse,
  type IntakeSession,
  type SaveDraftRequest,
  type SubmitIntakeRequest,
} from '@pxm/core/forms';
import { scoreForm } from '@pxm/core/prom';
import type { Queryable } from '../db/database.js';
import { forUpdate, type ServerContext } from '../context.js';
import { fingerprint, newId, requestFingerprint } from '../tokens.js';
import { recordMeasureResult } from './progress-service.js';
import { replayedSubmission } from './submission-replay.js';
import { assertOpenLink, tokenHashOf } from './link-token.js';
import { sniffContentType } from './content-sniffing.js';

interface LinkRow {
  id: string;
  form: string;
  expires_at: number | null;
  prior_scores: string;
  draft_answers: string | null;
  draft_page_id: string | null;
  draft_version: number;
  draft_hash: string | null;
  draft_saved_at: number | null;
  response_id: string | null;
  response_key: string | null;
  response_fingerprint: string | null;
  response: string | null;
  /** Set on a link that takes a due measure of a progress episode. */
  progress_episode_id: string | null;
  progress_instrument_id: string | null;
}

const COLUMNS =
  'id, form, expires_at, prior_scores, draft_answers, draft_page_id, draft_version, draft_hash, draft_saved_at, response_id, response_key, response, response_fingerprint, progress_episode_id, progress_instrument_id';

function draftOf(row: LinkRow): Draft | null {
  if (row.draft_answers === null || row.draft_saved_at === null) return null;
  return DraftSchema.parse({
    answers: JSON.parse(row.draft_answers),
    ...(row.draft_page_id ? { pageId: row.draft_page_id } : {}),
    version: row.draft_version,
    savedAt: new Date(row.draft_saved_at).toISOString(),
  });
}

function alreadySubmitted(operation: string): AdapterError {
  return new AdapterError('already_submitted', 'This form was already submitted.', { operation });
}

export function createIntakeService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  async function open(tx: Queryable, token: string, operation: string, lock = false): Promise<LinkRow> {
    const row = await tx.get<LinkRow>(`SELECT ${COLUMNS} FROM intake_links WHERE token_hash = $1${lock ? forUpdate(db) : ''}`, [
      tokenHashOf(token, operation),
    ]);
    return assertOpenLink(row, nowMs(), operation);
  }

  return {
    async loadForm(token: string): Promise<IntakeSession> {
      const row = await open(db, token, 'intake.loadForm');
      const definition = FormDefinitionSchema.parse(JSON.parse(row.form));
      return {
        formId: definition.id,
        definition,
        status: row.response_id ? 'submitted' : 'open',
        // Once submitted, the link no longer hands the answers back.
        draft: row.response_id ? null : draftOf(row),
        priorScores: (JSON.parse(row.prior_scores) as unknown[]).map((score) => PromScoreSchema.parse(score)),
        ...(row.response_id ? { responseId: row.response_id } : {}),
      };
    },

    async saveDraft(token: string, request: SaveDraftRequest): Promise<Draft> {
      const operation = 'intake.saveDraft';
      const contentHash = fingerprint([request.answers, request.pageId ?? null]);
      return db.transaction(async (tx) => {
        const row = await open(tx, token, operation, true);
        if (row.response_id) throw alreadySubmitted(operation);
        if (request.baseVersion !== row.draft_version) {
          // The same save arriving twice (a retry after a lost reply) gets the draft it made.
          if (row.draft_version === request.baseVersion + 1 && row.draft_hash === contentHash) return draftOf(row)!;
          throw new AdapterError('conflict', 'The draft was changed elsewhere.', { operation });
        }
        const savedAt = nowMs();
        const updated = await tx.run(
          `UPDATE intake_links SET draft_answers = $3, draft_page_id = $4, draft_version = draft_version + 1, draft_hash = $5, draft_saved_at = $6
            WHERE id = $1 AND draft_version = $2 AND response_id IS NULL`,
          [row.id, request.baseVersion, JSON.stringify(request.answers), request.pageId ?? null, contentHash, savedAt],
        );
        if (updated !== 1) throw new AdapterError('conflict', 'The draft was changed elsewhere.', { operation });
        return DraftSchema.parse({
          answers: request.answers,
          ...(request.pageId ? { pageId: request.pageId } : {}),
          version: request.baseVersion + 1,
          savedAt: new Date(savedAt).toISOString(),
        });
      });
    },

    async uploadAttachment(token: string, bytes: Uint8Array, upload: AttachmentUpload, requestKey: string | undefined): Promise<AttachmentRef> {
      const operation = 'intake.uploadAttachment';
      if (bytes.byteLength === 0 || bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      if (sniffContentType(bytes) !== upload.contentType) {
        throw new AdapterError('validation', 'The file is not the type it claims to be.', { operation, issues: [{ path: 'file', message: 'Content does not match its type.' }] });
      }
      return db.transaction(async (tx) => {
        const row = await open(tx, token, operation);
        if (row.response_id) throw alreadySubmitted(operation);
        if (requestKey) {
          const previous = await tx.get<{ id: string; content_type: string; size: number; purpose: string | null }>(
            'SELECT id, content_type, size, purpose FROM attachments WHERE intake_link_id = $1 AND request_key = $2',
            [row.id, requestKey],
          );
          if (previous) {
            return { id: previous.id, contentType: previous.content_type, size: previous.size, ...(previous.purpose ? { purpose: previous.purpose } : {}) };
          }
        }
        const ref: AttachmentRef = { id: newId('att'), contentType: upload.contentType, size: bytes.byteLength, ...(upload.purpose ? { purpose: upload.purpose } : {}) };
        await tx.run(
          `INSERT INTO attachments (id, intake_link_id, content_type, size, purpose, sha256, data, request_key, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [ref.id, row.id, ref.contentType, ref.size, ref.purpose ?? null, createHash('sha256').update(bytes).digest('hex'), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), requestKey ?? null, nowMs()],
        );
        return ref;
      });
    },

    async submit(token: string, request: SubmitIntakeRequest): Promise<IntakeResponse> {
      const operation = 'intake.submit';
      return db.transaction(async (tx) => {
        const row = await open(tx, token, operation, true);
        const requestHash = requestFingerprint(request);
        if (row.response_id) {
          const replayed = replayedSubmission<IntakeResponse>(row, request.idempotencyKey, requestHash, operation);
          if (replayed) return replayed;
          throw alreadySubmitted(operation);
        }
        const definition = FormDefinitionSchema.parse(JSON.parse(row.form));
        const submittedAt = new Date(nowMs()).toISOString();
        // Keep only what the patient could see, refuse what the form's rules refuse, and score that.
        const answers = storableAnswersOf(definition, request.answers, new Date(nowMs()), operation);
        const scores = scoreForm(definition, answers)
          .filter((result) => result.score !== null)
          .map((result) => ({ instrument: result.instrument, score: result.score!, recordedAt: submittedAt }));
        const response: IntakeResponse = {
          id: newId('resp'),
          formId: definition.id,
          formVersion: definition.version,
          submittedAt,
          ...(scores.length > 0 ? { scores } : {}),
        };
        const stored = await tx.run(
          `UPDATE intake_links SET response_id = $2, response_key = $3, response = $4, submitted_answers = $5, response_fingerprint = $6,
             draft_answers = NULL, draft_page_id = NULL, draft_hash = NULL, draft_saved_at = NULL
            WHERE id = $1 AND response_id IS NULL`,
          [row.id, response.id, request.idempotencyKey, JSON.stringify(response), JSON.stringify(answers), requestHash],
        );
        if (stored !== 1) throw alreadySubmitted(operation);
        // A due measure taken from a progress link joins the episode's results, in the same transaction.
        const measured = scores.find((score) => score.instrument === row.progress_instrument_id);
        if (row.progress_episode_id && measured) {
          await recordMeasureResult(tx, row.progress_episode_id, { id: response.id, instrumentId: measured.instrument, score: measured.score, takenAt: submittedAt, source: 'intake' });
        }
        return response;
      });
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
