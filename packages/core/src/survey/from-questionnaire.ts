/**
 * A survey from a FHIR R4 Questionnaire: the form engine imports it, then it is read as a survey
 * (see `surveyFromFormDefinition`). Issues from both steps come back together, each with its
 * linkId. Lives apart from the survey element's code so only hosts that import FHIR load it.
 */
import { importQuestionnaire } from '../forms/fhir/questionnaire-import.js';
import { surveyFromFormDefinition, type SurveyImportResult } from './from-form-definition.js';

export function surveyFromQuestionnaire(questionnaire: unknown): SurveyImportResult {
  const imported = importQuestionnaire(questionnaire);
  if (!imported.definition) return { definition: undefined, issues: imported.issues };
  const survey = surveyFromFormDefinition(imported.definition);
  return { definition: survey.definition, issues: [...imported.issues, ...survey.issues] };
}
