/**
 * Booking a held Slot on the fallback, in an order that keeps every step safe to retry with the
 * same request key:
 *
 * 1. `Appointment?identifier=<request key>`: a booking already made with this key is returned.
 * 2. The hold is checked (ours, unexpired) and a returning patient matched: read-only.
 * 3. The Slot goes `busy-tentative` -> `busy` with `If-Match`: of many bookings of one hold,
 *    one wins; the rest see 412 and `slot_unavailable`.
 * 4. Patient (new), Coverage and reminder Consents are created conditionally on the key.
 * 5. The Appointment is created with `If-None-Exist: identifier=<request key>`: made once.
 */
import { AdapterError, createToken } from '@pxm/core';
import {
  holdIsLive,
  requireTypeEligibility,
  type Appointment as ContractAppointment,
  type Coverage as ContractCoverage,
  type PatientDetails,
  type ReminderConsent,
  type UnverifiedPatient,
} from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { identifierValue, referenceId, token } from '../fhir/elements.js';
import { REQUEST_KEY_IDENTIFIER } from '../fhir/namespace.js';
import type { Appointment, Slot } from '../fhir/types.js';
import { isConflict } from '../http/errors.js';
import { fromFhirAppointment, rescheduledFromId, toFhirAppointment } from './appointment-mapping.js';
import type { Catalogue } from './catalogue.js';
import { toFhirCoverage } from './coverage-mapping.js';
import { createNewPatient, createUnverifiedPatient, findReturningPatient, returningPatientId } from './patients.js';
import { createReminderConsents } from './reminder-consent-mapping.js';
import { holdOf, withHold } from './slot-hold-state.js';
import { clashes, holdMatches, readSlot, type HeldSlot } from './slot-holds.js';
import { decodeHoldRef, type HoldRef } from './slot-ids.js';

const CAS_ATTEMPTS = 4;

export interface BookingPlan {
  holdId: string;
  requestKey: string;
  /** A new booking names the patient; a reschedule carries over the old visit's patient. */
  patient: PatientDetails | { kind: 'existing'; patientId: string };
  coverage?: ContractCoverage | undefined;
  consents: readonly ReminderConsent[];
  manageToken?: string | undefined;
  rescheduledFromId?: string | undefined;
}

export function mapAppointment(appointment: Appointment, catalogue: Catalogue, operation: string): ContractAppointment {
  const mapped = fromFhirAppointment(appointment, catalogue);
  if (!mapped) throw new AdapterError('server', 'The FHIR server returned an appointment this adapter cannot read.', { operation, retryable: false });
  return mapped;
}

/** The appointment a request key already made, if any; `conflict` when the key was used for something else. */
export async function replayBooking(
  ctx: FhirContext,
  catalogue: Catalogue,
  requestKey: string,
  fits: (appointment: Appointment) => boolean,
  operation: string,
  signal?: AbortSignal,
): Promise<ContractAppointment | undefined> {
  const found = await ctx.client.search<Appointment>(operation, 'Appointment', { identifier: token(REQUEST_KEY_IDENTIFIER, requestKey) }, signal);
  const previous = found.matches.find((a) => a.status !== 'waitlist');
  if (!previous) return undefined;
  if (!fits(previous)) throw new AdapterError('conflict', 'This idempotency key was already used for a different request.', { operation });
  return mapAppointment(previous, catalogue, operation);
}

function usesHold(appointment: Appointment, ref: HoldRef): boolean {
  return (appointment.slot ?? []).some((s) => referenceId(s, 'Slot') === ref.slotId);
}

type HoldState = 'ours' | 'booked-by-us' | 'expired' | 'taken';

async function holdState(held: HeldSlot | undefined, ref: HoldRef, requestKey: string, nowMs: number): Promise<HoldState> {
  if (!held) return 'expired';
  const hold = holdOf(held.slot);
  // Not our hold any more: a live hold cannot be taken over, so ours lapsed (or was released).
  if (!(await holdMatches(held.slot, ref))) return 'expired';
  if (held.slot.status === 'busy') return hold?.requestKey === requestKey ? 'booked-by-us' : 'taken';
  if (held.slot.status !== 'busy-tentative' || hold?.requestKey) return 'expired';
  return holdIsLive(hold!.expiresAt, nowMs) ? 'ours' : 'expired';
}

function failFor(state: HoldState, operation: string): AdapterError {
  return state === 'taken'
    ? new AdapterError('slot_unavailable', 'This time has already been booked.', { operation })
    : new AdapterError('hold_expired', 'The hold on this time has expired.', { operation });
}

