/**
 * Answers <-> QuestionnaireResponse. The items are the form engine's own export
 * (`exportQuestionnaireResponse`), so any FHIR client reads a proper response. A draft
 * (`in-progress`) also keeps the exact answers, page and draft version in extensions: FHIR has
 * no answer type for an address or a signature, and a draft must resume exactly as left. A
 * submitted response (`completed`) carries only the FHIR items and the submission's key.
 */
import {
  AnswersSchema,
  exportQuestionnaireResponse,
  importQuestionnaireResponse,
  type Answers,
  type Draft,
  type FormDefinition,
} from '@pxm/core/forms';
import { extensionOf, withExtension } from '../fhir/elements.js';
import { DRAFT_VERSION_EXTENSION, DRAFT_PAGE_EXTENSION } from '../fhir/namespace.js';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import { draftAnswersOf, linkResponse, withDraftAnswers, withSubmissionKey } from './link-response.js';

export interface ResponseContext {
  definition: FormDefinition;
  linkToken: string;
  subject?: string | undefined;
  authored: string;
}

/** Attachments answer with a resolvable `Binary/<id>` url (the upload's id). */
function linkAttachments(items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] | undefined {
  return items?.map((item) => ({
    ...item,
    ...(item.item ? { item: linkAttachments(item.item) } : {}),
    ...(item.answer
      ? {
          answer: item.answer.map((answer) => {
            const attachment = answer.valueAttachment as (typeof answer.valueAttachment & { id?: string }) | undefined;
            if (!attachment?.id) return answer;
            const { id, ...rest } = attachment;
            return { ...answer, valueAttachment: { ...rest, url: `Binary/${id}` } };
          }),
        }
      : {}),
  }));
}

function baseResponse(context: ResponseContext, answers: Answers, status: 'in-progress' | 'completed', existing?: QuestionnaireResponse): QuestionnaireResponse {
  const exported = exportQuestionnaireResponse(context.definition, answers, { status, authored: context.authored }).response as unknown as QuestionnaireResponse;
  return linkResponse(
    { linkToken: context.linkToken, exported: { ...exported, item: linkAttachments(exported.item) }, status, authored: context.authored, patientRef: context.subject, existing },
    context.subject ? { source: { reference: context.subject } } : {},
  );
}

export function draftResponse(context: ResponseContext, answers: Answers, pageId: string | undefined, version: number, existing?: QuestionnaireResponse): QuestionnaireResponse {
  let response = withDraftAnswers(baseResponse(context, answers, 'in-progress', existing), answers);
  response = withExtension(response, DRAFT_VERSION_EXTENSION, { url: DRAFT_VERSION_EXTENSION, valueInteger: version });
  return withExtension(response, DRAFT_PAGE_EXTENSION, pageId ? { url: DRAFT_PAGE_EXTENSION, valueString: pageId } : undefined);
}

export function completedResponse(context: ResponseContext, answers: Answers, submissionKey: string, existing?: QuestionnaireResponse): QuestionnaireResponse {
  return withSubmissionKey(baseResponse(context, answers, 'completed', existing), submissionKey);
}

export function draftVersionOf(response: QuestionnaireResponse): number {
  const value = extensionOf(response, DRAFT_VERSION_EXTENSION)?.valueInteger;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 1;
}

/** The answers of a stored response: exact from a draft's extension, else read back from the items. */
export function answersOf(response: QuestionnaireResponse, definition: FormDefinition): Answers {
  return draftAnswersOf(response, AnswersSchema) ?? importQuestionnaireResponse(definition, response).answers;
}

export function draftOf(response: QuestionnaireResponse, definition: FormDefinition): Draft {
  const pageId = extensionOf(response, DRAFT_PAGE_EXTENSION)?.valueString;
  return {
    answers: answersOf(response, definition),
    ...(pageId ? { pageId } : {}),
    version: draftVersionOf(response),
    savedAt: response.authored ?? response.meta?.lastUpdated ?? new Date(0).toISOString(),
  };
}
