import { patientNameKey } from '../booking/patient-match.js';
import type { ReferralInput } from '../schemas/referral.js';

/**
 * What two referrals share when they are likely the same one sent twice (by the web form and
 * again by fax, say): the same patient, by name and birth date, from the same referrer. Backends
 * store these three keys beside each referral so the inbox can find repeats without reading
 * every payload.
 */
export interface ReferralDuplicateKey {
  /** Family and given name, accents and case removed, joined by a space. */
  patientNameKey: string;
  birthDate: string;
  referrerNpi: string;
}

export function referralDuplicateKey(input: Pick<ReferralInput, 'patient' | 'referrer'>): ReferralDuplicateKey {
  return {
    patientNameKey: `${patientNameKey(input.patient.familyName)} ${patientNameKey(input.patient.givenName)}`,
    birthDate: input.patient.birthDate,
    referrerNpi: input.referrer.npi,
  };
}
