/**
 * Patients, found without an account: a returning patient is matched by core's rule
 * (patient-match.ts) on keys stored beside each record, so the lookup can use an index.
 */
import {
  patientEmailKey,
  patientNameKey,
  patientPhoneKey,
  resolveReturningPatient,
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
  /** A returning patient nobody matched, for staff to reconcile. */
  unverified?: boolean | undefined;
}

export async function insertPatient(tx: Queryable, patient: PatientRecord, nowMs: number): Promise<void> {
  await tx.run(
    `INSERT INTO patients (id, first_name, last_name, last_name_key, date_of_birth, phone, phone_key, email, email_key, created_at, unverified)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
      // 0 or 1: an INTEGER column reads the same on SQLite and PostgreSQL.
      patient.unverified ? 1 : 0,
    ],
  );
}

/**
 * The patient id to book for: a new record for a new patient; for a returning one, the one
 * match, or else an unverified record (core's rule: the reply never says whether a person is a
 * patient). Unverified records are left out of matching; staff reconcile them. A record being
 * written comes back as `written`, not yet awaited: the caller's next statements go out with it
 * (one round trip, pipelined on PostgreSQL), and the caller awaits it with them.
 */
export async function resolvePatient(tx: Queryable, patient: PatientDetails, nowMs: number): Promise<{ id: string; written?: Promise<void> }> {
  const id = newId('pat');
  if (patient.kind === 'new') return { id, written: insertPatient(tx, { id, ...patient }, nowMs) };
  const candidates = await tx.all<{ id: string; last_name: string; date_of_birth: string; phone_key: string | null; email_key: string | null; unverified: number }>(
    'SELECT id, last_name, date_of_birth, phone_key, email_key, unverified FROM patients WHERE last_name_key = $1 AND date_of_birth = $2 ORDER BY created_at',
    [nameKey(patient.lastName), patient.dateOfBirth],
  );
  const resolved = resolveReturningPatient(
    candidates,
    (c) => ({
      lastNames: [c.last_name],
      dateOfBirth: c.date_of_birth,
      phones: [c.phone_key ?? undefined],
      emails: [c.email_key ?? undefined],
      unverified: c.unverified === 1,
    }),
    patient,
  );
  if (resolved.kind === 'matched') return { id: resolved.record.id };
  return { id, written: insertPatient(tx, { id, ...resolved.record }, nowMs) };
}
