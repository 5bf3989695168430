/**
 * AppointmentType <-> HealthcareService. The service's `type` codings are the visit-type codes
 * the practice's Slots and Appointments carry in `serviceType`; its `specialty` is the therapy
 * discipline (SNOMED CT, what a referral's ServiceRequest.code names); duration, buffer, who may
 * book and how the visit happens have no R4 element and travel in extensions.
 */
import type { AppointmentType, Modality, PatientEligibility } from '@pxm/core/booking';
import { extensionOf, referenceId } from '../fhir/elements.js';
import { PXM_FHIR_BASE, VISIT_DURATION_EXTENSION, VISIT_BUFFER_EXTENSION, PATIENT_ELIGIBILITY_EXTENSION, VISIT_MODALITY_EXTENSION } from '../fhir/namespace.js';
import type { CodeableConcept, HealthcareService } from '../fhir/types.js';
import { disciplineConcept, disciplineOf } from '../referral/discipline-codes.js';

/** Code system of visit types a provisioned practice uses (a practice's own EMR has its own). */
export const VISIT_TYPE_SYSTEM = `${PXM_FHIR_BASE}/CodeSystem/visit-type`;

export function toHealthcareService(type: AppointmentType, organizationId: string): HealthcareService {
  return {
    resourceType: 'HealthcareService',
    id: type.id,
    active: true,
    providedBy: { reference: `Organization/${organizationId}` },
    type: [{ coding: [{ system: VISIT_TYPE_SYSTEM, code: type.id, display: type.name }], text: type.name }],
    ...(type.discipline ? { specialty: [disciplineConcept(type.discipline)] } : {}),
    ...(type.locationIds ? { location: type.locationIds.map((id) => ({ reference: `Location/${id}` })) } : {}),
    name: type.name,
    ...(type.description ? { comment: type.description } : {}),
    appointmentRequired: true,
    extension: [
      { url: VISIT_DURATION_EXTENSION, valueInteger: type.durationMinutes },
      { url: VISIT_BUFFER_EXTENSION, valueInteger: type.bufferMinutes },
      { url: PATIENT_ELIGIBILITY_EXTENSION, valueCode: type.patientEligibility },
      { url: VISIT_MODALITY_EXTENSION, valueCode: type.modality },
    ],
  };
}

/** The codings that identify this visit type on Slots and Appointments. */
export function visitTypeConcepts(service: HealthcareService): CodeableConcept[] {
  const own: CodeableConcept = { coding: [{ system: VISIT_TYPE_SYSTEM, code: service.id ?? '' }] };
  return [...(service.type ?? []), own];
}

function eligibilityOf(code: string | undefined): PatientEligibility {
  return code === 'new' || code === 'returning' ? code : 'any';
}

function modalityOf(code: string | undefined): Modality {
  return code === 'telehealth' ? 'telehealth' : 'in-clinic';
}

/** Undefined when the service has no duration: nothing can be booked without one. */
export function fromHealthcareService(service: HealthcareService): AppointmentType | undefined {
  const duration = extensionOf(service, VISIT_DURATION_EXTENSION)?.valueInteger;
  if (!service.id || duration === undefined) return undefined;
  const locationIds = (service.location ?? []).flatMap((ref) => referenceId(ref, 'Location') ?? []);
  const discipline = disciplineOf(service.specialty);
  return {
    id: service.id,
    name: service.name ?? service.type?.[0]?.text ?? service.id,
    ...(service.comment ? { description: service.comment } : {}),
    durationMinutes: duration,
    bufferMinutes: extensionOf(service, VISIT_BUFFER_EXTENSION)?.valueInteger ?? 0,
    modality: modalityOf(extensionOf(service, VISIT_MODALITY_EXTENSION)?.valueCode),
    patientEligibility: eligibilityOf(extensionOf(service, PATIENT_ELIGIBILITY_EXTENSION)?.valueCode),
    ...(locationIds.length > 0 ? { locationIds } : {}),
    ...(discipline ? { discipline } : {}),
  };
}

