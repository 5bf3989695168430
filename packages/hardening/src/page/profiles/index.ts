/** Every element the suite covers. A new element joins every proof by adding its profile here. */
import { bookingProfile } from './booking.js';
import { surveyProfile } from './survey.js';
import { hepProfile } from './hep-viewer.js';
import { intakeProfile } from './intake-form.js';
import { progressProfile } from './progress.js';
import { referralProfile } from './referral.js';
import type { Profile } from './profile.js';

export const PROFILES: Profile[] = [bookingProfile, surveyProfile, hepProfile, intakeProfile, progressProfile, referralProfile];

export function profile(name: string): Profile {
  const found = PROFILES.find((p) => p.name === name);
  if (!found) throw new Error(`No profile ${name}; have ${PROFILES.map((p) => p.name).join(', ')}`);
  return found;
}
