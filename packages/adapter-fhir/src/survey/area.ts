/** `@pxm/adapter-fhir/survey`: the survey area (Questionnaire, single-use QuestionnaireResponse, feedback). */
import { CONTRACT_METHODS, lazyCapability, type SurveyApi } from '@pxm/core';
import type { FhirArea } from '../compose.js';

export const fhirSurvey: FhirArea<'survey'> = {
  capability: 'survey',
  create: (context) =>
    lazyCapability<SurveyApi>('survey', async () => (await import('./fhir-survey.js')).createFhirSurvey(context), CONTRACT_METHODS.survey),
};
