/** Patients and visits a practice already has, as the adapter expects to find them. */
import type { AppointmentType, Location } from '@pxm/core/booking';
import { toFhirAppointment } from '../booking/appointment-mapping.js';
import { toHealthcareService, visitTypeConcepts } from '../booking/appointment-type-mapping.js';
import { withExtension } from '../fhir/elements.js';
import { CANCELLATION_DATE_EXTENSION, CANCEL_REASON_SYSTEM } from '../fhir/namespace.js';
import type { Appointment, Patient } from '../fhir/types.js';

export interface KnownPatient {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
}

export function patientResource(patient: KnownPatient): Patient {
  return {
    resourceType: 'Patient',
    id: patient.id,
    active: true,
    name: [{ use: 'official', family: patient.lastName, given: [patient.firstName] }],
    telecom: [
      { system: 'phone', value: patient.phone, use: 'mobile' },
      { system: 'email', value: patient.email },
    ],
    birthDate: patient.dateOfBirth,
  };
}

export interface ExistingVisit {
  id: string;
  manageToken: string;
  patientId: string;
  locationId: string;
  providerId: string;
  appointmentTypeId: string;
  start: string;
  status: 'booked' | 'cancelled';
  createdAt: string;
  cancelledAt?: string | undefined;
}

/** A visit with a manage link, as a booking through this adapter would have stored it. */
export function appointmentResource(visit: ExistingVisit, types: readonly AppointmentType[], locations: readonly Location[]): Appointment {
  const type = types.find((t) => t.id === visit.appointmentTypeId);
  const location = locations.find((l) => l.id === visit.locationId);
  if (!type || !location) throw new Error(`Unknown visit type or location for ${visit.id}.`);
  const booked: Appointment = {
    ...toFhirAppointment({
      visit: { type, concepts: visitTypeConcepts(toHealthcareService(type, '')) },
      locationId: visit.locationId,
      providerId: visit.providerId,
      patientId: visit.patientId,
      startMs: Date.parse(visit.start),
      zone: location.timeZone,
      manageToken: visit.manageToken,
      requestKey: `existing-${visit.id}`,
      createdAt: visit.createdAt,
    }),
    id: visit.id,
  };
  if (visit.status === 'booked') return booked;
  return {
    ...withExtension(booked, CANCELLATION_DATE_EXTENSION, { url: CANCELLATION_DATE_EXTENSION, valueDateTime: visit.cancelledAt ?? visit.createdAt }),
    status: 'cancelled',
    cancelationReason: { coding: [{ system: CANCEL_REASON_SYSTEM, code: 'pat' }], text: 'Cancelled by the patient' },
  };
}
