/** `@pxm/core`: schemas, the adapter contract, errors and pure engines. No DOM, no Lit. */
// First: a polluted Object.prototype must not break the schemas' construction below.
export * from './util/enumerable-prototype.js';
export * from './errors/adapter-error.js';
export * from './util/abort.js';
export * from './util/ids.js';

export * from './schemas/common.js';
export * from './schemas/practice.js';
export * from './schemas/booking.js';
export * from './schemas/intake.js';
export * from './schemas/hep.js';
export * from './schemas/survey.js';

export * from './adapter/adapter.js';
export * from './adapter/booking-api.js';
export * from './adapter/intake-api.js';
export * from './adapter/hep-api.js';
export * from './adapter/survey-api.js';
export * from './adapter/parse.js';
export * from './adapter/reply-schemas.js';

export * from './time/local-date.js';
export * from './time/zoned-time.js';
export * from './time/format.js';
export * from './time/day-clock.js';

export * from './booking/index.js';

export * from './ics/ics.js';

export * from './forms/index.js';
export * from './prom/scoring-rule.js';
export * from './prom/score.js';
export * from './prom/baseline.js';

export * from './hep/index.js';

export * from './survey/segment.js';
export * from './survey/answers.js';
export * from './survey/definition-problems.js';
export * from './survey/read-survey.js';
export * from './survey/from-form-definition.js';
export * from './survey/from-questionnaire.js';
