/**
 * Booking through the server's own scheduler, when its CapabilityStatement advertises the IHE
 * ITI Scheduling operations (`Appointment/$find`, `$hold`, `$book`; the Argonaut operations
 * have the same names). The server then decides availability and guards every race itself;
 * the adapter maps proposed, pending and booked Appointments onto slots, holds and bookings.
 *
 * - `$find` (GET, `start`, `end`, `location`, `practitioner`, `visit-type`) returns proposed
 *   Appointments; each becomes a slot. One without an id is kept in memory under a short key.
 * - `$hold` (`appointment-reference` or `appointment-resource`) returns it `pending`: a hold.
 *   IHE gives holds no expiry element, so `expiresAt` is now + `holdTtlMs`.
 * - `$book` with the pending Appointment (the patient added) books it; `$book` with
 *   `status: cancelled` releases a hold or cancels a visit.
 */
import { AdapterError, createToken } from '@pxm/core';
import {
  holdExpiry,
  requireTypeEligibility,
  type Appointment as ContractAppointment,
  type Hold,
  type Slot as ContractSlot,
} from '@pxm/core/booking';
import { toZonedIso } from '@pxm/core/time';
import type { FhirContext } from '../context.js';
import { identifierValue, referenceId, token, withExtension } from '../fhir/elements.js';
import { RESCHEDULED_FROM_EXTENSION, REQUEST_KEY_IDENTIFIER, MANAGE_TOKEN_IDENTIFIER, CANCEL_REASON_SYSTEM } from '../fhir/namespace.js';
import type { Appointment, Bundle, Parameters, ParametersParameter, Resource } from '../fhir/types.js';
import { readIfExists } from '../http/client.js';
import { hasErrorCode } from '../http/errors.js';
import { readSearchPage } from '../http/search-page.js';
import { participantId } from './appointment-mapping.js';
import { mapAppointment, replayBooking, type BookingPlan } from './book-slot.js';
import { visitTypeOf, type Catalogue, type VisitType } from './catalogue.js';
import type { SlotSearch } from './find-slots.js';
import type { ManagedVisit } from './manage-appointment.js';
import { patientIdFor } from './patients.js';

const PREFIX = 'op';
const SEP = '~';
const REMEMBERED = 2000;

export interface SchedulingOperations {
  find(catalogue: Catalogue, search: SlotSearch, operation: string, signal?: AbortSignal): Promise<ContractSlot[]>;
  hold(catalogue: Catalogue, slotId: string, operation: string, signal?: AbortSignal): Promise<Hold>;
  renew(catalogue: Catalogue, holdId: string, operation: string, signal?: AbortSignal): Promise<Hold>;
  release(catalogue: Catalogue, holdId: string, operation: string, signal?: AbortSignal): Promise<void>;
  book(catalogue: Catalogue, plan: BookingPlan, operation: string, signal?: AbortSignal): Promise<ContractAppointment>;
  cancel(catalogue: Catalogue, visit: ManagedVisit, reason: { code: string; text: string }, operation: string, signal?: AbortSignal): Promise<ContractAppointment>;
}

interface OpRef {
  /** `Appointment/<id>` on the server, or `mem:<key>` for a proposal kept in memory. */
  target: string;
  typeId: string;
}

function encode(ref: OpRef): string {
  return [PREFIX, ref.target, ref.typeId].join(SEP);
}

function decode(id: unknown): OpRef | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = id.split(SEP);
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return undefined;
  return { target: parts[1], typeId: parts[2] };
}

/** The Appointment an operation answered with: bare, in a Bundle, or in `Parameters.return`. */
function appointmentIn(reply: Resource | undefined): Appointment | undefined {
  if (!reply) return undefined;
  if (reply.resourceType === 'Appointment') return reply as Appointment;
  if (reply.resourceType === 'Bundle') return (reply as Bundle).entry?.map((e) => e.resource).find((r): r is Appointment => r?.resourceType === 'Appointment');
  if (reply.resourceType === 'Parameters') return appointmentIn((reply as Parameters).parameter?.find((p) => p.resource)?.resource);
  return undefined;
}

function parameters(...parameter: ParametersParameter[]): Parameters {
  return { resourceType: 'Parameters', parameter };
}

function refuseAs(error: unknown, code: 'slot_unavailable' | 'hold_expired', operation: string): never {
  if (hasErrorCode(error, 'conflict', 'not_found', 'validation')) {
    throw new AdapterError(code, code === 'slot_unavailable' ? 'This time is no longer available.' : 'The hold on this time has expired.', { operation, cause: error });
  }
  throw error;
}

