/**
 * Hold liveness, one rule for every backend: a hold keeps its time while now is before its
 * expiry and is expired from the expiry instant on. SQL backends state the same in their
 * conditional updates (`expires_at > now`), which must agree with `holdIsLive`.
 */
import { AdapterError } from '../errors/adapter-error.js';

/** Whether a hold still holds its time at `nowMs`. */
export function holdIsLive(expiresAt: string | number, nowMs: number): boolean {
  const expiresMs = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
  return expiresMs > nowMs;
}

/** When a hold made (or renewed) at `nowMs` runs out. */
export function holdExpiry(nowMs: number, holdTtlMs: number): number {
  return nowMs + holdTtlMs;
}

/** What a backend knows of a stored hold when someone wants to book or renew with it. */
export interface HoldState {
  expiresAt: string | number;
  /** A booking already used it. */
  consumed: boolean;
  /** Its holder let it go. */
  released: boolean;
}

/**
 * Refuses a hold that can no longer book, with the same code on every backend: an unknown or
 * released hold, and an expired one, are `hold_expired`; a used one is `slot_unavailable`.
 */
export function requireLiveHold(hold: HoldState | undefined, nowMs: number, operation: string): void {
  if (!hold || hold.released) throw new AdapterError('hold_expired', 'This hold is no longer active.', { operation });
  if (hold.consumed) throw new AdapterError('slot_unavailable', 'This time has already been booked.', { operation });
  if (!holdIsLive(hold.expiresAt, nowMs)) throw new AdapterError('hold_expired', 'The hold on this time has expired.', { operation });
}
