/**
 * The demo practice's payer rules, the same the embedded demo backend uses: self-pay is
 * "unknown", member ids ending in 0 are inactive, known payers have a fixed copay.
 */
import { EligibilityResultSchema } from '@pxm/core/booking';
import type { EligibilityProvider } from './eligibility-provider.js';

const COPAYS_MINOR: Record<string, number> = {
  aetna: 3000,
  cigna: 2500,
  'blue cross blue shield': 3500,
  medicare: 0,
  unitedhealthcare: 4000,
};

export const demoPayerRules: EligibilityProvider = {
  async check(coverage, { now }) {
    const checkedAt = now.toISOString();
    if (coverage.kind === 'self-pay') return EligibilityResultSchema.parse({ status: 'unknown', checkedAt });
    if (/0$/.test(coverage.memberId)) return EligibilityResultSchema.parse({ status: 'inactive', checkedAt });
    const copay = COPAYS_MINOR[coverage.payerName.trim().toLowerCase()];
    return EligibilityResultSchema.parse({
      status: 'active',
      checkedAt,
      ...(copay === undefined ? {} : { copay: { amountMinor: copay, currency: 'USD' } }),
    });
  },
};
