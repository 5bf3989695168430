/**
 * `@pxm/core/forms`: intake forms: their schemas and the engine (definitions checked, conditions
 * evaluated, answers validated, FHIR Questionnaire mapped). Scoring is in `@pxm/core/prom`.
 */
export * from '../schemas/intake.js';
export * from './answer-key.js';
export * from './answered.js';
export * from './item-types.js';
export type { ReadIssue, Reader } from './wire/read.js';
export { readFormDefinition, readCondition, readItem } from './wire/read-definition.js';
export {
  readAnswerValue,
  readAnswers,
  readAttachmentRef,
  readDraft,
  readIntakeResponse,
  readIntakeSessionEnvelope,
  readReply,
  type IntakeSessionEnvelope,
} from './wire/read-session.js';
export * from './condition.js';
export * from './form-index.js';
export * from './dependency-graph.js';
export * from './definition-check.js';
export * from './validation.js';
export * from './form-engine.js';
export * from './consent-signing.js';
export * from './signature-svg.js';
export * from './fhir/fhir-types.js';
export * from './fhir/questionnaire-import.js';
export * from './fhir/questionnaire-response-export.js';
export * from './fhir/questionnaire-response-import.js';
