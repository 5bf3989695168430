import type { Coverage, EligibilityResult } from '@pxm/core/booking';

/** Answers "is this coverage active, and what does it pay for therapy?": a clearinghouse, or payer rules. */
export interface EligibilityProvider {
  check(coverage: Coverage, context: { now: Date; signal?: AbortSignal }): Promise<EligibilityResult>;
  /**
   * The same answer with what was exchanged to get it (a 270 and its 271), for the staff view.
   * Providers that talk to a payer implement it; the server prefers it when present.
   */
  inquire?(coverage: Coverage, context: { now: Date; signal?: AbortSignal }): Promise<EligibilityAnswer>;
}

/** What was sent and received, kept sealed for the front desk: never logged, never sent to a patient. */
export interface EligibilityExchange {
  request: string;
  response: string;
  /** Segments of the response the reader does not know: kept, reported, not fatal. */
  unknownSegments: { tag: string; position: number }[];
  /** AAA rejections: the loop and the reason code. */
  rejections: { loop: string; reason: string; followUp?: string }[];
}

export interface EligibilityAnswer {
  result: EligibilityResult;
  exchange?: EligibilityExchange;
}
