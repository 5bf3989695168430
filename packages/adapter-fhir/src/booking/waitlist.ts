/**
 * A waitlist entry is an Appointment with status `waitlist`: the visit type, the location and
 * (optionally) the provider as participants, the earliest date as `requestedPeriod`, and the
 * preferred weekdays and times of day in an extension plus a readable `comment` for staff.
 * Created once per request key (`If-None-Exist`).
 */
import { AdapterError } from '@pxm/core';
import type { WaitlistEntry, WaitlistRequest } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { complexExtension, referenceId, token } from '../fhir/elements.js';
import { REQUEST_KEY_IDENTIFIER, WAITLIST_PREFERENCE_EXTENSION, TIME_OF_DAY_CODE_SYSTEM } from '../fhir/namespace.js';
import type { Appointment, AppointmentParticipant } from '../fhir/types.js';
import { participantId } from './appointment-mapping.js';
import { visitTypeOf, type Catalogue } from './catalogue.js';
import { patientIdFor } from './patients.js';
import { createReminderConsents } from './reminder-consent-mapping.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function preferenceText(request: WaitlistRequest): string {
  const days = request.preferredWeekdays.map((day) => WEEKDAY_NAMES[day - 1]).join(', ');
  const times = request.preferredTimesOfDay.join(', ');
  return `Waitlist: prefers ${days || 'any day'}; ${times || 'any time'}${request.earliestDate ? `; from ${request.earliestDate}` : ''}.`;
}

export function toWaitlistAppointment(request: WaitlistRequest, catalogue: Catalogue, patientId: string, createdAt: string): Appointment {
  const visit = catalogue.types.get(request.appointmentTypeId)!;
  const participant: AppointmentParticipant[] = [
    { actor: { reference: `Patient/${patientId}` }, required: 'required', status: 'accepted' },
    { actor: { reference: `Location/${request.locationId}` }, required: 'required', status: 'needs-action' },
  ];
  if (request.providerId) participant.push({ actor: { reference: `Practitioner/${request.providerId}` }, required: 'required', status: 'needs-action' });
  return {
    resourceType: 'Appointment',
    identifier: [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: request.idempotencyKey }],
    status: 'waitlist',
    serviceType: visit.concepts,
    description: visit.type.name,
    created: createdAt,
    comment: preferenceText(request),
    ...(request.earliestDate ? { requestedPeriod: [{ start: request.earliestDate }] } : {}),
    participant,
    extension: [
      complexExtension(WAITLIST_PREFERENCE_EXTENSION, [
        ...request.preferredWeekdays.map((day) => ({ url: 'weekday', valueCode: WEEKDAYS[day - 1] })),
        ...request.preferredTimesOfDay.map((time) => ({ url: 'time-of-day', valueCoding: { system: TIME_OF_DAY_CODE_SYSTEM, code: time } })),
      ]),
    ],
  };
}

function fromWaitlistAppointment(appointment: Appointment, request: WaitlistRequest): WaitlistEntry {
  const providerId = participantId(appointment, 'Practitioner');
  // Read as the contract's shape; the caller's boundary validates it (a missing id or date fails there).
  return {
    id: appointment.id!,
    locationId: participantId(appointment, 'Location') ?? request.locationId,
    appointmentTypeId: request.appointmentTypeId,
    ...(providerId ? { providerId } : {}),
    createdAt: (appointment.created ?? appointment.meta?.lastUpdated)!,
  };
}

/** Same fingerprint as the first use of the key: location, visit type, provider. */
function sameRequest(appointment: Appointment, request: WaitlistRequest, catalogue: Catalogue): boolean {
  return (
    visitTypeOf(catalogue, appointment.serviceType)?.type.id === request.appointmentTypeId &&
    participantId(appointment, 'Location') === request.locationId &&
    participantId(appointment, 'Practitioner') === request.providerId
  );
}

export async function joinWaitlist(ctx: FhirContext, catalogue: Catalogue, request: WaitlistRequest, operation: string, signal?: AbortSignal): Promise<WaitlistEntry> {
  if (!catalogue.locations.has(request.locationId)) throw new AdapterError('not_found', `Unknown location ${request.locationId}.`, { operation });
  if (!catalogue.types.has(request.appointmentTypeId)) throw new AdapterError('not_found', `Unknown appointment type ${request.appointmentTypeId}.`, { operation });
  if (request.providerId && !catalogue.providers.has(request.providerId)) throw new AdapterError('not_found', `Unknown provider ${request.providerId}.`, { operation });

  const key = { identifier: token(REQUEST_KEY_IDENTIFIER, request.idempotencyKey) };
  const previous = (await ctx.client.search<Appointment>(operation, 'Appointment', key, signal)).matches.find((a) => a.status === 'waitlist');
  if (previous) {
    if (!sameRequest(previous, request, catalogue)) throw new AdapterError('conflict', 'This idempotency key was already used for a different request.', { operation });
    return fromWaitlistAppointment(previous, request);
  }
  const patientId = await patientIdFor(ctx, request.patient, request.idempotencyKey, operation, signal);
  await Promise.all(createReminderConsents(ctx, request.consents, patientId, request.idempotencyKey, operation, signal));
  const written = await ctx.client.create(operation, toWaitlistAppointment(request, catalogue, patientId, ctx.now().toISOString()), { ifNoneExist: key, signal });
  if (referenceId(written.resource.participant?.[0]?.actor, 'Patient') === undefined) {
    throw new AdapterError('server', 'The FHIR server answered the conditional create with another resource.', { operation, retryable: false });
  }
  return fromWaitlistAppointment(written.resource, request);
}
