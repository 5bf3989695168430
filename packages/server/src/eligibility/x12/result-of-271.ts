/**
 * From a read 271 to the answer a patient sees: the summary, the copay and estimate for a
 * physical therapy visit, or, when the payer could not answer, `confirmLater`.
 */
import type { Money } from '@pxm/core';
import type { EligibilityResult } from '@pxm/core/booking';
import { estimateVisitCost } from '@pxm/core/benefits';
import { normalize271 } from './normalize-271.js';
import type { Read271 } from './read-271.js';
import { MEMBER_NOT_FOUND_REASONS, PAYER_UNAVAILABLE_REASONS } from './x12-codes.js';

export interface ResultOptions {
  /** The practice's price for a visit: what estimates start from. */
  visitPrice?: Money;
  selfPayPrice?: Money;
}

export function resultOf271(read: Read271, checkedAt: string, options: ResultOptions = {}): EligibilityResult {
  const selfPay = options.selfPayPrice ? { selfPayPrice: { ...options.selfPayPrice } } : {};
  const rejection = read.rejections[0];
  if (rejection) {
    // A valid request the payer could not answer now: book, and confirm before the visit.
    if (PAYER_UNAVAILABLE_REASONS.includes(rejection.reason) || (rejection.validRequest && rejection.loop !== 'subscriber' && rejection.loop !== 'dependent')) {
      return { status: 'unknown', checkedAt, confirmLater: true, ...selfPay };
    }
    const message = MEMBER_NOT_FOUND_REASONS.includes(rejection.reason)
      ? 'The payer could not match this member. Check the member id and date of birth on the card.'
      : 'The payer could not answer this check. The clinic will confirm your coverage.';
    return { status: 'unknown', checkedAt, message, ...selfPay };
  }
  const benefits = normalize271(read, checkedAt);
  const copay = benefits.disciplines.find((line) => line.discipline === 'physical-therapy')?.copay;
  return {
    status: benefits.coverage,
    checkedAt,
    ...(copay ? { copay } : {}),
    benefits,
    ...(options.visitPrice ? { estimate: estimateVisitCost(benefits, 'physical-therapy', options.visitPrice) } : {}),
    ...selfPay,
  };
}
