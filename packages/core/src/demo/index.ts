/**
 * `@pxm/core/demo`: the believable, deterministic demo practice that the memory adapter embeds
 * and the reference server seeds. Separate entry so production bundles never carry it.
 */
export * from './practice.js';
export * from './closures.js';
export * from './existing-appointments.js';
export * from './patients.js';
export * from './intake.js';
export * from './hep.js';
export * from './survey.js';
