/**
 * `@pxm/core/survey`: satisfaction and NPS surveys: schemas, segments, answer rules, and surveys
 * built from an intake form definition or a FHIR Questionnaire.
 */
export {
  InvitationStatusSchema,
  NpsSegmentSchema,
  SegmentedTextSchema,
  SendSurveyFeedbackRequestSchema,
  SubmitSurveyRequestSchema,
  SurveyAnswerValueSchema,
  SurveyAnswersSchema,
  SurveyChoiceSchema,
  SurveyDefinitionSchema,
  SurveyInvitationSchema,
  SurveyQuestionSchema,
  SurveyResponseSchema,
  npsSegment,
  type InvitationStatus,
  type NpsSegment,
  type SegmentedText,
  type SendSurveyFeedbackRequest,
  type SubmitSurveyRequest,
  type SurveyAnswerValue,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyInvitation,
  type SurveyQuestion,
  type SurveyResponse,
} from '../schemas/survey.js';
export { NPS_SEGMENTS, isNpsScore, npsScoreOf, segmentOfAnswers, segmentedText } from './segment.js';
export {
  DEFAULT_SURVEY_TEXT_MAX_LENGTH,
  characterCount,
  isAnswerEmpty,
  sanitizeSurveyAnswers,
  textLimitOf,
  validateSurveyAnswers,
  type SurveyAnswerIssue,
  type SurveyAnswerProblem,
  type ValidateSurveyAnswersOptions,
} from './answers.js';
export { requireShowableSurvey, surveyDefinitionProblems } from './definition-problems.js';
export { surveyFromFormDefinition, type SurveyImportIssue, type SurveyImportResult } from './from-form-definition.js';
export { surveyFromQuestionnaire } from './from-questionnaire.js';
