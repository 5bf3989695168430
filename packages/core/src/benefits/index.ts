/** The therapy benefits rules: each written once, called by every backend and the booking element. */
export { disciplineBenefits, disciplineCoverage } from './discipline-lookup.js';
export { coveredVisitsLeft, seriesCoverage, type SeriesCoverage } from './covered-visits.js';
export { estimateVisitCost } from './estimate-visit-cost.js';
export { unknownBenefits } from './unknown-benefits.js';
