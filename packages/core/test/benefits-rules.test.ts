/** The therapy benefits rules: the estimate of one visit, the visits left, and a series' split. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BenefitsSummarySchema,
  DEMO_BENEFITS_MEMBER_IDS,
  DEMO_VISIT_PRICE,
  EligibilityResultSchema,
  demoPayerEligibility,
  type BenefitsSummary,
  type DisciplineBenefits,
} from '@pxm/core/booking';
import { coveredVisitsLeft, estimateVisitCost, seriesCoverage, unknownBenefits } from '@pxm/core/benefits';
import * as z from 'zod/mini';

const AS_OF = '2027-03-01T16:00:00.000Z';
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const PRICE = usd(15_000);

function summary(lines: Partial<DisciplineBenefits>[], coverage: BenefitsSummary['coverage'] = 'active'): BenefitsSummary {
  return BenefitsSummarySchema.parse({
    asOf: AS_OF,
    coverage,
    disciplines: lines.map((line) => ({ discipline: 'physical-therapy', coverage: 'active', ...line })),
    unknown: [],
  });
}

describe('estimateVisitCost', () => {
  it('a copay is the visit cost, even before the deductible is met', () => {
    const plan = summary([{ copay: usd(3000), deductible: { individual: { remaining: usd(50_000) } } }]);
    assert.deepEqual(estimateVisitCost(plan, 'physical-therapy', PRICE), { amount: usd(3000), basis: 'copay' });
  });

  it('coinsurance once the deductible is met', () => {
    const plan = summary([{ coinsurancePercent: 20, deductible: { individual: { total: usd(150_000), remaining: usd(0) } } }]);
    assert.deepEqual(estimateVisitCost(plan, 'physical-therapy', PRICE), { amount: usd(3000), basis: 'coinsurance' });
  });

  it('the deductible left, then coinsurance on the rest of the price', () => {
    const plan = summary([{ coinsurancePercent: 20, deductible: { individual: { remaining: usd(5000) } } }]);
    // 50.00 toward the deductible, then 20% of the other 100.00.
    assert.deepEqual(estimateVisitCost(plan, 'physical-therapy', PRICE), { amount: usd(7000), basis: 'deductible' });
    const large = summary([{ coinsurancePercent: 20, deductible: { individual: { remaining: usd(40_000) } } }]);
    assert.deepEqual(estimateVisitCost(large, 'physical-therapy', PRICE), { amount: usd(15_000), basis: 'deductible' });
  });

  it('the smaller of the individual and family deductibles left applies', () => {
    const plan = summary([{ coinsurancePercent: 10, deductible: { individual: { remaining: usd(90_000) }, family: { remaining: usd(0) } } }]);
    assert.deepEqual(estimateVisitCost(plan, 'physical-therapy', PRICE), { amount: usd(1500), basis: 'coinsurance' });
  });

  it('a deductible with no coinsurance reported says the rest is not known', () => {
    const plan = summary([{ deductible: { individual: { remaining: usd(5000) } } }]);
    const estimate = estimateVisitCost(plan, 'physical-therapy', PRICE);
    assert.deepEqual(estimate.amount, usd(5000));
    assert.equal(estimate.basis, 'deductible');
    assert.ok(estimate.note);
  });

  it('the out-of-pocket amount left caps the share', () => {
    const plan = summary([{ coinsurancePercent: 50, outOfPocket: { individual: { remaining: usd(1000) } } }]);
    assert.deepEqual(estimateVisitCost(plan, 'physical-therapy', PRICE), { amount: usd(1000), basis: 'coinsurance' });
  });

  it('inactive coverage, or no visits left, is the whole price as self-pay', () => {
    assert.deepEqual(estimateVisitCost(summary([], 'inactive'), 'physical-therapy', PRICE), { amount: PRICE, basis: 'self-pay' });
    assert.deepEqual(estimateVisitCost(summary([{ coverage: 'inactive', copay: usd(100) }]), 'physical-therapy', PRICE), { amount: PRICE, basis: 'self-pay' });
    const usedUp = summary([{ copay: usd(2500), visits: { allowed: 20, used: 20 } }]);
    assert.deepEqual(estimateVisitCost(usedUp, 'physical-therapy', PRICE), { amount: PRICE, basis: 'self-pay' });
  });

  it('is unknown, with no amount, when the payer said nothing usable', () => {
    assert.deepEqual(estimateVisitCost(summary([]), 'physical-therapy', PRICE), { basis: 'unknown' }, 'no line for the discipline');
    assert.deepEqual(estimateVisitCost(summary([{}]), 'physical-therapy', PRICE), { basis: 'unknown' }, 'no copay, coinsurance or deductible');
    assert.deepEqual(estimateVisitCost(summary([{ copay: usd(100) }]), 'speech-therapy', PRICE), { basis: 'unknown' }, 'another discipline');
    assert.deepEqual(estimateVisitCost(summary([{ coverage: 'unknown', copay: usd(100) }]), 'physical-therapy', PRICE), { basis: 'unknown' });
  });
});

describe('coveredVisitsLeft and seriesCoverage', () => {
  const pool = summary([
    { visits: { allowed: 30, used: 27, remaining: 3, sharedWith: ['occupational-therapy'] } },
    { discipline: 'occupational-therapy', visits: { allowed: 30, used: 27, remaining: 3, sharedWith: ['physical-therapy'] } },
  ]);

  it("reads the payer's remaining count, else allowed minus used, else nothing", () => {
    assert.equal(coveredVisitsLeft(pool, 'physical-therapy'), 3);
    assert.equal(coveredVisitsLeft(pool, 'occupational-therapy'), 3);
    assert.equal(coveredVisitsLeft(summary([{ visits: { allowed: 12, used: 4 } }]), 'physical-therapy'), 8);
    assert.equal(coveredVisitsLeft(summary([{ visits: { allowed: 12, used: 15 } }]), 'physical-therapy'), 0);
    assert.equal(coveredVisitsLeft(summary([{ visits: { allowed: 12 } }]), 'physical-therapy'), undefined, 'used not reported: not guessed');
    assert.equal(coveredVisitsLeft(summary([{ copay: usd(100) }]), 'physical-therapy'), undefined);
    assert.equal(coveredVisitsLeft(pool, 'speech-therapy'), undefined, 'no line: unknown');
    assert.equal(coveredVisitsLeft(summary([{ visits: { remaining: 9 } }], 'inactive'), 'physical-therapy'), 0);
  });

  it('splits a series at the covered count', () => {
    assert.deepEqual(seriesCoverage(pool, 'physical-therapy', 8), { covered: 3, selfPay: 5 });
    assert.deepEqual(seriesCoverage(pool, 'physical-therapy', 2), { covered: 2, selfPay: 0 });
    assert.deepEqual(seriesCoverage(summary([], 'inactive'), 'physical-therapy', 4), { covered: 0, selfPay: 4 });
    assert.deepEqual(seriesCoverage(summary([{ copay: usd(100) }]), 'physical-therapy', 6), { covered: 6, selfPay: 0 }, 'no known limit');
    assert.deepEqual(seriesCoverage(pool, 'physical-therapy', 0), { covered: 0, selfPay: 0 });
  });
});

describe('the demo payer benefits', () => {
  const at = AS_OF;
  const insurance = { kind: 'insurance' as const, relationship: 'self' as const, payerName: 'Aetna' };
  const check = (memberId: string) => EligibilityResultSchema.parse(demoPayerEligibility({ ...insurance, memberId }, at));

  it('answers each documented member id with a valid, rich result', () => {
    for (const memberId of Object.values(DEMO_BENEFITS_MEMBER_IDS)) {
      const result = check(memberId);
      assert.deepEqual(result.selfPayPrice, DEMO_VISIT_PRICE, memberId);
      assert.equal(result.checkedAt, at);
    }
  });

  it('copay: active, $30 a visit, 15 visits left', () => {
    const result = check(' pxm-copay ');
    assert.equal(result.status, 'active');
    assert.deepEqual(result.copay, usd(3000));
    assert.deepEqual(result.estimate, { amount: usd(3000), basis: 'copay' });
    assert.equal(coveredVisitsLeft(result.benefits!, 'physical-therapy'), 15);
    assert.equal(result.benefits!.asOf, at);
    assert.equal(result.benefits!.payerName, 'Aetna');
  });

  it('coinsurance: the $400 deductible left covers the whole $120 visit', () => {
    const result = check(DEMO_BENEFITS_MEMBER_IDS.coinsurance);
    assert.equal(result.copay, undefined);
    assert.deepEqual(result.estimate, { amount: usd(12_000), basis: 'deductible' });
    assert.deepEqual(result.benefits!.disciplines[0]!.deductible!.individual!.remaining, usd(40_000));
    assert.deepEqual(result.benefits!.unknown, ['visits']);
  });

  it('shared pool: 3 visits left for each discipline, a series of 6 stops at 3', () => {
    const result = check(DEMO_BENEFITS_MEMBER_IDS.sharedPool);
    for (const discipline of ['physical-therapy', 'occupational-therapy', 'speech-therapy'] as const) {
      assert.equal(coveredVisitsLeft(result.benefits!, discipline), 3);
    }
    assert.deepEqual(seriesCoverage(result.benefits!, 'occupational-therapy', 6), { covered: 3, selfPay: 3 });
    assert.deepEqual(result.benefits!.disciplines[0]!.visits!.sharedWith, ['occupational-therapy', 'speech-therapy']);
  });

  it('prior authorization, inactive, Medicare and a provider that does not answer', () => {
    assert.ok(check(DEMO_BENEFITS_MEMBER_IDS.priorAuthorization).benefits!.disciplines.every((line) => line.priorAuthorization === true));
    const inactive = check(DEMO_BENEFITS_MEMBER_IDS.inactive);
    assert.equal(inactive.status, 'inactive');
    assert.deepEqual(inactive.estimate, { amount: DEMO_VISIT_PRICE, basis: 'self-pay' });
    const medicare = check(DEMO_BENEFITS_MEMBER_IDS.medicare);
    assert.deepEqual(medicare.benefits!.medicare, { thresholdAmount: usd(248_000), amountUsed: usd(95_000), year: 2027 });
    assert.deepEqual(medicare.estimate, { amount: usd(2400), basis: 'coinsurance' });
    assert.deepEqual(check(DEMO_BENEFITS_MEMBER_IDS.providerDown), { status: 'unknown', checkedAt: at, confirmLater: true, selfPayPrice: DEMO_VISIT_PRICE });
  });

  it('leaves the older demo rules as they were', () => {
    assert.deepEqual(demoPayerEligibility({ ...insurance, memberId: 'W123456789' }, at), { status: 'active', checkedAt: at, copay: usd(3000) });
  });
});

describe('unknownBenefits', () => {
  it('names the disciplines and the facts no line carried', () => {
    assert.deepEqual(unknownBenefits('active', summary([{ copay: usd(100), priorAuthorization: false }]).disciplines), [
      'occupational-therapy',
      'speech-therapy',
      'deductible',
      'out-of-pocket',
      'visits',
    ]);
    assert.deepEqual(unknownBenefits('unknown', []), ['coverage']);
    assert.deepEqual(unknownBenefits('inactive', []), []);
  });
});

describe('benefits schemas', () => {
  it('refuse a coinsurance over 100% and a negative visit count', () => {
    const bad = (line: object) => BenefitsSummarySchema.safeParse({ asOf: AS_OF, coverage: 'active', disciplines: [{ discipline: 'physical-therapy', coverage: 'active', ...line }], unknown: [] }).success;
    assert.equal(bad({ coinsurancePercent: 101 }), false);
    assert.equal(bad({ visits: { used: -1 } }), false);
    assert.equal(bad({ coinsurancePercent: 20, visits: { used: 1 } }), true);
    assert.equal(z.safeParse(BenefitsSummarySchema, { asOf: AS_OF, coverage: 'maybe', disciplines: [], unknown: [] }).success, false);
  });
});
