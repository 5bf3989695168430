/**
 * `@pxm/core/time`: calendar dates, times of day and instants in IANA zones (no Date arithmetic
 * in local time anywhere else), and their formatting.
 */
export * from './local-date.js';
export * from './zoned-time.js';
export * from './format.js';
export * from './day-clock.js';
