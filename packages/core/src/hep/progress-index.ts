/**
 * `@pxm/core/hep-progress`: adherence and the pain trend. A separate entry because pages show
 * them on demand: bundlers then keep them out of what loads up front.
 */
export { adherenceBetween, summarizeAdherence, type AdherenceFigure, type AdherenceSummary, type WeeklyAdherence } from './adherence.js';
export { painTrend, type PainDirection, type PainPoint, type PainTrend } from './pain-trend.js';
export { adherencePercent, type AdherencePercent } from './adherence-percent.js';
