/**
 * `@pxm/core/prom`: outcome measures: the shipped instruments free to use in practice software
 * (NPRS, PSFS, LEFS) and the scoring engine any instrument's `ScoringRule` runs on. Licensed
 * instruments (ODI, NDI, QuickDASH) are not shipped: a practice that holds a licence writes their
 * items and a `ScoringRule` as data.
 */
export * from './instruments/index.js';
export * from './scoring-rule.js';
export * from './score.js';
export * from './baseline.js';
