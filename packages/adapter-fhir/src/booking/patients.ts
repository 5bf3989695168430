/**
 * Patient match or create. A returning patient is found by a `birthdate` search and then held
 * to core's rule (`resolveReturningPatient`): last name without case or accents, date of birth,
 * phone or email; a duplicate is no match. No match is never "not found" (that would tell anyone
 * whether a person is a patient): the booking goes to a new Patient tagged `unverified` for staff
 * to reconcile. New and unverified patients are created conditionally on the booking's request
 * key, so a retried booking never makes a second record.
 */
import { AdapterError } from '@pxm/core';
import {
  resolveReturningPatient,
  type NewPatient,
  type PatientDetails,
  type ReturningPatient,
  type UnverifiedPatient,
} from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { token } from '../fhir/elements.js';
import { PATIENT_MATCH_CODE_SYSTEM, REQUEST_KEY_IDENTIFIER } from '../fhir/namespace.js';
import type { Patient } from '../fhir/types.js';

const UNVERIFIED_TAG = { system: PATIENT_MATCH_CODE_SYSTEM, code: 'unverified', display: 'Returning patient not matched; reconcile with the chart' };

function isUnverified(patient: Patient): boolean {
  return (patient.meta?.tag ?? []).some((tag) => tag.system === UNVERIFIED_TAG.system && tag.code === UNVERIFIED_TAG.code);
}

/** What a Patient resource holds for the core matching rule (active, verified records only). */
function matchRecord(patient: Patient) {
  const telecom = patient.telecom ?? [];
  return {
    lastNames: (patient.name ?? []).flatMap((name) => (name.family === undefined ? [] : [name.family])),
    dateOfBirth: patient.active === false ? undefined : patient.birthDate,
    phones: telecom.filter((t) => t.system === 'phone' || t.system === 'sms').map((t) => t.value),
    emails: telecom.filter((t) => t.system === 'email').map((t) => t.value),
    unverified: isUnverified(patient),
  };
}

/** The one matching Patient's id, or the unverified record to create (read-only: nothing is written here). */
export async function findReturningPatient(
  ctx: FhirContext,
  details: ReturningPatient,
  operation: string,
  signal?: AbortSignal,
): Promise<{ patientId: string } | { unverified: UnverifiedPatient }> {
  // Searched by birth date alone, and the name compared here: FHIR string search should ignore
  // case and accents, but servers differ (Medplum's in-memory repository keeps accents), and a
  // `family` search could miss "Garcia" beside "García", the duplicate the rule must see.
  const born = await ctx.client.search<Patient>(operation, 'Patient', { birthdate: details.dateOfBirth }, signal);
  const resolved = resolveReturningPatient(born.matches, matchRecord, details);
  if (resolved.kind === 'matched' && resolved.record.id) return { patientId: resolved.record.id };
  if (resolved.kind === 'matched') throw new AdapterError('server', 'The FHIR server returned a patient without an id.', { operation, retryable: false });
  return { unverified: resolved.record };
}

export function toNewPatient(details: NewPatient, requestKey: string): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: requestKey }],
    active: true,
    name: [{ use: 'official', family: details.lastName, given: [details.firstName] }],
    telecom: [
      { system: 'phone', value: details.phone, use: 'mobile' },
      { system: 'email', value: details.email },
    ],
    birthDate: details.dateOfBirth,
  };
}

/** A returning patient nobody matched: what they typed, tagged for the front desk. */
export function toUnverifiedPatient(details: UnverifiedPatient, requestKey: string): Patient {
  return {
    resourceType: 'Patient',
    meta: { tag: [UNVERIFIED_TAG] },
    identifier: [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: requestKey }],
    active: true,
    name: [{ use: 'official', family: details.lastName }],
    telecom: [
      ...(details.phone ? [{ system: 'phone' as const, value: details.phone, use: 'mobile' as const }] : []),
      ...(details.email ? [{ system: 'email' as const, value: details.email }] : []),
    ],
    birthDate: details.dateOfBirth,
  };
}

async function createPatient(ctx: FhirContext, patient: Patient, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  const written = await ctx.client.create(operation, patient, {
    ifNoneExist: { identifier: token(REQUEST_KEY_IDENTIFIER, requestKey) },
    signal,
  });
  if (!written.resource.id) throw new AdapterError('server', 'The FHIR server stored the patient without an id.', { operation, retryable: false });
  return written.resource.id;
}

export async function createNewPatient(ctx: FhirContext, details: NewPatient, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  return createPatient(ctx, toNewPatient(details, requestKey), requestKey, operation, signal);
}

export async function createUnverifiedPatient(ctx: FhirContext, details: UnverifiedPatient, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  return createPatient(ctx, toUnverifiedPatient(details, requestKey), requestKey, operation, signal);
}

/** The patient a returning patient's booking goes to: the match, or a new unverified record. */
export async function returningPatientId(ctx: FhirContext, details: ReturningPatient, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  const found = await findReturningPatient(ctx, details, operation, signal);
  if ('patientId' in found) return found.patientId;
  return createUnverifiedPatient(ctx, found.unverified, requestKey, operation, signal);
}

/** The patient a booking or waitlist entry by a new or returning patient goes to. */
export function patientIdFor(ctx: FhirContext, details: PatientDetails, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  return details.kind === 'new'
    ? createNewPatient(ctx, details, requestKey, operation, signal)
    : returningPatientId(ctx, details, requestKey, operation, signal);
}
