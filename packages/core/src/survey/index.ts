/**
 * `@pxm/core/survey`: satisfaction and NPS surveys: schemas, segments, answer rules, and surveys
 * built from an intake form definition or a FHIR Questionnaire.
 */
export * from '../schemas/survey.js';
export * from './segment.js';
export * from './answers.js';
export * from './definition-problems.js';
export * from './read-survey.js';
export * from './from-form-definition.js';
export * from './from-questionnaire.js';
