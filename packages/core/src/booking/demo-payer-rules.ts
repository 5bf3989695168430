/**
 * The demo practice's payer rules, for backends without a real eligibility check (the embedded
 * demo backend, the reference server's default): self-pay is "unknown", member ids ending in 0
 * are inactive, known payers have a fixed copay. The member ids in `DEMO_BENEFITS_MEMBER_IDS`
 * answer with a full therapy benefits summary instead. Not a payer: a demo that answers predictably.
 */
import type { Coverage, EligibilityResult } from '../schemas/booking.js';
import { DEMO_VISIT_PRICE, demoBenefitsCase, demoBenefitsEligibility } from './demo-benefits.js';

/** Copay per visit in US cents, by payer name compared without case or surrounding spaces. */
export const DEMO_COPAYS_MINOR: Readonly<Record<string, number>> = {
  aetna: 3000,
  cigna: 2500,
  'blue cross blue shield': 3500,
  medicare: 0,
  unitedhealthcare: 4000,
};

/** What the demo payer answers for this coverage, checked at `checkedAt`. */
export function demoPayerEligibility(coverage: Coverage, checkedAt: string): EligibilityResult {
  // Self-pay has nothing to check; the answer carries the practice's price for a visit.
  if (coverage.kind === 'self-pay') return { status: 'unknown', checkedAt, selfPayPrice: { ...DEMO_VISIT_PRICE } };
  const richCase = demoBenefitsCase(coverage.memberId);
  if (richCase) return demoBenefitsEligibility(richCase, coverage, checkedAt);
  if (coverage.memberId.endsWith('0')) return { status: 'inactive', checkedAt };
  const payer = coverage.payerName.trim().toLowerCase();
  // Own keys only: a payer named "constructor" has no copay.
  const copay = Object.hasOwn(DEMO_COPAYS_MINOR, payer) ? DEMO_COPAYS_MINOR[payer] : undefined;
  return { status: 'active', checkedAt, ...(copay === undefined ? {} : { copay: { amountMinor: copay, currency: 'USD' } }) };
}
