/**
 * `@pxm/core/prom`: ready outcome measures free to use in practice software (NPRS, PSFS, LEFS, and the HSS short forms KOOS JR and HOOS JR).
 * A separate entry so forms that do not use them never carry their text. Licensed instruments
 * (ODI, NDI, QuickDASH) are not shipped: a practice that holds a licence writes their items and
 * a `ScoringRule` as data.
 */
export type { PromInstrument, InstrumentOptions } from './instrument.js';
export { nprsInstrument } from './nprs.js';
export { nprs24hInstrument } from './nprs-24h.js';
export { psfsInstrument } from './psfs.js';
export { lefsInstrument, LEFS_ACTIVITIES, LEFS_OPTIONS, type LefsOptions } from './lefs.js';
export { koosJrInstrument, KOOS_JR_ITEMS, KOOS_JR_TABLE } from './koos-jr.js';
export { hoosJrInstrument, HOOS_JR_ITEMS, HOOS_JR_TABLE } from './hoos-jr.js';
export { SEVERITY_OPTIONS } from './severity-options.js';
export { SHIPPED_INSTRUMENT_IDS, shippedInstrument } from './catalog.js';
