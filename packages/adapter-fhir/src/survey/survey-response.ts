/**
 * Survey answers as the token's one QuestionnaireResponse: the form engine's export of the
 * answers (so any FHIR client reads it), `in-progress` with the exact partial answers in the
 * `draft-answers` extension, or `completed` with the submission's key.
 */
import { SurveyAnswersSchema, type SurveyAnswers } from '@pxm/core/survey';
import { exportQuestionnaireResponse, importQuestionnaireResponse } from '@pxm/core/forms';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { draftAnswersOf, isDone, linkResponse, withDraftAnswers, withSubmissionKey } from '../intake/link-response.js';
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
  const response = linkResponse({ ...input, exported });
  return input.status === 'completed' ? withSubmissionKey(response, input.submissionKey ?? '') : withDraftAnswers(response, input.answers);
}

/** Partial answers of a response still open: exact from the extension, else read from the items. */
export function partialAnswersOf(response: QuestionnaireResponse | undefined, survey: SurveyForm): SurveyAnswers {
  if (!response || isDone(response)) return {};
  return draftAnswersOf(response, SurveyAnswersSchema) ?? fromFormAnswers(survey, importQuestionnaireResponse(survey.form, response).answers);
}
