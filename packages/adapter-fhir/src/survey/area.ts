/** `@pxm/adapter-fhir/survey`: the survey area (Questionnaire, single-use QuestionnaireResponse, feedback). */
import type { FhirArea } from '../compose.js';
import { createFhirSurvey } from './fhir-survey.js';

export const fhirSurvey: FhirArea<'survey'> = { capability: 'survey', create: (context) => createFhirSurvey(context) };
