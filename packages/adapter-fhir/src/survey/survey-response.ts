/**
 * Survey answers as the token's one QuestionnaireResponse: the form engine's export of the
 * answers (so any FHIR client reads it), `in-progress` with the exact partial answers in the
 * `draft-answers` extension, or `completed` with the submission's key.
 */
import { SurveyAnswersSchema, type SurveyAnswers } from '@pxm/core/survey';
import { exportQuestionnaireResponse, importQuestionnaireResponse } from '@pxm/core/forms';
import { extensionOf, withExtension } from '../fhir/elements.js';
import { EXTENSION, IDENTIFIER } from '../fhir/namespace.js';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { base64ToUtf8, utf8ToBase64 } from '../util/base64.js';
import { fromFormAnswers, toFormAnswers, type SurveyForm } from './questionnaire-survey.js';

export interface SurveyResponseInput {
  linkToken: string;
  patientRef?: string | undefined;
  answers: SurveyAnswers;
  authored: string;
  /** `completed` needs the submission's idempotency key. */
  status: 'in-progress' | 'completed';
  submissionKey?: string | undefined;
  existing?: QuestionnaireResponse | undefined;
}

export function surveyResponse(survey: SurveyForm, input: SurveyResponseInput): QuestionnaireResponse {
  const exported = exportQuestionnaireResponse(survey.form, toFormAnswers(survey, input.answers), { status: input.status, authored: input.authored })
    .response as unknown as QuestionnaireResponse;
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    ...(input.existing ? { id: input.existing.id, meta: input.existing.meta } : {}),
    identifier: { system: IDENTIFIER.linkToken, value: input.linkToken },
    ...(exported.questionnaire ? { questionnaire: exported.questionnaire } : {}),
    status: input.status,
    ...(input.patientRef ? { subject: { reference: input.patientRef }, author: { reference: input.patientRef } } : {}),
    authored: input.authored,
    ...(exported.item?.length ? { item: exported.item } : {}),
  };
  if (input.status === 'completed') {
    return withExtension(response, EXTENSION.submissionKey, { url: EXTENSION.submissionKey, valueString: input.submissionKey ?? '' });
  }
  return withExtension(response, EXTENSION.draftAnswers, {
    url: EXTENSION.draftAnswers,
    valueAttachment: { contentType: 'application/json', data: utf8ToBase64(JSON.stringify(input.answers)) },
  });
}

export const isDone = (response: QuestionnaireResponse | undefined): boolean => response?.status === 'completed' || response?.status === 'amended';

export function submissionKeyOf(response: QuestionnaireResponse): string | undefined {
  return extensionOf(response, EXTENSION.submissionKey)?.valueString;
}

/** Partial answers of a response still open: exact from the extension, else read from the items. */
export function partialAnswersOf(response: QuestionnaireResponse | undefined, survey: SurveyForm): SurveyAnswers {
  if (!response || isDone(response)) return {};
  const data = extensionOf(response, EXTENSION.draftAnswers)?.valueAttachment?.data;
  const text = data ? base64ToUtf8(data) : undefined;
  if (text) {
    try {
      const parsed = SurveyAnswersSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Fall back to the response's items.
    }
  }
  return fromFormAnswers(survey, importQuestionnaireResponse(survey.form, response).answers);
}
