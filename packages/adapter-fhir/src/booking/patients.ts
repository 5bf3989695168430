/**
 * Patient match or create. A returning patient is found by a `birthdate` search and then held
 * to core's matching rule (`matchReturningPatient`): last name without case or accents, date of
 * birth, phone or email; a duplicate is no match. A new patient is created conditionally on
 * the booking's request key, so a retried booking never makes a second record.
 */
import { AdapterError } from '@pxm/core';
import { matchReturningPatient, type NewPatient, type ReturningPatient } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { token } from '../fhir/elements.js';
import { IDENTIFIER } from '../fhir/namespace.js';
import type { Patient } from '../fhir/types.js';

/** What a Patient resource holds for the core matching rule (active records only). */
function matchRecord(patient: Patient) {
  const telecom = patient.telecom ?? [];
  return {
    lastNames: (patient.name ?? []).flatMap((name) => (name.family === undefined ? [] : [name.family])),
    dateOfBirth: patient.active === false ? undefined : patient.birthDate,
    phones: telecom.filter((t) => t.system === 'phone' || t.system === 'sms').map((t) => t.value),
    emails: telecom.filter((t) => t.system === 'email').map((t) => t.value),
  };
}

export async function findReturningPatient(ctx: FhirContext, details: ReturningPatient, operation: string, signal?: AbortSignal): Promise<string> {
  // Searched by birth date alone, and the name compared here: FHIR string search should ignore
  // case and accents, but servers differ (Medplum's in-memory repository keeps accents), and a
  // `family` search could miss "Garcia" beside "García", the duplicate the rule must see.
  const born = await ctx.client.search<Patient>(operation, 'Patient', { birthdate: details.dateOfBirth }, signal);
  const match = matchReturningPatient(born.matches, matchRecord, details);
  // None, or two records that both fit (a duplicate the practice must resolve): "not found".
  if (!match?.id) throw new AdapterError('not_found', 'No patient matches these details.', { operation });
  return match.id;
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
