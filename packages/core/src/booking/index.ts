/**
 * `@pxm/core/booking`: the practice catalogue and scheduling: schemas, the slot engine, and the
 * booking rules every backend calls (holds, notice and late-change fees, returning patients).
 */
export * from '../schemas/practice.js';
export * from '../schemas/booking.js';
export * from './schedule.js';
export * from './slot-id.js';
export * from './slot-engine.js';
export * from './slot-days.js';
export * from './series-plan.js';
export * from './hold-deadline.js';
export * from './calendar-links.js';
export * from './appointment-ics.js';
export * from './location-text.js';
export * from './patient-match.js';
export * from './late-change.js';
