/** How many more visits a plan covers for a discipline, and how a plan-of-care series splits over them. */
import type { BenefitsSummary, Discipline } from '../schemas/benefits.js';
import { disciplineBenefits, disciplineCoverage } from './discipline-lookup.js';

/**
 * Visits the plan still covers for this discipline this benefit period: 0 when coverage is
 * inactive, `undefined` when the payer gave no limit (or coverage is unknown): not a guess.
 * A shared pool's remaining count is the pool's, which is why the payer's `remaining` wins
 * over `allowed - used`.
 */
export function coveredVisitsLeft(summary: BenefitsSummary, discipline: Discipline): number | undefined {
  const coverage = disciplineCoverage(summary, discipline);
  if (coverage === 'inactive') return 0;
  if (coverage === 'unknown') return undefined;
  const visits = disciplineBenefits(summary, discipline)?.visits;
  if (!visits) return undefined;
  if (visits.remaining !== undefined) return visits.remaining;
  if (visits.allowed !== undefined && visits.used !== undefined) return Math.max(0, visits.allowed - visits.used);
  return undefined;
}

export interface SeriesCoverage {
  /** Visits of the series the plan covers. */
  covered: number;
  /** Visits past the covered count: booked only if the patient agrees to self-pay. */
  selfPay: number;
}

/**
 * Splits a series of `requestedVisits` into covered and self-pay visits. Inactive coverage makes
 * every visit self-pay. With no known limit every visit counts as covered: the clinic confirms
 * coverage before the visit, and a limit nobody reported is not invented here.
 */
export function seriesCoverage(summary: BenefitsSummary, discipline: Discipline, requestedVisits: number): SeriesCoverage {
  const requested = Math.max(0, Math.floor(requestedVisits));
  const left = coveredVisitsLeft(summary, discipline);
  if (left === undefined) return { covered: requested, selfPay: 0 };
  const covered = Math.min(requested, left);
  return { covered, selfPay: requested - covered };
}
