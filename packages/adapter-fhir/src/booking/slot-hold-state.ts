/**
 * The hold a Slot carries in the fallback: status `busy-tentative` plus the `slot-hold`
 * extension (who holds it, as a SHA-256 of the hold's secret; until when; for which visit
 * type). Booking flips the status to `busy` and records the booking's request key, so a retry
 * of the same booking recognises its own work.
 */
import { holdIsLive } from '@pxm/core/booking';
import { complexExtension, extensionOf, part, withExtension } from '../fhir/elements.js';
import { SLOT_HOLD_EXTENSION } from '../fhir/namespace.js';
import type { Slot } from '../fhir/types.js';

export interface SlotHold {
  secretHash: string;
  expiresAt: string;
  typeId: string;
  /** Set once a booking consumed the hold. */
  requestKey?: string | undefined;
}

export function holdOf(slot: Slot): SlotHold | undefined {
  const ext = extensionOf(slot, SLOT_HOLD_EXTENSION);
  const secretHash = part(ext, 'hold')?.valueString;
  const expiresAt = part(ext, 'expires')?.valueInstant ?? part(ext, 'expires')?.valueDateTime;
  const typeId = part(ext, 'visit-type')?.valueString;
  if (!secretHash || !expiresAt || !typeId) return undefined;
  return { secretHash, expiresAt, typeId, requestKey: part(ext, 'request-key')?.valueString };
}

export function withHold(slot: Slot, status: Slot['status'], hold: SlotHold | undefined): Slot {
  const ext = hold
    ? complexExtension(SLOT_HOLD_EXTENSION, [
        { url: 'hold', valueString: hold.secretHash },
        { url: 'expires', valueInstant: hold.expiresAt },
        { url: 'visit-type', valueString: hold.typeId },
        hold.requestKey ? { url: 'request-key', valueString: hold.requestKey } : undefined,
      ])
    : undefined;
  return { ...withExtension(slot, SLOT_HOLD_EXTENSION, ext), status };
}

/** Whether a `busy-tentative` slot's hold still stands at `nowMs`. Foreign tentative holds always do. */
export function isLiveHold(slot: Slot, nowMs: number): boolean {
  if (slot.status !== 'busy-tentative') return false;
  const hold = holdOf(slot);
  return hold === undefined || holdIsLive(hold.expiresAt, nowMs);
}

/** Free to hold: `free`, or tentatively held by a hold of ours that has lapsed. */
export function isFreeAt(slot: Slot, nowMs: number): boolean {
  if (slot.status === 'free') return true;
  if (slot.status !== 'busy-tentative') return false;
  const hold = holdOf(slot);
  return hold !== undefined && hold.requestKey === undefined && !holdIsLive(hold.expiresAt, nowMs);
}
