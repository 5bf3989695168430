/**
 * `@pxm/core/benefits`: the therapy benefits rules, each written once, called by every backend and
 * the booking element (the schemas are in `@pxm/core/booking`). Its own entry: the booking
 * element uses them only in steps loaded on demand, so they stay out of its first chunk.
 */
export { disciplineBenefits, disciplineCoverage } from './discipline-lookup.js';
export { coveredVisitsLeft, seriesCoverage, type SeriesCoverage } from './covered-visits.js';
export { estimateVisitCost } from './estimate-visit-cost.js';
export { unknownBenefits } from './unknown-benefits.js';
