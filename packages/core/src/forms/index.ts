/** The form engine: definitions checked, conditions evaluated, answers validated, FHIR mapped. */
export * from './answer-key.js';
export * from './answered.js';
export * from './item-types.js';
export * from './condition.js';
export * from './form-index.js';
export * from './dependency-graph.js';
export * from './definition-check.js';
export * from './definition-schema-problems.js';
export * from './validation.js';
export * from './form-engine.js';
export * from './consent-signing.js';
export * from './signature-svg.js';
export * from './fhir/fhir-types.js';
export * from './fhir/questionnaire-import.js';
export * from './fhir/questionnaire-response-export.js';
export * from './fhir/questionnaire-response-import.js';
