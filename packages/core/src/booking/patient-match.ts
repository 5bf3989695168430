/**
 * Returning-patient matching, the one rule every backend calls: a record fits when its last name
 * (without case, accents or surrounding spaces), its date of birth, and its phone (last ten
 * digits) or email (without case) are those typed. Exactly one fitting record is a match. Two or
 * more are a duplicate the practice must resolve: guessing could show one patient's visit to
 * another, so it is no match, and the front desk takes over. What a backend then answers is
 * `resolveReturningPatient` (returning-patient.ts).
 */
import type { ReturningPatient } from '../schemas/booking.js';

/** A last name compared without case, accents (NFD, combining marks removed) or surrounding spaces. */
export function patientNameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

/** The last ten digits of a phone number; `undefined` when it has fewer than seven. */
export function patientPhoneKey(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : undefined;
}

/** An email compared without case or surrounding spaces. */
export function patientEmailKey(email: string | undefined): string | undefined {
  const key = email?.trim().toLowerCase();
  return key ? key : undefined;
}

/** What a backend knows of a patient record, as far as matching goes. */
export interface PatientMatchRecord {
  lastNames: readonly string[];
  dateOfBirth: string | undefined;
  phones: readonly (string | undefined)[];
  emails: readonly (string | undefined)[];
  /** Made for a returning patient nobody matched, not yet reconciled by staff: never matched. */
  unverified?: boolean | undefined;
}

/** Whether one known record fits what a returning patient typed. */
export function fitsReturningPatient(record: PatientMatchRecord, typed: ReturningPatient): boolean {
  if (record.unverified) return false;
  if (record.dateOfBirth !== typed.dateOfBirth) return false;
  const name = patientNameKey(typed.lastName);
  if (!record.lastNames.some((known) => patientNameKey(known) === name)) return false;
  const phone = patientPhoneKey(typed.phone);
  const email = patientEmailKey(typed.email);
  return (
    (phone !== undefined && record.phones.some((known) => patientPhoneKey(known) === phone)) ||
    (email !== undefined && record.emails.some((known) => patientEmailKey(known) === email))
  );
}

/** The one record that fits, or `undefined` when none or several do. */
export function matchReturningPatient<T>(candidates: Iterable<T>, describe: (candidate: T) => PatientMatchRecord, typed: ReturningPatient): T | undefined {
  let found: T | undefined;
  let count = 0;
  for (const candidate of candidates) {
    if (!fitsReturningPatient(describe(candidate), typed)) continue;
    found = candidate;
    count += 1;
    if (count > 1) return undefined;
  }
  return found;
}
