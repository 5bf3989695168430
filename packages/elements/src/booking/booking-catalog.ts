/** The practice's catalogue: the practice, its locations, visit types and providers, in one load. */
import type { BookingCalls } from './booking-flow-host.js';
import type { Catalog } from './booking-state.js';
import type { ReferralBookingContext } from '@pxm/core/referral';

/**
 * Loads the four lists in parallel. The practice is asked for once `ready` resolves (the
 * patient's language and the first views), so the first paint is complete. The calls do not
 * report their own failures: the caller reports one for the whole catalogue.
 */
export async function loadCatalog(calls: BookingCalls, signal: AbortSignal, ready: Promise<unknown>): Promise<Catalog> {
  const quiet = { signal, report: false };
  const [practice, locations, types, providers] = await Promise.all([
    ready.then(() => calls.run('getPractice', (api, callSignal) => api.getPractice({ signal: callSignal }), quiet)),
    calls.run('listLocations', (api, callSignal) => api.listLocations({ signal: callSignal }), quiet),
    calls.run('listAppointmentTypes', (api, callSignal) => api.listAppointmentTypes({}, { signal: callSignal }), quiet),
    calls.run('listProviders', (api, callSignal) => api.listProviders({}, { signal: callSignal }), quiet),
  ]);
  return { practice, locations, types, providers };
}

/**
 * With a referral link: the visit type it books (the backend picked it from the referral's
 * discipline). Undefined without a token, or on a backend without referrals (it books as usual).
 */
export async function loadReferralContext(
  calls: BookingCalls,
  referralToken: string | undefined,
  supported: boolean,
  signal: AbortSignal,
): Promise<ReferralBookingContext | undefined> {
  if (!referralToken || !supported) return undefined;
  return calls.run('getReferralContext', (api, callSignal) => api.getReferralContext!(referralToken, { signal: callSignal }), { signal, report: false });
}
