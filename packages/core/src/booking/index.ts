/**
 * Booking rules and engines, each once: every backend (memory, the REST server, FHIR) calls these
 * and restates none of them. The future `@pxm/core/booking` entry point.
 */
export * from './schedule.js';
export * from './slot-id.js';
export * from './slot-engine.js';
export * from './slot-days.js';
export * from './slot-search-window.js';
export * from './series-plan.js';
export * from './hold-deadline.js';
export * from './hold-liveness.js';
export * from './calendar-links.js';
export * from './appointment-ics.js';
export * from './location-text.js';
export * from './patient-match.js';
export * from './returning-patient.js';
export * from './type-eligibility.js';
export * from './late-change.js';
export * from './manage-link-expiry.js';
export * from './demo-payer-rules.js';
