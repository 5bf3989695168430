/**
 * TEMPORARY: the benefits shapes and rule signatures of @pxm/core/booking as the spec names them,
 * until the core branch is merged. Deleted at the merge; nothing here is implemented.
 */
import type { EligibilityResult as CoreEligibilityResult } from '@pxm/core/booking';

export type Money = { amountMinor: number; currency: string };
export type Discipline = 'physical-therapy' | 'occupational-therapy' | 'speech-therapy';
type Amounts = { total?: Money; remaining?: Money };
export type DisciplineBenefits = {
  discipline: Discipline;
  coverage: 'active' | 'inactive' | 'unknown';
  network?: 'in' | 'out';
  copay?: Money;
  coinsurancePercent?: number;
  deductible?: { individual?: Amounts; family?: Amounts };
  outOfPocket?: { individual?: Amounts; family?: Amounts };
  visits?: { allowed?: number; used?: number; remaining?: number; period?: 'calendar-year' | 'plan-year'; sharedWith?: Discipline[] };
  priorAuthorization?: boolean;
};
export type BenefitsSummary = {
  asOf: string;
  payerName?: string;
  planName?: string;
  coverage: 'active' | 'inactive' | 'unknown';
  disciplines: DisciplineBenefits[];
  unknown: string[];
};
export type VisitEstimate = { amount?: Money; basis: 'copay' | 'coinsurance' | 'deductible' | 'self-pay' | 'unknown'; note?: string };
export type EligibilityResult = CoreEligibilityResult & { benefits?: BenefitsSummary; estimate?: VisitEstimate; confirmLater?: boolean; selfPayPrice?: Money };

const pending = (): never => {
  throw new Error('benefits rules not merged yet');
};
export function estimateVisitCost(_summary: BenefitsSummary, _discipline: Discipline, _visitPrice?: Money): VisitEstimate {
  return pending();
}
export function coveredVisitsLeft(_summary: BenefitsSummary, _discipline: Discipline): number | undefined {
  return pending();
}
export function seriesCoverage(_summary: BenefitsSummary, _discipline: Discipline, _requestedVisits: number): { covered: number; selfPay: number } {
  return pending();
}