export function schedulingOperations(ctx: FhirContext): SchedulingOperations {
  // Proposals that came without an id, by key; bounded so a long session cannot grow it forever.
  const proposals = new Map<string, Appointment>();

  function remember(appointment: Appointment): string {
    if (appointment.id) return `Appointment/${appointment.id}`;
    const key = `mem:${createToken(9)}`;
    proposals.set(key, appointment);
    if (proposals.size > REMEMBERED) proposals.delete(proposals.keys().next().value!);
    return key;
  }

  async function resolve(target: string, operation: string, signal?: AbortSignal): Promise<Appointment | undefined> {
    if (target.startsWith('mem:')) return proposals.get(target);
    const id = referenceId(target, 'Appointment');
    return id ? (await readIfExists<Appointment>(ctx.client, operation, 'Appointment', id, signal))?.resource : undefined;
  }

  function toSlot(catalogue: Catalogue, appointment: Appointment, fallback: { locationId: string; visit: VisitType }, target: string): ContractSlot | undefined {
    const locationId = participantId(appointment, 'Location') ?? fallback.locationId;
    const providerId = participantId(appointment, 'Practitioner');
    const location = catalogue.locations.get(locationId);
    const visit = visitTypeOf(catalogue, appointment.serviceType) ?? fallback.visit;
    const startMs = Date.parse(appointment.start ?? '');
    if (!location || !providerId || !Number.isFinite(startMs)) return undefined;
    return {
      id: encode({ target, typeId: visit.type.id }),
      locationId,
      providerId,
      appointmentTypeId: visit.type.id,
      start: toZonedIso(startMs, location.timeZone),
      end: toZonedIso(startMs + visit.type.durationMinutes * 60_000, location.timeZone),
    };
  }

  async function holdTarget(catalogue: Catalogue, ref: OpRef, operation: string, signal?: AbortSignal): Promise<Hold> {
    const proposal = await resolve(ref.target, operation, signal);
    if (!proposal) throw new AdapterError('slot_unavailable', 'This time is no longer available.', { operation });
    const input = proposal.id
      ? parameters({ name: 'appointment-reference', valueReference: { reference: `Appointment/${proposal.id}` } })
      : parameters({ name: 'appointment-resource', resource: proposal });
    let held: Appointment | undefined;
    try {
      held = appointmentIn(await ctx.client.invoke(operation, 'Appointment/$hold', input, signal));
    } catch (error) {
      refuseAs(error, 'slot_unavailable', operation);
    }
    if (!held?.id || held.status !== 'pending') throw new AdapterError('slot_unavailable', 'The server refused to hold this time.', { operation });
    const visit = catalogue.types.get(ref.typeId);
    const location = catalogue.locations.get(participantId(held, 'Location') ?? '');
    const slot = visit && location ? toSlot(catalogue, held, { locationId: location.id, visit }, `Appointment/${held.id}`) : undefined;
    if (!slot) throw new AdapterError('server', 'The held appointment names no location or practitioner of this practice.', { operation, retryable: false });
    return { id: slot.id, slot, expiresAt: new Date(holdExpiry(ctx.now().getTime(), ctx.holdTtlMs)).toISOString() };
  }

  return {
    async find(catalogue, search, operation, signal) {
      const visit = catalogue.types.get(search.typeId);
      if (!catalogue.locations.has(search.locationId)) throw new AdapterError('not_found', `Unknown location ${search.locationId}.`, { operation });
      if (!visit) throw new AdapterError('not_found', `Unknown appointment type ${search.typeId}.`, { operation });
      const coding = visit.concepts.flatMap((c) => c.coding ?? []).find((c) => c.system && c.code);
      const reply = await ctx.client.invoke<Bundle>(operation, 'Appointment/$find', undefined, signal, {
        start: new Date(search.fromMs).toISOString(),
        end: new Date(search.toMs).toISOString(),
        location: `Location/${search.locationId}`,
        ...(search.providerId ? { practitioner: `Practitioner/${search.providerId}` } : {}),
        ...(coding ? { 'visit-type': token(coding.system!, coding.code!) } : {}),
      });
      const page = readSearchPage<Appointment>(operation, reply, 'Appointment');
      const earliest = Math.max(search.fromMs, ctx.now().getTime());
      const slots: ContractSlot[] = [];
      for (const proposal of page.matches) {
        const startMs = Date.parse(proposal.start ?? '');
        if (!(startMs >= earliest && startMs < search.toMs)) continue;
        const slot = toSlot(catalogue, proposal, { locationId: search.locationId, visit }, remember(proposal));
        if (!slot || slot.locationId !== search.locationId || (search.providerId && slot.providerId !== search.providerId)) continue;
        slots.push(slot);
      }
      return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.providerId.localeCompare(b.providerId));
    },

    async hold(catalogue, slotId, operation, signal) {
      const ref = decode(slotId);
      if (!ref) throw new AdapterError('validation', 'Unknown slot id format.', { operation, issues: [{ path: 'slotId', message: 'Invalid slot id.' }] });
      return holdTarget(catalogue, ref, operation, signal);
    },

    async renew(catalogue, holdId, operation, signal) {
      const ref = decode(holdId);
      if (!ref) throw new AdapterError('hold_expired', 'This hold is no longer active.', { operation });
      try {
        return await holdTarget(catalogue, ref, operation, signal);
      } catch (error) {
        refuseAs(error, 'hold_expired', operation);
      }
    },

    async release(_catalogue, holdId, operation, signal) {
      const ref = decode(holdId);
      const held = ref ? await resolve(ref.target, operation, signal) : undefined;
      if (!held || held.status !== 'pending') return;
      const cancelled: Appointment = { ...held, status: 'cancelled' };
      await ctx.client
        .invoke(operation, 'Appointment/$book', parameters({ name: 'appointment-resource', resource: cancelled }), signal)
        .catch(() => undefined);
    },

    async book(catalogue, plan, operation, signal) {
      const ref = decode(plan.holdId);
      const replayed = await replayBooking(ctx, catalogue, plan.requestKey, (a) => ref !== undefined && `Appointment/${a.id ?? ''}` === ref.target, operation, signal);
      if (replayed) return replayed;
      const held = ref ? await resolve(ref.target, operation, signal) : undefined;
      if (!ref || !held || held.status !== 'pending') throw new AdapterError('hold_expired', 'This hold is no longer active.', { operation });
      const visit = catalogue.types.get(ref.typeId)!;
      // A reschedule carries over the old visit's patient: only a new booking is checked.
      if (plan.patient.kind !== 'existing') requireTypeEligibility(visit.type, plan.patient.kind, operation);
      const patientId = plan.patient.kind === 'existing' ? plan.patient.patientId : await patientIdFor(ctx, plan.patient, plan.requestKey, operation, signal);
      const withPatient: Appointment = {
        ...withExtension(
          held,
          RESCHEDULED_FROM_EXTENSION,
          plan.rescheduledFromId ? { url: RESCHEDULED_FROM_EXTENSION, valueReference: { reference: `Appointment/${plan.rescheduledFromId}` } } : undefined,
        ),
        status: 'pending',
        identifier: [
          ...(held.identifier ?? []).filter((id) => id.system !== REQUEST_KEY_IDENTIFIER && id.system !== MANAGE_TOKEN_IDENTIFIER),
          { use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: plan.requestKey },
          { use: 'secondary', system: MANAGE_TOKEN_IDENTIFIER, value: plan.manageToken ?? createToken() },
        ],
        participant: [
          ...(held.participant ?? []).filter((p) => referenceId(p.actor, 'Patient') === undefined),
          { actor: { reference: `Patient/${patientId}` }, required: 'required', status: 'accepted' },
        ],
        created: held.created ?? ctx.now().toISOString(),
      };
      let booked: Appointment | undefined;
      try {
        booked = appointmentIn(await ctx.client.invoke(operation, 'Appointment/$book', parameters({ name: 'appointment-resource', resource: withPatient }), signal));
      } catch (error) {
        refuseAs(error, 'slot_unavailable', operation);
      }
      if (!booked || booked.status !== 'booked') throw new AdapterError('slot_unavailable', 'The server did not book this time.', { operation });
      if (!identifierValue(booked, MANAGE_TOKEN_IDENTIFIER)) {
        throw new AdapterError('server', 'The server dropped the manage token from the booked appointment.', { operation, retryable: false });
      }
      return mapAppointment(booked, catalogue, operation);
    },

    async cancel(catalogue, visit, reason, operation, signal) {
      const cancelled: Appointment = {
        ...visit.resource,
        status: 'cancelled',
        cancelationReason: { coding: [{ system: CANCEL_REASON_SYSTEM, code: reason.code }], text: reason.text },
      };
      const reply = appointmentIn(await ctx.client.invoke(operation, 'Appointment/$book', parameters({ name: 'appointment-resource', resource: cancelled }), signal));
      if (!reply || reply.status !== 'cancelled') throw new AdapterError('server', 'The server did not cancel the appointment.', { operation, retryable: false });
      return mapAppointment(reply, catalogue, operation);
    },
  };
}
