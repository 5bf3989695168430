/**
 * `findSlots` on the Slot fallback: the free Slots of the location's schedules in the range,
 * for the visit type, minus any that overlap the provider's booked or held time (buffers
 * included) or start sooner than the minimum notice.
 */
import { AdapterError } from '@pxm/core';
import { toZonedIso } from '@pxm/core/time';
import type { Slot as ContractSlot } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { conceptsOverlap, referenceId } from '../fhir/elements.js';
import type { Slot } from '../fhir/types.js';
import { busyIntervals, overlapsBusy } from './busy-time.js';
import type { Catalogue, ScheduleInfo, VisitType } from './catalogue.js';
import { isFreeAt } from './slot-hold-state.js';
import { encodeSlotRef } from './slot-ids.js';

/** Slot searches ask for large pages: a fortnight of a busy clinic is hundreds of Slots. */
export const SLOT_PAGE = '1000';

export interface SlotSearch {
  locationId: string;
  typeId: string;
  providerId?: string | undefined;
  fromMs: number;
  toMs: number;
}

/** Whether this Slot can be booked as this visit type: its service types, and its length. */
export function offersVisit(slot: Slot, visit: VisitType): boolean {
  const startMs = Date.parse(slot.start ?? '');
  const endMs = Date.parse(slot.end ?? '');
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return false;
  if (endMs - startMs < visit.type.durationMinutes * 60_000) return false;
  return !slot.serviceType?.length || conceptsOverlap(slot.serviceType, visit.concepts);
}

export function contractSlot(slot: Slot, schedule: ScheduleInfo, visit: VisitType, zone: string): ContractSlot {
  const startMs = Date.parse(slot.start ?? '');
  return {
    id: encodeSlotRef({ slotId: slot.id ?? '', typeId: visit.type.id }),
    locationId: schedule.locationId,
    providerId: schedule.providerId,
    appointmentTypeId: visit.type.id,
    start: toZonedIso(startMs, zone),
    end: toZonedIso(startMs + visit.type.durationMinutes * 60_000, zone),
  };
}

export function requireVisit(catalogue: Catalogue, locationId: string, typeId: string, operation: string): { zone: string; visit: VisitType } {
  const location = catalogue.locations.get(locationId);
  if (!location) throw new AdapterError('not_found', `Unknown location ${locationId}.`, { operation });
  const visit = catalogue.types.get(typeId);
  if (!visit) throw new AdapterError('not_found', `Unknown appointment type ${typeId}.`, { operation });
  return { zone: location.timeZone, visit };
}

export async function findFallbackSlots(ctx: FhirContext, catalogue: Catalogue, search: SlotSearch, operation: string, signal?: AbortSignal): Promise<ContractSlot[]> {
  const { zone, visit } = requireVisit(catalogue, search.locationId, search.typeId, operation);
  if (visit.type.locationIds && !visit.type.locationIds.includes(search.locationId)) return [];
  const schedules = [...catalogue.schedules.values()].filter(
    (s) => s.locationId === search.locationId && s.typeIds.has(search.typeId) && (!search.providerId || s.providerId === search.providerId),
  );
  if (schedules.length === 0) return [];
  const earliest = Math.max(search.fromMs, ctx.now().getTime() + ctx.minimumNoticeMinutes * 60_000);
  if (earliest >= search.toMs) return [];

  const byId = new Map(schedules.map((s) => [s.id, s]));
  const providerIds = [...new Set(schedules.map((s) => s.providerId))];
  const [free, busy] = await Promise.all([
    ctx.client.search<Slot>(
      operation,
      'Slot',
      {
        schedule: schedules.map((s) => `Schedule/${s.id}`).join(','),
        status: 'free,busy-tentative',
        _count: SLOT_PAGE,
        start: [`ge${new Date(earliest).toISOString()}`, `lt${new Date(search.toMs).toISOString()}`],
      },
      signal,
    ),
    busyIntervals(ctx, catalogue, providerIds, earliest, search.toMs, operation, signal),
  ]);

  const nowMs = ctx.now().getTime();
  const occupiedMs = (visit.type.durationMinutes + visit.type.bufferMinutes) * 60_000;
  const found: Array<{ startMs: number; slot: ContractSlot }> = [];
  const seen = new Set<string>();
  for (const slot of free.matches) {
    const schedule = byId.get(referenceId(slot.schedule, 'Schedule') ?? '');
    if (!schedule || !slot.id || !isFreeAt(slot, nowMs) || !offersVisit(slot, visit)) continue;
    const startMs = Date.parse(slot.start ?? '');
    // The server's date filter is only a first cut; the range is applied exactly here.
    if (startMs < earliest || startMs >= search.toMs) continue;
    if (overlapsBusy(busy, schedule.providerId, startMs, startMs + occupiedMs)) continue;
    const mapped = contractSlot(slot, schedule, visit, zone);
    if (seen.has(mapped.id)) continue;
    seen.add(mapped.id);
    found.push({ startMs, slot: mapped });
  }
  found.sort((a, b) => a.startMs - b.startMs || (a.slot.providerId < b.slot.providerId ? -1 : a.slot.providerId > b.slot.providerId ? 1 : 0));
  return found.map((entry) => entry.slot);
}
