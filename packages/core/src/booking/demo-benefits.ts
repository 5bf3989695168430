/**
 * The demo payer's therapy benefits: one documented member id per case, so a demo, a story or
 * a test can show each thing a front desk meets. Matched without case or surrounding spaces.
 * Not a payer: a demo that answers predictably.
 */
import type { Money } from '../schemas/common.js';
import type { BenefitsSummary, Discipline, DisciplineBenefits } from '../schemas/benefits.js';
import type { EligibilityResult, InsuranceCoverage } from '../schemas/booking.js';
import { estimateVisitCost } from '../benefits/estimate-visit-cost.js';

/** The member ids the demo payer answers with a rich benefits summary. */
export const DEMO_BENEFITS_MEMBER_IDS = {
  /** Active, $30 copay, 20 physical therapy visits a calendar year with 5 used. */
  copay: 'PXM-COPAY',
  /** Active, 20% coinsurance, $1,500 deductible with $400 remaining, out-of-pocket $4,000 with $2,600 remaining. */
  coinsurance: 'PXM-COINSURANCE',
  /** Active, $25 copay, 3 visits left of 30 a calendar year shared by physical, occupational and speech therapy. */
  sharedPool: 'PXM-POOL3',
  /** Active, $40 copay, prior authorization required for every discipline. */
  priorAuthorization: 'PXM-PRIORAUTH',
  /** The plan has ended: every visit is self-pay. */
  inactive: 'PXM-INACTIVE',
  /** Medicare Part B: 20% coinsurance, deductible met, the yearly therapy (KX) threshold and the amount used. */
  medicare: 'PXM-MEDICARE',
  /** The payer does not answer: booking proceeds and the clinic confirms coverage before the visit. */
  providerDown: 'PXM-DOWN',
} as const;
export type DemoBenefitsCase = keyof typeof DEMO_BENEFITS_MEMBER_IDS;

/** The demo practice's price for a visit, in US cents: what self-pay costs and what estimates start from. */
export const DEMO_VISIT_PRICE: Money = { amountMinor: 12_000, currency: 'USD' };

const ALL_DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy', 'speech-therapy'];
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** The demo case this member id names, if any. */
export function demoBenefitsCase(memberId: string): DemoBenefitsCase | undefined {
  const wanted = memberId.trim().toUpperCase();
  const found = (Object.keys(DEMO_BENEFITS_MEMBER_IDS) as DemoBenefitsCase[]).find((key) => DEMO_BENEFITS_MEMBER_IDS[key] === wanted);
  return found;
}

function each(build: (discipline: Discipline) => DisciplineBenefits): DisciplineBenefits[] {
  return ALL_DISCIPLINES.map(build);
}

/** The summary for a case (every case but `providerDown`, which has none). */
function demoSummary(which: Exclude<DemoBenefitsCase, 'providerDown'>, payerName: string, asOf: string): BenefitsSummary {
  const base = { asOf, payerName, planName: 'Demo PPO' };
  switch (which) {
    case 'copay':
      return {
        ...base,
        coverage: 'active',
        disciplines: [
          { discipline: 'physical-therapy', coverage: 'active', network: 'in', copay: usd(3000), priorAuthorization: false, visits: { allowed: 20, used: 5, remaining: 15, period: 'calendar-year' } },
        ],
        unknown: ['deductible', 'out-of-pocket', 'occupational-therapy', 'speech-therapy'],
      };
    case 'coinsurance':
      return {
        ...base,
        coverage: 'active',
        disciplines: each((discipline) => ({
          discipline,
          coverage: 'active',
          network: 'in',
          coinsurancePercent: 20,
          deductible: { individual: { total: usd(150_000), remaining: usd(40_000) }, family: { total: usd(300_000), remaining: usd(180_000) } },
          outOfPocket: { individual: { total: usd(400_000), remaining: usd(260_000) } },
          priorAuthorization: false,
        })),
        unknown: ['visits'],
      };
    case 'sharedPool':
      return {
        ...base,
        coverage: 'active',
        disciplines: each((discipline) => ({
          discipline,
          coverage: 'active',
          network: 'in',
          copay: usd(2500),
          visits: { allowed: 30, used: 27, remaining: 3, period: 'calendar-year', sharedWith: ALL_DISCIPLINES.filter((other) => other !== discipline) },
        })),
        unknown: ['deductible', 'out-of-pocket'],
      };
    case 'priorAuthorization':
      return {
        ...base,
        coverage: 'active',
        disciplines: each((discipline) => ({ discipline, coverage: 'active', network: 'in', copay: usd(4000), priorAuthorization: true })),
        unknown: ['visits', 'deductible'],
      };
    case 'inactive':
      return { ...base, coverage: 'inactive', disciplines: [], unknown: [] };
    case 'medicare':
      return {
        asOf,
        payerName,
        planName: 'Medicare Part B',
        coverage: 'active',
        disciplines: each((discipline) => ({
          discipline,
          coverage: 'active',
          coinsurancePercent: 20,
          deductible: { individual: { total: usd(28_300), remaining: usd(0) } },
        })),
        medicare: { thresholdAmount: usd(248_000), amountUsed: usd(95_000), year: Number(asOf.slice(0, 4)) },
        unknown: ['visits'],
      };
  }
}

/** The demo payer's answer for a documented member id, with its summary and a physical therapy visit estimate. */
export function demoBenefitsEligibility(which: DemoBenefitsCase, coverage: InsuranceCoverage, checkedAt: string): EligibilityResult {
  const selfPayPrice = { ...DEMO_VISIT_PRICE };
  if (which === 'providerDown') return { status: 'unknown', checkedAt, confirmLater: true, selfPayPrice };
  const benefits = demoSummary(which, coverage.payerName.trim(), checkedAt);
  const copay = benefits.disciplines.find((entry) => entry.discipline === 'physical-therapy')?.copay;
  return {
    status: benefits.coverage,
    checkedAt,
    ...(copay ? { copay: { ...copay } } : {}),
    benefits,
    estimate: estimateVisitCost(benefits, 'physical-therapy', DEMO_VISIT_PRICE),
    selfPayPrice,
  };
}
