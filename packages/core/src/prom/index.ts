/**
 * `@pxm/core/prom`: outcome measures: the shipped instruments free to use in practice software
 * (NPRS, PSFS, LEFS, KOOS JR, HOOS JR) and the scoring engine any instrument's `ScoringRule` runs on. Licensed
 * instruments (ODI, NDI, QuickDASH) are not shipped: a practice that holds a licence writes their
 * items and a `ScoringRule` as data.
 */
export {
  HOOS_JR_ITEMS,
  HOOS_JR_TABLE,
  hoosJrInstrument,
  KOOS_JR_ITEMS,
  KOOS_JR_TABLE,
  koosJrInstrument,
  LEFS_ACTIVITIES,
  LEFS_OPTIONS,
  lefsInstrument,
  nprs24hInstrument,
  nprsInstrument,
  psfsInstrument,
  SEVERITY_OPTIONS,
  SHIPPED_INSTRUMENT_IDS,
  shippedInstrument,
  type InstrumentOptions,
  type LefsOptions,
  type PromInstrument,
} from './instruments/index.js';
export { SCORING_METHODS, ScoringRuleSchema, type ScoringMethod, type ScoringRule } from './scoring-rule.js';
export {
  itemPoints,
  roundScore,
  scorableRange,
  scoreForm,
  scoreRule,
  type PromResult,
  type ScoreReason,
  type ValueRange,
} from './score.js';
export { baselineScore, compareWithBaseline, type BaselineComparison } from './baseline.js';
export { measureFormDefinition } from './measure-form.js';
