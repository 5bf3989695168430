/**
 * Patients, found without an account: a returning patient is matched on last name (ignoring case
 * and accents), date of birth, and phone (last 10 digits) or email.
 */
import { AdapterError } from '@pxm/core';
import {
  matchReturningPatient,
  patientEmailKey,
  patientNameKey,
  patientPhoneKey,
  type PatientDetails,
} from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import { newId } from '../tokens.js';

// The stored keys are core's matching keys (patient-match.ts), so the lookup can use an index.
export const nameKey = patientNameKey;

export function phoneKey(phone: string | undefined): string | null {
  return patientPhoneKey(phone) ?? null;
}

export function emailKey(email: string | undefined): string | null {
  return patientEmailKey(email) ?? null;
}

export interface PatientRecord {
  id: string;
  firstName?: string | undefined;
  lastName: string;
  dateOfBirth: string;
  phone?: string | undefined;
  email?: string | undefined;
}

export async function insertPatient(tx: Queryable, patient: PatientRecord, nowMs: number): Promise<void> {
  await tx.run(
    `INSERT INTO patients (id, first_name, last_name, last_name_key, date_of_birth, phone, phone_key, email, email_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      patient.id,
      patient.firstName ?? null,
      patient.lastName,
      nameKey(patient.lastName),
      patient.dateOfBirth,
      patient.phone ?? null,
      phoneKey(patient.phone),
      patient.email ?? null,
      emailKey(patient.email),
      nowMs,
    ],
  );
}

/** The patient id to book for: a new record for a new patient, a match for a returning one. */
export async function resolvePatient(tx: Queryable, patient: PatientDetails, nowMs: number, operation: string): Promise<string> {
  if (patient.kind === 'new') {
    const id = newId('pat');
    await insertPatient(tx, { id, ...patient }, nowMs);
    return id;
  }
  const candidates = await tx.all<{ id: string; last_name: string; date_of_birth: string; phone_key: string | null; email_key: string | null }>(
    'SELECT id, last_name, date_of_birth, phone_key, email_key FROM patients WHERE last_name_key = $1 AND date_of_birth = $2 ORDER BY created_at',
    [nameKey(patient.lastName), patient.dateOfBirth],
  );
  // Core's rule: exactly one fitting record; none or a duplicate is "not found".
  const match = matchReturningPatient(
    candidates,
    (c) => ({ lastNames: [c.last_name], dateOfBirth: c.date_of_birth, phones: [c.phone_key ?? undefined], emails: [c.email_key ?? undefined] }),
    patient,
  );
  if (!match) throw new AdapterError('not_found', 'No patient matches these details.', { operation });
  return match.id;
}
