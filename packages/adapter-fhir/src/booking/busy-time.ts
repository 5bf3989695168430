/**
 * When providers cannot be booked, from what the FHIR server holds: Slots that are booked or
 * held (any of the provider's schedules at this practice) and Appointments that occupy time,
 * each stretched by its visit type's buffer. The fallback offers a free Slot only when it
 * overlaps none of these, so Slots of different lengths never double-book one provider.
 */
import type { FhirContext } from '../context.js';
import { referenceId } from '../fhir/elements.js';
import type { Appointment, AppointmentStatusCode, Slot } from '../fhir/types.js';
import { schedulesOf, visitTypeOf, type Catalogue } from './catalogue.js';
import { holdOf, isLiveHold } from './slot-hold-state.js';

export interface BusyInterval {
  providerId: string;
  startMs: number;
  endMs: number;
  /** `Slot/<id>` or `Appointment/<id>`, so a caller can leave its own out. */
  source: string;
}

/** Appointment states that take the provider's time. */
export const OCCUPYING_STATUSES: readonly AppointmentStatusCode[] = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'checked-in'];

const DAY_MS = 86_400_000;

export function bufferMsOf(catalogue: Catalogue, typeId: string | undefined): number {
  return (typeId ? catalogue.types.get(typeId)?.type.bufferMinutes ?? 0 : 0) * 60_000;
}

export function slotProvider(catalogue: Catalogue, slot: Slot): string | undefined {
  const scheduleId = referenceId(slot.schedule, 'Schedule');
  return scheduleId ? catalogue.schedules.get(scheduleId)?.providerId : undefined;
}

export async function busyIntervals(
  ctx: FhirContext,
  catalogue: Catalogue,
  providerIds: readonly string[],
  fromMs: number,
  toMs: number,
  operation: string,
  signal?: AbortSignal,
): Promise<BusyInterval[]> {
  if (providerIds.length === 0) return [];
  const nowMs = ctx.now().getTime();
  const scheduleRefs = providerIds.flatMap((id) => schedulesOf(catalogue, id).map((s) => `Schedule/${s.id}`));
  // A day either side catches visits that start before the range and run into it.
  const range = [`ge${new Date(fromMs - DAY_MS).toISOString()}`, `lt${new Date(toMs + DAY_MS).toISOString()}`];
  const [slots, appointments] = await Promise.all([
    scheduleRefs.length === 0
      ? Promise.resolve({ matches: [] as Slot[] })
      : ctx.client.search<Slot>(operation, 'Slot', { schedule: scheduleRefs.join(','), status: 'busy,busy-tentative', start: range, _count: '1000' }, signal),
    ctx.client.search<Appointment>(
      operation,
      'Appointment',
      { actor: providerIds.map((id) => `Practitioner/${id}`).join(','), date: range, status: OCCUPYING_STATUSES.join(',') },
      signal,
    ),
  ]);
  const busy: BusyInterval[] = [];
  for (const slot of slots.matches) {
    if (slot.status === 'busy-tentative' && !isLiveHold(slot, nowMs)) continue;
    if (slot.status !== 'busy' && slot.status !== 'busy-tentative') continue;
    const providerId = slotProvider(catalogue, slot);
    const startMs = Date.parse(slot.start ?? '');
    const endMs = Date.parse(slot.end ?? '');
    if (!providerId || !Number.isFinite(startMs) || !Number.isFinite(endMs)) continue;
    const typeId = holdOf(slot)?.typeId ?? visitTypeOf(catalogue, slot.serviceType)?.type.id;
    busy.push({ providerId, startMs, endMs: endMs + bufferMsOf(catalogue, typeId), source: `Slot/${slot.id ?? ''}` });
  }
  const wanted = new Set(providerIds);
  for (const appointment of appointments.matches) {
    if (!appointment.status || !OCCUPYING_STATUSES.includes(appointment.status)) continue;
    const startMs = Date.parse(appointment.start ?? '');
    const endMs = Date.parse(appointment.end ?? '');
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) continue;
    const buffer = bufferMsOf(catalogue, visitTypeOf(catalogue, appointment.serviceType)?.type.id);
    for (const participant of appointment.participant ?? []) {
      const providerId = referenceId(participant.actor, 'Practitioner');
      if (providerId && wanted.has(providerId) && participant.status !== 'declined') {
        busy.push({ providerId, startMs, endMs: endMs + buffer, source: `Appointment/${appointment.id ?? ''}` });
      }
    }
  }
  return busy;
}

export function overlapsBusy(busy: readonly BusyInterval[], providerId: string, startMs: number, occupiedEndMs: number, except?: ReadonlySet<string>): boolean {
  return busy.some((b) => b.providerId === providerId && !except?.has(b.source) && startMs < b.endMs && occupiedEndMs > b.startMs);
}
