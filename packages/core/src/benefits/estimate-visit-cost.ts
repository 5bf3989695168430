/**
 * What one visit will likely cost the patient, from the payer's benefits and the practice's
 * price for the visit. An estimate, not a guarantee: the payer adjudicates the claim.
 */
import type { Money } from '../schemas/common.js';
import type { AmountLevels, BenefitsSummary, Discipline, VisitEstimate } from '../schemas/benefits.js';
import { coveredVisitsLeft } from './covered-visits.js';
import { disciplineBenefits, disciplineCoverage } from './discipline-lookup.js';

/**
 * What is left to meet of a deductible or out-of-pocket maximum, in the price's currency. With
 * both levels known the smaller applies: a met family amount is met for each member too.
 */
function remainingOf(levels: AmountLevels | undefined, currency: string): number | undefined {
  const amounts = [levels?.individual?.remaining, levels?.family?.remaining]
    .filter((money): money is Money => money !== undefined && money.currency === currency)
    .map((money) => money.amountMinor);
  return amounts.length === 0 ? undefined : Math.min(...amounts);
}

/**
 * The patient's share of one visit priced `visitPrice`:
 * - inactive coverage, or no covered visits left: the whole price, `self-pay`;
 * - a copay: the copay (copays usually apply before the deductible is met);
 * - a deductible not yet met: what is left of it (up to the price), plus coinsurance on the rest;
 * - coinsurance: its percentage of the price;
 * - otherwise `unknown`, with no amount.
 * A known out-of-pocket remainder caps any insured share.
 */
export function estimateVisitCost(summary: BenefitsSummary, discipline: Discipline, visitPrice: Money): VisitEstimate {
  const currency = visitPrice.currency;
  const coverage = disciplineCoverage(summary, discipline);
  if (coverage === 'inactive' || coveredVisitsLeft(summary, discipline) === 0) {
    return { amount: { ...visitPrice }, basis: 'self-pay' };
  }
  const benefits = disciplineBenefits(summary, discipline);
  if (coverage === 'unknown' || !benefits) return { basis: 'unknown' };

  const capped = (amountMinor: number): Money => {
    const outOfPocketLeft = remainingOf(benefits.outOfPocket, currency);
    return { amountMinor: outOfPocketLeft === undefined ? amountMinor : Math.min(amountMinor, outOfPocketLeft), currency };
  };
  const coinsuranceOf = (amountMinor: number): number | undefined =>
    benefits.coinsurancePercent === undefined ? undefined : Math.round((amountMinor * benefits.coinsurancePercent) / 100);

  if (benefits.copay && benefits.copay.currency === currency) return { amount: capped(benefits.copay.amountMinor), basis: 'copay' };
  const deductibleLeft = remainingOf(benefits.deductible, currency);
  if (deductibleLeft !== undefined && deductibleLeft > 0) {
    const towardDeductible = Math.min(visitPrice.amountMinor, deductibleLeft);
    const rest = visitPrice.amountMinor - towardDeductible;
    // Past the deductible the plan pays its share; with no coinsurance reported the rest is not guessed.
    const restShare = rest === 0 ? 0 : coinsuranceOf(rest);
    if (restShare === undefined) return { amount: capped(towardDeductible), basis: 'deductible', note: 'Coinsurance after the deductible is not known.' };
    return { amount: capped(towardDeductible + restShare), basis: 'deductible' };
  }
  const coinsurance = coinsuranceOf(visitPrice.amountMinor);
  if (coinsurance !== undefined) return { amount: capped(coinsurance), basis: 'coinsurance' };
  return { basis: 'unknown' };
}
