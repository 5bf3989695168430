/**
 * Holds on the Slot fallback. A hold is a compare-and-swap on the Slot: read it with its
 * version, then `PUT` it as `busy-tentative` with `If-Match`; of many callers racing for one
 * Slot exactly one write succeeds and the others get 412. Holds on *different* Slots that
 * overlap in time for one provider are caught by a check after the write: each holder re-reads
 * the provider's busy time and backs off if it sees another hold, so at most one survives
 * (both may back off; the patient then picks again). See docs/fhir-mapping.md for the races
 * this does and does not close.
 */
import { AdapterError, createToken } from '@pxm/core';
import { holdExpiry, holdIsLive, type Hold } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { referenceId } from '../fhir/elements.js';
import type { Slot } from '../fhir/types.js';
import { readIfExists } from '../http/client.js';
import { isConflict } from '../http/errors.js';
import { sha256Hex } from '../util/sha256.js';
import { busyIntervals, overlapsBusy } from './busy-time.js';
import type { Catalogue, ScheduleInfo, VisitType } from './catalogue.js';
import { contractSlot, offersVisit } from './find-slots.js';
import { holdOf, isFreeAt, withHold } from './slot-hold-state.js';
import { decodeHoldRef, encodeHoldRef, type HoldRef, type SlotRef } from './slot-ids.js';

const CAS_ATTEMPTS = 4;

function unavailable(operation: string): AdapterError {
  return new AdapterError('slot_unavailable', 'This time is no longer available.', { operation });
}

function expired(operation: string): AdapterError {
  return new AdapterError('hold_expired', 'The hold on this time has expired.', { operation });
}

export interface HeldSlot {
  slot: Slot;
  version: string | undefined;
  schedule: ScheduleInfo;
  visit: VisitType;
  zone: string;
}

/** The Slot behind a slot or hold id, with the practice's view of it; undefined if it is not ours to offer. */
export async function readSlot(ctx: FhirContext, catalogue: Catalogue, ref: SlotRef, operation: string, signal?: AbortSignal): Promise<HeldSlot | undefined> {
  const visit = catalogue.types.get(ref.typeId);
  if (!visit) return undefined;
  const read = await readIfExists<Slot>(ctx.client, operation, 'Slot', ref.slotId, signal);
  if (!read) return undefined;
  const schedule = catalogue.schedules.get(referenceId(read.resource.schedule, 'Schedule') ?? '');
  const zone = schedule ? catalogue.locations.get(schedule.locationId)?.timeZone : undefined;
  if (!schedule || !zone || !schedule.typeIds.has(ref.typeId)) return undefined;
  return { slot: read.resource, version: read.version, schedule, visit, zone };
}

/** Whether another hold or booking of the same provider overlaps this slot now. */
export async function clashes(ctx: FhirContext, catalogue: Catalogue, held: HeldSlot, operation: string, signal?: AbortSignal): Promise<boolean> {
  const startMs = Date.parse(held.slot.start ?? '');
  const occupiedEnd = startMs + (held.visit.type.durationMinutes + held.visit.type.bufferMinutes) * 60_000;
  const busy = await busyIntervals(ctx, catalogue, [held.schedule.providerId], startMs, occupiedEnd, operation, signal);
  return overlapsBusy(busy, held.schedule.providerId, startMs, occupiedEnd, new Set([`Slot/${held.slot.id ?? ''}`]));
}

export function toHold(held: HeldSlot, secret: string, expiresAt: string): Hold {
  return {
    id: encodeHoldRef({ slotId: held.slot.id ?? '', typeId: held.visit.type.id, secret }),
    slot: contractSlot(held.slot, held.schedule, held.visit, held.zone),
    expiresAt,
  };
}

export async function holdFallbackSlot(ctx: FhirContext, catalogue: Catalogue, ref: SlotRef, operation: string, signal?: AbortSignal): Promise<Hold> {
  const held = await readSlot(ctx, catalogue, ref, operation, signal);
  const nowMs = ctx.now().getTime();
  if (!held || !isFreeAt(held.slot, nowMs) || !offersVisit(held.slot, held.visit)) throw unavailable(operation);
  if (Date.parse(held.slot.start ?? '') < nowMs + ctx.minimumNoticeMinutes * 60_000) throw unavailable(operation);
  if (await clashes(ctx, catalogue, held, operation, signal)) throw unavailable(operation);

  const secret = createToken(18);
  const expiresAt = new Date(holdExpiry(nowMs, ctx.holdTtlMs)).toISOString();
  const next = withHold(held.slot, 'busy-tentative', { secretHash: await sha256Hex(secret), expiresAt, typeId: held.visit.type.id });
  let written;
  try {
    written = await ctx.client.update(operation, next, { ifMatch: held.version, signal });
  } catch (error) {
    if (isConflict(error)) throw unavailable(operation);
    throw error;
  }
  const mine: HeldSlot = { ...held, slot: written.resource, version: written.version };
  // Write, then look: of two overlapping holds made at once, at least one sees the other.
  if (await clashes(ctx, catalogue, mine, operation, signal)) {
    await releaseOwn(ctx, mine, operation);
    throw unavailable(operation);
  }
  return toHold(mine, secret, expiresAt);
}

/** Puts a slot we hold (and have not booked) back to free; best effort. */
async function releaseOwn(ctx: FhirContext, held: HeldSlot, operation: string): Promise<void> {
  try {
    await ctx.client.update(operation, withHold(held.slot, 'free', undefined), { ifMatch: held.version });
  } catch {
    // Someone changed it meanwhile; the hold lapses at its expiry anyway.
  }
}

export async function holdMatches(slot: Slot, ref: HoldRef): Promise<boolean> {
  const hold = holdOf(slot);
  return hold !== undefined && hold.typeId === ref.typeId && hold.secretHash === (await sha256Hex(ref.secret));
}

export async function renewFallbackHold(ctx: FhirContext, catalogue: Catalogue, holdId: string, operation: string, signal?: AbortSignal): Promise<Hold> {
  const ref = decodeHoldRef(holdId);
  if (!ref) throw expired(operation);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const held = await readSlot(ctx, catalogue, ref, operation, signal);
    if (!held || !(await holdMatches(held.slot, ref))) throw expired(operation);
    const hold = holdOf(held.slot)!;
    if (held.slot.status === 'busy' || hold.requestKey) throw new AdapterError('slot_unavailable', 'This time has already been booked.', { operation });
    const nowMs = ctx.now().getTime();
    if (held.slot.status !== 'busy-tentative' || !holdIsLive(hold.expiresAt, nowMs)) throw expired(operation);
    const expiresAt = new Date(holdExpiry(nowMs, ctx.holdTtlMs)).toISOString();
    try {
      const written = await ctx.client.update(operation, withHold(held.slot, 'busy-tentative', { ...hold, expiresAt }), { ifMatch: held.version, signal });
      return toHold({ ...held, slot: written.resource, version: written.version }, ref.secret, expiresAt);
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new AdapterError('conflict', 'The hold kept changing while it was renewed.', { operation, retryable: true });
}

export async function releaseFallbackHold(ctx: FhirContext, catalogue: Catalogue, holdId: string, operation: string, signal?: AbortSignal): Promise<void> {
  const ref = decodeHoldRef(holdId);
  if (!ref) return;
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const held = await readSlot(ctx, catalogue, ref, operation, signal);
    if (!held || held.slot.status !== 'busy-tentative' || !(await holdMatches(held.slot, ref)) || holdOf(held.slot)?.requestKey) return;
    try {
      await ctx.client.update(operation, withHold(held.slot, 'free', undefined), { ifMatch: held.version, signal });
      return;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
}
