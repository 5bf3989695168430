/**
 * The manage link: find the Appointment by its token identifier, show it with the practice's
 * cancellation policy, cancel it (status `cancelled`, `cancelationReason`, the cancellation
 * date, and its Slot back to `free`), or reschedule it (book the held new time first, then
 * cancel the old visit, so the patient is never left with neither).
 */
import { AdapterError } from '@pxm/core';
import {
  lateChangeWindow,
  requireLateFeeAcknowledged,
  requireManageLinkOpen,
  type Appointment as ContractAppointment,
  type ManagedAppointment,
} from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { identifierValue, referenceId, token, withExtension } from '../fhir/elements.js';
import { isWellFormedToken } from '../fhir/link-token.js';
import { MANAGE_TOKEN_IDENTIFIER, REQUEST_KEY_IDENTIFIER, CANCELLATION_DATE_EXTENSION, CANCEL_REASON_SYSTEM } from '../fhir/namespace.js';
import type { Appointment, Slot } from '../fhir/types.js';
import { readIfExists } from '../http/client.js';
import { isConflict } from '../http/errors.js';
import { rescheduledFromId } from './appointment-mapping.js';
import { mapAppointment } from './book-slot.js';
import type { Catalogue } from './catalogue.js';
import { holdOf, withHold } from './slot-hold-state.js';

const CAS_ATTEMPTS = 4;

export interface ManagedVisit {
  resource: Appointment;
  version: string | undefined;
  appointment: ContractAppointment;
}

/**
 * The visit behind a manage token. A rescheduled visit keeps its token, so the search can find
 * a chain of appointments; the current one is the one no other replaced.
 */
export async function findManaged(ctx: FhirContext, catalogue: Catalogue, manageToken: string, operation: string, signal?: AbortSignal): Promise<ManagedVisit> {
  const invalid = () => new AdapterError('token_invalid', 'This link is not valid.', { operation });
  if (!isWellFormedToken(manageToken)) throw invalid();
  const found = await ctx.client.search<Appointment>(operation, 'Appointment', { identifier: token(MANAGE_TOKEN_IDENTIFIER, manageToken) }, signal);
  const candidates = found.matches.filter((a) => identifierValue(a, MANAGE_TOKEN_IDENTIFIER) === manageToken && a.status !== 'waitlist');
  const replaced = new Set(candidates.map(rescheduledFromId).filter((id): id is string => id !== undefined));
  const current = candidates.filter((a) => !replaced.has(a.id ?? '')).sort((a, b) => Date.parse(b.created ?? '') - Date.parse(a.created ?? ''))[0];
  if (!current?.id) throw invalid();
  const appointment = mapAppointment(current, catalogue, operation);
  requireManageLinkOpen(Date.parse(appointment.end), ctx.now().getTime(), operation);
  return { resource: current, version: current.meta?.versionId, appointment };
}

export function withinNoticeWindow(ctx: FhirContext, catalogue: Catalogue, appointment: ContractAppointment): boolean {
  return lateChangeWindow(appointment, catalogue.practice.cancellationPolicy, ctx.now().getTime());
}

export function managedView(ctx: FhirContext, catalogue: Catalogue, visit: ManagedVisit): ManagedAppointment {
  return {
    appointment: visit.appointment,
    cancellationPolicy: catalogue.practice.cancellationPolicy,
    withinNoticeWindow: withinNoticeWindow(ctx, catalogue, visit.appointment),
  };
}

export function requireFeeAcknowledged(ctx: FhirContext, catalogue: Catalogue, appointment: ContractAppointment, acknowledged: boolean | undefined, operation: string): void {
  requireLateFeeAcknowledged(appointment, catalogue.practice.cancellationPolicy, ctx.now().getTime(), acknowledged, operation);
}

/** Puts the Slots this booking took back to `free`; Slots another system booked are left alone. */
async function freeSlots(ctx: FhirContext, appointment: Appointment, operation: string): Promise<void> {
  const requestKey = identifierValue(appointment, REQUEST_KEY_IDENTIFIER);
  for (const ref of appointment.slot ?? []) {
    const slotId = referenceId(ref, 'Slot');
    if (!slotId || !requestKey) continue;
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const read = await readIfExists<Slot>(ctx.client, operation, 'Slot', slotId);
      if (!read || read.resource.status !== 'busy' || holdOf(read.resource)?.requestKey !== requestKey) break;
      try {
        await ctx.client.update(operation, withHold(read.resource, 'free', undefined), { ifMatch: read.version });
        break;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
  }
}

export async function cancelVisit(
  ctx: FhirContext,
  catalogue: Catalogue,
  visit: ManagedVisit,
  reason: { text: string; code: 'pat' | 'pat-cpp' },
  operation: string,
  signal?: AbortSignal,
): Promise<ContractAppointment> {
  let current = visit;
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    if (current.appointment.status === 'cancelled') return current.appointment;
    const cancelled: Appointment = {
      ...withExtension(current.resource, CANCELLATION_DATE_EXTENSION, { url: CANCELLATION_DATE_EXTENSION, valueDateTime: ctx.now().toISOString() }),
      status: 'cancelled',
      cancelationReason: { coding: [{ system: CANCEL_REASON_SYSTEM, code: reason.code }], text: reason.text },
    };
    try {
      const written = await ctx.client.update(operation, cancelled, { ifMatch: current.version, signal });
      await freeSlots(ctx, written.resource, operation);
      return mapAppointment(written.resource, catalogue, operation);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const read = await ctx.client.read<Appointment>(operation, 'Appointment', current.resource.id ?? '', signal);
      current = { resource: read.resource, version: read.version, appointment: mapAppointment(read.resource, catalogue, operation) };
    }
  }
  throw new AdapterError('conflict', 'The appointment kept changing while it was cancelled.', { operation, retryable: true });
}
