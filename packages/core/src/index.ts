/** `@pxm/core`: schemas, the adapter contract, errors and pure engines. No DOM, no Lit. */
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

export * from './time/local-date.js';
export * from './time/zoned-time.js';
export * from './time/format.js';
export * from './time/day-clock.js';

export * from './booking/schedule.js';
export * from './booking/slot-id.js';
export * from './booking/slot-engine.js';

export * from './ics/ics.js';
