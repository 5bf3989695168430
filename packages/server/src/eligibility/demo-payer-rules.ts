/** The demo practice's payer rules (core's `demoPayerEligibility`), the embedded demo backend's too. */
import { demoPayerEligibility } from '@pxm/core/booking';
import type { EligibilityProvider } from './eligibility-provider.js';

export const demoPayerRules: EligibilityProvider = {
  async check(coverage, { now }) {
    return demoPayerEligibility(coverage, now.toISOString());
  },
};
