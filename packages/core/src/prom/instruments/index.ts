/**
 * `@pxm/core/prom`: ready outcome measures free to use in practice software (NPRS, PSFS, LEFS).
 * A separate entry so forms that do not use them never carry their text. Licensed instruments
 * (ODI, NDI, QuickDASH) are not shipped: a practice that holds a licence writes their items and
 * a `ScoringRule` as data.
 */
export type { PromInstrument, InstrumentOptions } from './instrument.js';
export { nprsInstrument, nprs24hInstrument } from './nprs.js';
export { psfsInstrument } from './psfs.js';
export { lefsInstrument, LEFS_ACTIVITIES, LEFS_OPTIONS, type LefsOptions } from './lefs.js';
