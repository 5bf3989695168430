import type { Coverage, EligibilityResult } from '@pxm/core/booking';

/** Answers "is this coverage active, and what is the copay?": a clearinghouse, or payer rules. */
export interface EligibilityProvider {
  check(coverage: Coverage, context: { now: Date; signal?: AbortSignal }): Promise<EligibilityResult>;
}
