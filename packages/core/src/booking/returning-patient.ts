/**
 * What booking as a returning patient does when no single record matches. Refusing with
 * `not_found` would tell anyone who types a last name, a birth date and a phone whether that
 * person is a patient of the practice. So the answer does not depend on it: an unmatched (or
 * duplicate) returning patient is booked anyway, under a new record marked unverified, and the
 * front desk reconciles it with the chart. The reply is the same appointment shape either way.
 */
import type { ReturningPatient } from '../schemas/booking.js';
import { matchReturningPatient, type PatientMatchRecord } from './patient-match.js';

/** The record a backend stores for a returning patient it could not match: what was typed, flagged. */
export interface UnverifiedPatient {
  lastName: string;
  dateOfBirth: string;
  phone?: string | undefined;
  email?: string | undefined;
  /** Always true: staff must reconcile it before it is matched or merged. */
  unverified: true;
}

/** Either the one record that matched, or the unverified record to create and book under. */
export type ReturningPatientResolution<T> = { kind: 'matched'; record: T } | { kind: 'unverified'; record: UnverifiedPatient };

/** Decides who a returning patient's booking is for; never "not found". */
export function resolveReturningPatient<T>(
  candidates: Iterable<T>,
  describe: (candidate: T) => PatientMatchRecord,
  typed: ReturningPatient,
): ReturningPatientResolution<T> {
  const match = matchReturningPatient(candidates, describe, typed);
  if (match !== undefined) return { kind: 'matched', record: match };
  return {
    kind: 'unverified',
    record: {
      lastName: typed.lastName.trim(),
      dateOfBirth: typed.dateOfBirth,
      ...(typed.phone ? { phone: typed.phone } : {}),
      ...(typed.email ? { email: typed.email } : {}),
      unverified: true,
    },
  };
}
