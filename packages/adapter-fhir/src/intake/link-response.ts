/**
 * The one QuestionnaireResponse a link token has, intake form or survey alike: its identifier is
 * the token; `in-progress` while answers are saved (the exact answers in the `draft-answers`
 * extension), `completed` with the submission's key once submitted; `completed` or `amended`
 * counts as done. Both capabilities find, write and submit it the same way, here.
 */
import { AdapterError } from '@pxm/core';
import type { FhirContext } from '../context.js';
import { extensionOf, identifierValue, token, withExtension } from '../fhir/elements.js';
import { LINK_TOKEN_IDENTIFIER, SUBMISSION_KEY_EXTENSION, DRAFT_ANSWERS_EXTENSION } from '../fhir/namespace.js';
import type { QuestionnaireResponse, Task } from '../fhir/types.js';
import { isConflict } from '../http/errors.js';
import { base64ToUtf8, utf8ToBase64 } from '../util/base64.js';
import type { Invitation } from './invitation.js';

export const isDone = (response: QuestionnaireResponse | undefined): boolean => response?.status === 'completed' || response?.status === 'amended';

/** The token's response: the done one when there is one, else the draft (none is `entered-in-error`). */
export async function findLinkResponse(ctx: FhirContext, linkToken: string, operation: string, signal?: AbortSignal): Promise<QuestionnaireResponse | undefined> {
  const found = await ctx.client.search<QuestionnaireResponse>(operation, 'QuestionnaireResponse', { identifier: token(LINK_TOKEN_IDENTIFIER, linkToken) }, signal);
  const mine = found.matches.filter((response) => identifierValue(response, LINK_TOKEN_IDENTIFIER) === linkToken && response.status !== 'entered-in-error');
  return mine.find(isDone) ?? mine[0];
}

/** The conditional create that makes the token's first response: of two racing, one is created. */
export const firstResponse = (linkToken: string) => ({ identifier: token(LINK_TOKEN_IDENTIFIER, linkToken) });

export interface LinkResponseFields {
  linkToken: string;
  /** The form engine's export of the answers: its `questionnaire` and `item` are kept. */
  exported: QuestionnaireResponse;
  status: 'in-progress' | 'completed';
  authored: string;
  /** `Patient/<id>`: the response's subject and author. */
  patientRef?: string | undefined;
  /** The stored response this one replaces (its id and version are kept). */
  existing?: QuestionnaireResponse | undefined;
}

/** The response of a token, without its draft or submission extension. */
export function linkResponse(fields: LinkResponseFields, extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse {
  const { exported, patientRef, existing } = fields;
  return {
    resourceType: 'QuestionnaireResponse',
    ...(existing ? { id: existing.id, meta: existing.meta } : {}),
    identifier: { system: LINK_TOKEN_IDENTIFIER, value: fields.linkToken },
    ...(exported.questionnaire ? { questionnaire: exported.questionnaire } : {}),
    status: fields.status,
    ...(patientRef ? { subject: { reference: patientRef }, author: { reference: patientRef } } : {}),
    authored: fields.authored,
    ...extra,
    ...(exported.item?.length ? { item: exported.item } : {}),
  };
}

/** Marks a response submitted with its key (a retried submit finds its own response by it). */
export function withSubmissionKey(response: QuestionnaireResponse, submissionKey: string): QuestionnaireResponse {
  return withExtension(response, SUBMISSION_KEY_EXTENSION, { url: SUBMISSION_KEY_EXTENSION, valueString: submissionKey });
}

export function submissionKeyOf(response: QuestionnaireResponse): string | undefined {
  return extensionOf(response, SUBMISSION_KEY_EXTENSION)?.valueString;
}

/** Keeps the exact answers of a draft (FHIR items cannot say all of them). */
export function withDraftAnswers(response: QuestionnaireResponse, answers: unknown): QuestionnaireResponse {
  return withExtension(response, DRAFT_ANSWERS_EXTENSION, {
    url: DRAFT_ANSWERS_EXTENSION,
    valueAttachment: { contentType: 'application/json', data: utf8ToBase64(JSON.stringify(answers)) },
  });
}

/** The exact answers a draft kept, when they are there and fit `schema`. */
export function draftAnswersOf<T>(response: QuestionnaireResponse, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
  const data = extensionOf(response, DRAFT_ANSWERS_EXTENSION)?.valueAttachment?.data;
  const text = data ? base64ToUtf8(data) : undefined;
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Not JSON: the caller reads the FHIR items instead.
    return undefined;
  }
}

export interface SubmitOnce {
  linkToken: string;
  submissionKey: string;
  attempts: number;
  operation: string;
  signal?: AbortSignal | undefined;
  /** The completed response to write, over the stored one when there is one. */
  completed(existing?: QuestionnaireResponse): QuestionnaireResponse;
  /** Refusals checked once the response is known not done (an expired link, answers that do not fit). */
  check?(): void;
  /** The error for a response already submitted under another key. */
  submitted(): AdapterError;
}

/**
 * Submits the token's response exactly once: a conditional create or a version-checked update,
 * looked at again after every conflict. Returns the done response carrying this submission's
 * key (a retry of a submit that went through finds it); another key's is `submitted()`.
 */
export async function submitOnce(ctx: FhirContext, submit: SubmitOnce): Promise<QuestionnaireResponse> {
  const { operation, signal } = submit;
  for (let attempt = 0; attempt < submit.attempts; attempt++) {
    const existing = await findLinkResponse(ctx, submit.linkToken, operation, signal);
    if (existing && isDone(existing)) {
      if (submissionKeyOf(existing) === submit.submissionKey) return existing;
      throw submit.submitted();
    }
    submit.check?.();
    try {
      const written = existing
        ? await ctx.client.update(operation, submit.completed(existing), { ifMatch: existing.meta?.versionId, signal })
        : await ctx.client.create(operation, submit.completed(), { ifNoneExist: firstResponse(submit.linkToken), signal });
      if (!isDone(written.resource)) continue;
      if (submissionKeyOf(written.resource) !== submit.submissionKey) throw submit.submitted();
      return written.resource;
    } catch (error) {
      // Someone else wrote the response (a draft save or another submit): look again.
      if (!isConflict(error)) throw error;
    }
  }
  throw new AdapterError('conflict', 'The response kept changing while it was submitted.', { operation, retryable: true });
}

/** Marks the invitation's Task done, pointing at the response; a Task changed meanwhile by someone else is left as it is. */
export async function completeTask(ctx: FhirContext, invitation: Invitation, responseId: string, operation: string, signal?: AbortSignal): Promise<void> {
  if (invitation.task.status === 'completed') return;
  const done: Task = {
    ...invitation.task,
    status: 'completed',
    lastModified: ctx.now().toISOString(),
    output: [{ type: { text: 'QuestionnaireResponse' }, valueReference: { reference: `QuestionnaireResponse/${responseId}` } }],
  };
  await ctx.client.update(operation, done, { ifMatch: invitation.version, signal }).catch((error: unknown) => {
    if (!isConflict(error)) throw error;
  });
}
