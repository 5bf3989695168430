/**
 * `@pxm/adapter-rest`: the elements' adapter for any backend that speaks the REST contract
 * (docs/api/openapi.yaml), such as `@pxm/server`. Works in browsers and in Node 20+.
 *
 * ```ts
 * const adapter = createRestAdapter({ baseUrl: 'https://api.clinic.example/pxm', auth: () => ({ authorization: `Bearer ${token}` }) });
 * ```
 */
import { AdapterError, type Capability, type PxmAdapter } from '@pxm/core';
import { createRestBooking } from './booking.js';
import { createRestHep } from './hep.js';
import { createRestIntake } from './intake.js';
import { createRestProgress } from './progress.js';
import type { RestAdapterOptions } from './options.js';
import { createRestReferral } from './referral.js';
import { createRestSurvey } from './survey.js';
import { createTransport } from './transport.js';

export function createRestAdapter(options: RestAdapterOptions): PxmAdapter {
  let base: URL | undefined;
  try {
    base = new URL(String(options.baseUrl), globalThis.location?.href);
  } catch {
    // Reported below with the other bad URLs.
  }
  if (!base || !/^https?:$/.test(base.protocol)) throw new AdapterError('validation', 'baseUrl must be an http(s) URL.');
  const send = createTransport({ ...options, baseUrl: base });
  const has = (capability: Capability) => !options.capabilities || options.capabilities.includes(capability);
  return {
    name: 'rest',
    ...(has('booking') ? { booking: createRestBooking(send, options.eligibility ?? true) } : {}),
    ...(has('intake') ? { intake: createRestIntake(send) } : {}),
    ...(has('hep') ? { hep: createRestHep(send) } : {}),
    ...(has('survey') ? { survey: createRestSurvey(send) } : {}),
    ...(has('progress') ? { progress: createRestProgress(send) } : {}),
    ...(has('referral') ? { referral: createRestReferral(send) } : {}),
  };
}

export type { AuthHeaders, RestAdapterOptions, RetryPolicy } from './options.js';
export { REST_ROUTES, methodOf, pathOf, type HttpMethod, type RestOperation, type RestRoute } from './routes.js';
