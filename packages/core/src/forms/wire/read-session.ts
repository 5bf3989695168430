/**
 * Reads what an intake backend sends (the session, drafts, responses, attachment references)
 * without a schema library. Mirrors the lenient record schemas of `schemas/intake.ts` (unknown
 * keys dropped) and the strict answer shapes; `wire-readers.test.ts` holds them to the same
 * verdict. The definition is left unread here: `checkFormDefinition` reads it and reports every
 * problem by item id.
 */
import type { AnswerValue, Answers, AttachmentRef, Draft, IntakeResponse, PromScore } from '../../schemas/intake.js';
import { AdapterError } from '../../errors/adapter-error.js';
import {
  boolean,
  id,
  instant,
  label,
  lazy,
  list,
  nullable,
  nullValue,
  number,
  object,
  oneOf,
  optional,
  record,
  text,
  union,
  unknownValue,
  type ReadIssue,
  type Reader,
} from './read.js';

export const readAttachmentRef = object({
  id,
  contentType: text(0, 100),
  size: number({ int: true, min: 0 }),
  purpose: optional(text(0, 100)),
}) as Reader<AttachmentRef>;

const signature = object(
  {
    signerName: label,
    signedAt: instant,
    method: oneOf(['drawn', 'typed']),
    consentId: optional(id),
    consentVersion: optional(text()),
    textSha256: optional(text(0, Infinity, /^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256')),
    svg: optional(text(0, 500_000)),
    userAgent: optional(text(0, 500)),
  },
  true,
);

const consent = object({ agreed: boolean, agreedAt: optional(instant), version: text() }, true);

const insuranceCard = object({ front: optional(readAttachmentRef), back: optional(readAttachmentRef) }, true);

const address = object(
  {
    line1: text(0, 500),
    line2: optional(text(0, 500)),
    city: text(0, 200),
    region: optional(text(0, 100)),
    postalCode: optional(text(0, 20)),
    country: optional(text(0, 2)),
  },
  true,
);

/** One answer, tried in the order of `AnswerValueSchema`. */
export const readAnswerValue: Reader<AnswerValue> = union<AnswerValue>(
  [
    text(0, 100_000),
    number(),
    boolean,
    nullValue,
    list(text(0, 1000)),
    list(lazy(() => readAnswers)),
    signature,
    consent,
    insuranceCard,
    address,
  ] as Array<Reader<AnswerValue>>,
  'not a valid answer',
);

export const readAnswers: Reader<Answers> = record(text(0, 200), readAnswerValue);

export const readDraft = object({
  answers: readAnswers,
  pageId: optional(id),
  version: number({ int: true, min: 0 }),
  savedAt: instant,
}) as Reader<Draft>;

const promScore = object({ instrument: id, score: number(), recordedAt: instant }) as Reader<PromScore>;

/** An intake session with its definition still unread. */
export interface IntakeSessionEnvelope {
  formId: string;
  definition: unknown;
  status: 'open' | 'submitted';
  draft: Draft | null;
  priorScores: PromScore[];
  responseId?: string | undefined;
}

export const readIntakeSessionEnvelope = object({
  formId: id,
  definition: unknownValue,
  status: oneOf(['open', 'submitted']),
  draft: nullable(readDraft),
  priorScores: list(promScore),
  responseId: optional(id),
}) as Reader<IntakeSessionEnvelope>;

export const readIntakeResponse = object({
  id,
  formId: id,
  formVersion: text(),
  submittedAt: instant,
  scores: optional(list(promScore)),
}) as Reader<IntakeResponse>;

/** Reads a reply at the adapter boundary: a malformed one is the backend's fault (`server`). */
export function readReply<T>(reader: Reader<T>, value: unknown, operation: string): T {
  const issues: ReadIssue[] = [];
  const read = reader(value, '', issues);
  if (issues.length === 0 && read !== undefined) return read;
  throw new AdapterError('server', `The backend sent a malformed reply to ${operation}.`, { operation, retryable: false, issues: issues.slice(0, 20) });
}
