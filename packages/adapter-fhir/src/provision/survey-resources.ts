/** A survey and its responses as the adapter reads them. */
import type { SurveyAnswers } from '@pxm/core/survey';
import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import { questionnaireFromSurvey, surveyFromQuestionnaireResource } from '../survey/questionnaire-survey.js';
import { surveyResponse } from '../survey/survey-response.js';

export { questionnaireFromSurvey };

/**
 * The response of one invitation: answers saved so far (`in-progress`), or submitted
 * (`completed`, with the key the submit used).
 */
export function surveyResponseResource(
  questionnaire: Questionnaire,
  input: { token: string; patientId?: string; answers: SurveyAnswers; authored: string } & ({ status: 'in-progress' } | { status: 'completed'; submissionKey: string }),
): QuestionnaireResponse {
  const survey = surveyFromQuestionnaireResource(questionnaire).value;
  if (!survey) throw new Error('The Questionnaire is not a survey.');
  return surveyResponse(survey, {
    linkToken: input.token,
    patientRef: input.patientId ? `Patient/${input.patientId}` : undefined,
    answers: input.answers,
    authored: input.authored,
    status: input.status,
    submissionKey: input.status === 'completed' ? input.submissionKey : undefined,
  });
}

