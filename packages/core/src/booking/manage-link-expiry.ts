/**
 * How long a manage link works: until the visit ends. From its end instant on, the link only
 * says the visit has taken place (`token_expired`); there is nothing left to view or change.
 */
import { AdapterError } from '../errors/adapter-error.js';

/** Whether the manage link of a visit ending at `endMs` has expired at `nowMs`. */
export function manageLinkExpired(endMs: number, nowMs: number): boolean {
  return endMs <= nowMs;
}

/** Refuses a manage link whose visit is over, with the same code and message on every backend. */
export function requireManageLinkOpen(endMs: number, nowMs: number, operation: string): void {
  if (manageLinkExpired(endMs, nowMs)) throw new AdapterError('token_expired', 'This appointment has already taken place.', { operation });
}
