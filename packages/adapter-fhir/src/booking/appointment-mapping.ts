/**
 * Appointment <-> Appointment. Who takes part (patient, practitioner, location) are
 * participants; the visit type is `serviceType` (the HealthcareService's codes) with the
 * HL7 v2 0276 `appointmentType`; the manage link's token and the booking's request key are
 * identifiers; a reschedule points back at the visit it replaced.
 */
import { toZonedIso } from '@pxm/core/time';
import type { Appointment as ContractAppointment } from '@pxm/core/booking';
import { extensionOf, identifierValue, referenceId } from '../fhir/elements.js';
import { REQUEST_KEY_IDENTIFIER, MANAGE_TOKEN_IDENTIFIER, RESCHEDULED_FROM_EXTENSION, CANCELLATION_DATE_EXTENSION, ATTENDANCE_CONFIRMED_EXTENSION, V2_0276_SYSTEM } from '../fhir/namespace.js';
import type { Appointment, CodeableConcept } from '../fhir/types.js';
import { visitTypeOf, type Catalogue, type VisitType } from './catalogue.js';

export interface NewAppointment {
  visit: VisitType;
  locationId: string;
  providerId: string;
  patientId: string;
  startMs: number;
  zone: string;
  slotId?: string | undefined;
  manageToken: string;
  requestKey: string;
  createdAt: string;
  rescheduledFromId?: string | undefined;
  reasonForVisit?: string | undefined;
  referralSource?: string | undefined;
}

function distinctCodings(concepts: readonly CodeableConcept[]): CodeableConcept[] {
  const seen = new Set<string>();
  return concepts
    .map((concept) => ({
      ...concept,
      coding: (concept.coding ?? []).filter((coding) => {
        const key = `${coding.system ?? ''}|${coding.code ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    }))
    .filter((concept) => concept.coding.length > 0 || concept.text);
}

export function toFhirAppointment(input: NewAppointment): Appointment {
  const { visit } = input;
  const endMs = input.startMs + visit.type.durationMinutes * 60_000;
  const followUp = visit.type.patientEligibility === 'returning';
  return {
    resourceType: 'Appointment',
    identifier: [
      { use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: input.requestKey },
      { use: 'secondary', system: MANAGE_TOKEN_IDENTIFIER, value: input.manageToken },
    ],
    status: 'booked',
    serviceType: distinctCodings(visit.concepts),
    appointmentType: {
      coding: [
        followUp
          ? { system: V2_0276_SYSTEM, code: 'FOLLOWUP', display: 'A follow up visit from a previous appointment' }
          : { system: V2_0276_SYSTEM, code: 'ROUTINE', display: 'Routine appointment - default if not valued' },
      ],
    },
    ...(input.reasonForVisit ? { reasonCode: [{ text: input.reasonForVisit }] } : {}),
    description: visit.type.name,
    start: toZonedIso(input.startMs, input.zone),
    end: toZonedIso(endMs, input.zone),
    minutesDuration: visit.type.durationMinutes,
    ...(input.slotId ? { slot: [{ reference: `Slot/${input.slotId}` }] } : {}),
    created: input.createdAt,
    ...(input.referralSource ? { comment: `Referral source: ${input.referralSource}` } : {}),
    participant: [
      { actor: { reference: `Patient/${input.patientId}` }, required: 'required', status: 'accepted' },
      { actor: { reference: `Practitioner/${input.providerId}` }, required: 'required', status: 'accepted' },
      { actor: { reference: `Location/${input.locationId}` }, required: 'required', status: 'accepted' },
    ],
    ...(input.rescheduledFromId ? { extension: [{ url: RESCHEDULED_FROM_EXTENSION, valueReference: { reference: `Appointment/${input.rescheduledFromId}` } }] } : {}),
  };
}

export function participantId(appointment: Appointment, type: 'Patient' | 'Practitioner' | 'Location'): string | undefined {
  for (const participant of appointment.participant ?? []) {
    const id = referenceId(participant.actor, type);
    if (id) return id;
  }
  return undefined;
}

export function rescheduledFromId(appointment: Appointment): string | undefined {
  return referenceId(extensionOf(appointment, RESCHEDULED_FROM_EXTENSION)?.valueReference, 'Appointment');
}

const CANCELLED: ReadonlySet<string> = new Set(['cancelled', 'noshow', 'entered-in-error']);

function instantIn(value: string | undefined, zone: string): string | undefined {
  const ms = Date.parse(value ?? '');
  return Number.isFinite(ms) ? toZonedIso(ms, zone) : undefined;
}

/**
 * The contract view of an Appointment; undefined when it cannot be shown (no location or
 * practitioner of this practice, no time, or no manage token: not one of ours to manage).
 */
export function fromFhirAppointment(appointment: Appointment, catalogue: Catalogue): ContractAppointment | undefined {
  const locationId = participantId(appointment, 'Location');
  const providerId = participantId(appointment, 'Practitioner');
  const location = locationId ? catalogue.locations.get(locationId) : undefined;
  const manageToken = identifierValue(appointment, MANAGE_TOKEN_IDENTIFIER);
  const visit = visitTypeOf(catalogue, appointment.serviceType);
  if (!appointment.id || !location || !providerId || !manageToken || !visit) return undefined;
  const zone = location.timeZone;
  const start = instantIn(appointment.start, zone);
  const end = instantIn(appointment.end, zone);
  const createdAt = instantIn(appointment.created, zone) ?? instantIn(appointment.meta?.lastUpdated, zone);
  if (!start || !end || !createdAt) return undefined;
  const cancelled = CANCELLED.has(appointment.status ?? '');
  const cancelledAt = instantIn(extensionOf(appointment, CANCELLATION_DATE_EXTENSION)?.valueDateTime, zone);
  const previous = rescheduledFromId(appointment);
  const confirmedAt = instantIn(extensionOf(appointment, ATTENDANCE_CONFIRMED_EXTENSION)?.valueDateTime, zone);
  return {
    id: appointment.id,
    status: cancelled ? 'cancelled' : 'booked',
    locationId: location.id,
    providerId,
    appointmentTypeId: visit.type.id,
    start,
    end,
    timeZone: zone,
    manageToken,
    createdAt,
    ...(cancelled && cancelledAt ? { cancelledAt } : {}),
    ...(previous ? { rescheduledFromId: previous } : {}),
    ...(!cancelled && confirmedAt ? { confirmedAt } : {}),
  };
}