/** Steps 2-3: the Slot ends up `busy` under this request key, or the call fails. */
async function claimSlot(
  ctx: FhirContext,
  catalogue: Catalogue,
  ref: HoldRef,
  requestKey: string,
  beforeClaim: (held: HeldSlot) => Promise<void>,
  operation: string,
  signal?: AbortSignal,
): Promise<HeldSlot> {
  let checked = false;
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const held = await readSlot(ctx, catalogue, ref, operation, signal);
    const state = await holdState(held, ref, requestKey, ctx.now().getTime());
    if (state === 'booked-by-us') return held!;
    if (state !== 'ours') throw failFor(state, operation);
    if (!checked) {
      await beforeClaim(held!);
      checked = true;
    }
    const hold = holdOf(held!.slot)!;
    try {
      const written = await ctx.client.update<Slot>(operation, withHold(held!.slot, 'busy', { ...hold, requestKey }), { ifMatch: held!.version, signal });
      return { ...held!, slot: written.resource, version: written.version };
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Someone else wrote the Slot: read it again and see who.
    }
  }
  throw new AdapterError('slot_unavailable', 'This time is being booked by someone else.', { operation });
}

export async function bookHeldSlot(ctx: FhirContext, catalogue: Catalogue, plan: BookingPlan, operation: string, signal?: AbortSignal): Promise<ContractAppointment> {
  const ref = decodeHoldRef(plan.holdId);
  const replayed = await replayBooking(
    ctx,
    catalogue,
    plan.requestKey,
    (a) => (ref ? usesHold(a, ref) : false) && rescheduledFromId(a) === plan.rescheduledFromId,
    operation,
    signal,
  );
  if (replayed) return replayed;
  if (!ref) throw new AdapterError('hold_expired', 'This hold is no longer active.', { operation });

  let patientId: string | undefined = plan.patient.kind === 'existing' ? plan.patient.patientId : undefined;
  /** A returning patient nobody matched: the record to create once the Slot is ours. */
  let unverified: UnverifiedPatient | undefined;
  const held = await claimSlot(
    ctx,
    catalogue,
    ref,
    plan.requestKey,
    async (held) => {
      const visit = catalogue.types.get(ref.typeId)!;
      const kind = plan.patient.kind;
      // A reschedule carries over the old visit's patient: only a new booking is checked.
      if (kind !== 'existing') requireTypeEligibility(visit.type, kind, operation);
      if (plan.patient.kind === 'returning') {
        // Read-only here; an unmatched patient's unverified record is made after the claim.
        const found = await findReturningPatient(ctx, plan.patient, operation, signal);
        if ('patientId' in found) patientId = found.patientId;
        else unverified = found.unverified;
      }
      // Someone outside this protocol (the front desk) may have booked the provider meanwhile.
      if (await clashes(ctx, catalogue, held, operation, signal)) {
        throw new AdapterError('slot_unavailable', 'This time is no longer available.', { operation });
      }
    },
    operation,
    signal,
  );

  if (patientId === undefined) {
    const details = plan.patient;
    if (details.kind === 'new') patientId = await createNewPatient(ctx, details, plan.requestKey, operation, signal);
    else if (details.kind === 'returning' && unverified) patientId = await createUnverifiedPatient(ctx, unverified, plan.requestKey, operation, signal);
    // A retry whose Slot was already ours: the match is decided here.
    else if (details.kind === 'returning') patientId = await returningPatientId(ctx, details, plan.requestKey, operation, signal);
    else patientId = details.patientId;
  }
  const owner = patientId;
  await Promise.all([
    plan.coverage
      ? ctx.client.create(operation, toFhirCoverage(plan.coverage, `Patient/${owner}`, plan.requestKey), { ifNoneExist: { identifier: token(REQUEST_KEY_IDENTIFIER, plan.requestKey) }, signal })
      : undefined,
    ...createReminderConsents(ctx, plan.consents, owner, plan.requestKey, operation, signal),
  ]);

  const nowMs = ctx.now().getTime();
  const draft = toFhirAppointment({
    visit: held.visit,
    locationId: held.schedule.locationId,
    providerId: held.schedule.providerId,
    patientId: owner,
    startMs: Date.parse(held.slot.start ?? ''),
    zone: held.zone,
    slotId: held.slot.id,
    manageToken: plan.manageToken ?? createToken(),
    requestKey: plan.requestKey,
    createdAt: new Date(nowMs).toISOString(),
    rescheduledFromId: plan.rescheduledFromId,
    reasonForVisit: plan.patient.kind === 'new' ? plan.patient.reasonForVisit : undefined,
    referralSource: plan.patient.kind === 'new' ? plan.patient.referralSource : undefined,
  });
  const written = await ctx.client.create(operation, draft, { ifNoneExist: { identifier: token(REQUEST_KEY_IDENTIFIER, plan.requestKey) }, signal });
  if (identifierValue(written.resource, REQUEST_KEY_IDENTIFIER) !== plan.requestKey) {
    throw new AdapterError('server', 'The FHIR server answered the conditional create with another appointment.', { operation, retryable: false });
  }
  return mapAppointment(written.resource, catalogue, operation);
}

