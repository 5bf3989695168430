/**
 * Patient match or create. A returning patient is found by a `family` + `birthdate` search and
 * then held to the contract's rule here: the last name (ignoring case, accents and surrounding
 * spaces), the date of birth, and the phone (last ten digits) or the email. When the server's
 * `family` search keeps accents (the spec says it should not), a `birthdate` search is compared
 * here instead. A new patient is created conditionally on
 * the booking's request key, so a retried booking never makes a second record.
 */
import { AdapterError, type NewPatient, type ReturningPatient } from '@pxm/core';
import type { FhirContext } from '../context.js';
import { token } from '../fhir/elements.js';
import { IDENTIFIER } from '../fhir/namespace.js';
import type { Patient } from '../fhir/types.js';

const digits = (value: string | undefined) => (value ?? '').replace(/\D/g, '').slice(-10);

/** A last name without case, accents (NFD, combining marks removed) or surrounding spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && nameKey(a) === nameKey(b);
}

export function matchesReturning(patient: Patient, details: ReturningPatient): boolean {
  if (patient.active === false || patient.birthDate !== details.dateOfBirth) return false;
  if (!(patient.name ?? []).some((name) => sameName(name.family, details.lastName))) return false;
  const telecom = patient.telecom ?? [];
  const phone = details.phone !== undefined && telecom.some((t) => (t.system === 'phone' || t.system === 'sms') && digits(t.value) === digits(details.phone) && digits(t.value).length >= 7);
  const email = details.email !== undefined && telecom.some((t) => t.system === 'email' && t.value?.toLowerCase() === details.email!.toLowerCase());
  return phone || email;
}

export async function findReturningPatient(ctx: FhirContext, details: ReturningPatient, operation: string, signal?: AbortSignal): Promise<string> {
  const found = await ctx.client.search<Patient>(operation, 'Patient', { family: details.lastName.trim(), birthdate: details.dateOfBirth }, signal);
  let matches = found.matches.filter((patient) => matchesReturning(patient, details));
  if (!matches.length) {
    // FHIR string search should ignore case and accents, but servers differ (Medplum's in-memory
    // repository keeps accents): "Garcia" may not find "García". Same birth date, compared here.
    const born = await ctx.client.search<Patient>(operation, 'Patient', { birthdate: details.dateOfBirth }, signal);
    matches = born.matches.filter((patient) => matchesReturning(patient, details));
  }
  // Two records that both fit are a duplicate the practice must resolve; guessing could show one
  // patient's visit to another, so it is "not found" and the front desk takes over.
  if (matches.length !== 1 || !matches[0]!.id) {
    throw new AdapterError('not_found', 'No patient matches these details.', { operation });
  }
  return matches[0]!.id;
}

export function toNewPatient(details: NewPatient, requestKey: string): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ use: 'secondary', system: IDENTIFIER.requestKey, value: requestKey }],
    active: true,
    name: [{ use: 'official', family: details.lastName, given: [details.firstName] }],
    telecom: [
      { system: 'phone', value: details.phone, use: 'mobile' },
      { system: 'email', value: details.email },
    ],
    birthDate: details.dateOfBirth,
  };
}

export async function createNewPatient(ctx: FhirContext, details: NewPatient, requestKey: string, operation: string, signal?: AbortSignal): Promise<string> {
  const written = await ctx.client.create(operation, toNewPatient(details, requestKey), {
    ifNoneExist: { identifier: token(IDENTIFIER.requestKey, requestKey) },
    signal,
  });
  if (!written.resource.id) throw new AdapterError('server', 'The FHIR server stored the patient without an id.', { operation, retryable: false });
  return written.resource.id;
}
