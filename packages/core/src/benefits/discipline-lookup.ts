/** Finding one discipline's benefits in a summary, with the plan's own coverage taking precedence. */
import type { BenefitCoverage, BenefitsSummary, Discipline, DisciplineBenefits } from '../schemas/benefits.js';

/** The payer's entry for this discipline, if it sent one. */
export function disciplineBenefits(summary: BenefitsSummary, discipline: Discipline): DisciplineBenefits | undefined {
  return summary.disciplines.find((entry) => entry.discipline === discipline);
}

/**
 * Whether this discipline is covered. An inactive plan covers nothing whatever a benefit line
 * says; an active plan with no line for the discipline is `unknown`, never assumed covered.
 */
export function disciplineCoverage(summary: BenefitsSummary, discipline: Discipline): BenefitCoverage {
  if (summary.coverage === 'inactive') return 'inactive';
  const entry = disciplineBenefits(summary, discipline);
  if (!entry) return 'unknown';
  if (summary.coverage === 'unknown' && entry.coverage === 'active') return 'active';
  return entry.coverage;
}
