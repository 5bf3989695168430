/**
 * Which patients an appointment type is for: a type offered to `new` patients (an initial
 * evaluation) or to `returning` ones (a follow-up) refuses the other kind; `any` takes both.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { PatientDetails } from '../schemas/booking.js';
import type { AppointmentType } from '../schemas/practice.js';

export type PatientKind = PatientDetails['kind'];

/** Whether a patient of this kind may book this type. */
export function appointmentTypeFits(type: Pick<AppointmentType, 'patientEligibility'>, kind: PatientKind): boolean {
  return type.patientEligibility === 'any' || type.patientEligibility === kind;
}

/** Refuses a booking whose patient kind the type is not offered to, the same way on every backend. */
export function requireTypeEligibility(type: Pick<AppointmentType, 'name' | 'patientEligibility'>, kind: PatientKind, operation: string): void {
  if (appointmentTypeFits(type, kind)) return;
  throw new AdapterError('validation', `${type.name} is not offered to ${kind} patients.`, {
    operation,
    issues: [{ path: 'patient.kind', message: 'Not eligible for this appointment type.' }],
  });
}
