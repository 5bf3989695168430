import type { ReferralStatus } from '../schemas/referral-inbox.js';

/**
 * Where a referral may go from each triage state. `scheduled` also comes from a booking made
 * with the referral's link; a declined referral may be reopened (the office sent what was missing);
 * a scheduled one may still be declined (the patient cancels and will not come).
 */
const NEXT_STATES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  new: ['contacted', 'scheduled', 'declined'],
  contacted: ['contacted', 'scheduled', 'declined'],
  scheduled: ['contacted', 'declined'],
  declined: ['new'],
};

export function canTriage(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT_STATES[from].includes(to);
}

/** How far back another referral of the same patient and referrer counts as a likely repeat. */
export const DEFAULT_DUPLICATE_WINDOW_DAYS = 14;

/**
 * The earliest arrival time (epoch ms) an older referral may have to be a possible duplicate of
 * one received at `receivedAtMs`: a window in elapsed days, so it needs no zone.
 */
export function duplicateWindowStartMs(receivedAtMs: number, windowDays: number): number {
  return receivedAtMs - windowDays * 86_400_000;
}
