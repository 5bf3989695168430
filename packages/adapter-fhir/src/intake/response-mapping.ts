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
import { EXTENSION, IDENTIFIER } from '../fhir/namespace.js';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import { base64ToUtf8, utf8ToBase64 } from '../util/base64.js';

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

function baseResponse(context: ResponseContext, answers: Answers, status: 'in-progress' | 'completed'): QuestionnaireResponse {
  const exported = exportQuestionnaireResponse(context.definition, answers, { status, authored: context.authored }).response as unknown as QuestionnaireResponse;
  const items = linkAttachments(exported.item);
  return {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: IDENTIFIER.linkToken, value: context.linkToken },
    ...(exported.questionnaire ? { questionnaire: exported.questionnaire } : {}),
    status,
    ...(context.subject ? { subject: { reference: context.subject } } : {}),
    authored: context.authored,
    ...(context.subject ? { author: { reference: context.subject }, source: { reference: context.subject } } : {}),
    ...(items && items.length > 0 ? { item: items } : {}),
  };
}

export function draftResponse(context: ResponseContext, answers: Answers, pageId: string | undefined, version: number, existing?: QuestionnaireResponse): QuestionnaireResponse {
  const fresh = baseResponse(context, answers, 'in-progress');
  let response: QuestionnaireResponse = existing ? { ...fresh, id: existing.id, meta: existing.meta } : fresh;
  response = withExtension(response, EXTENSION.draftAnswers, {
    url: EXTENSION.draftAnswers,
    valueAttachment: { contentType: 'application/json', data: utf8ToBase64(JSON.stringify(answers)) },
  });
  response = withExtension(response, EXTENSION.draftVersion, { url: EXTENSION.draftVersion, valueInteger: version });
  return withExtension(response, EXTENSION.draftPage, pageId ? { url: EXTENSION.draftPage, valueString: pageId } : undefined);
}

export function completedResponse(context: ResponseContext, answers: Answers, submissionKey: string, existing?: QuestionnaireResponse): QuestionnaireResponse {
  const fresh = baseResponse(context, answers, 'completed');
  const response: QuestionnaireResponse = existing ? { ...fresh, id: existing.id, meta: existing.meta } : fresh;
  return withExtension(response, EXTENSION.submissionKey, { url: EXTENSION.submissionKey, valueString: submissionKey });
}

export function draftVersionOf(response: QuestionnaireResponse): number {
  const value = extensionOf(response, EXTENSION.draftVersion)?.valueInteger;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 1;
}

export function submissionKeyOf(response: QuestionnaireResponse): string | undefined {
  return extensionOf(response, EXTENSION.submissionKey)?.valueString;
}

/** The answers of a stored response: exact from a draft's extension, else read back from the items. */
export function answersOf(response: QuestionnaireResponse, definition: FormDefinition): Answers {
  const data = extensionOf(response, EXTENSION.draftAnswers)?.valueAttachment?.data;
  const text = data ? base64ToUtf8(data) : undefined;
  if (text) {
    try {
      const parsed = AnswersSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall back to the FHIR items below.
    }
  }
  return importQuestionnaireResponse(definition, response).answers;
}

export function draftOf(response: QuestionnaireResponse, definition: FormDefinition): Draft {
  const pageId = extensionOf(response, EXTENSION.draftPage)?.valueString;
  return {
    answers: answersOf(response, definition),
    ...(pageId ? { pageId } : {}),
    version: draftVersionOf(response),
    savedAt: response.authored ?? response.meta?.lastUpdated ?? new Date(0).toISOString(),
  };
}
