/**
 * `@pxm/adapter-fhir`: the PXM Elements adapter for FHIR R4 servers. Booking reads the practice
 * from its Organization and books Slots (or uses the server's `$find`/`$hold`/`$book`); intake,
 * home exercise programs, surveys and progress (an EpisodeOfCare with its Goals and outcome
 * Observations) open by link tokens stored as identifiers. The mapping,
 * operation by operation, is in docs/fhir-mapping.md.
 */
import { composeFhirAdapter, type FhirAdapter } from './compose.js';
import type { FhirAdapterOptions } from './adapter-options.js';
import { deferredFhirAreas } from './deferred-areas.js';

/**
 * Every capability the FHIR adapter has. Each loads its mapping code on its first call; a page that
 * knows which areas it uses composes them (`@pxm/adapter-fhir/compose`) and bundles just those.
 */
export function createFhirAdapter(options: FhirAdapterOptions): FhirAdapter {
  return composeFhirAdapter(options, deferredFhirAreas);
}

export { DEFAULT_HOLD_TTL_MS, type FhirAdapterOptions } from './adapter-options.js';
export type { FhirAdapter } from './compose.js';
export type { FhirAuth } from './http/auth.js';
export { PXM_FHIR_BASE, IDENTIFIER, EXTENSION, CODE_SYSTEM } from './fhir/namespace.js';
export { exportReferralToFhir, type ReferralExport, type ReferralRecord } from './referral/referral-export.js';
export { planOfCareDocument, referralCommunication, referralServiceRequest, referralSubject, referralTask, type ReferralBookingLink } from './referral/referral-resources.js';
export { composeFhirAdapter, type FhirArea } from './compose.js';
export { fhirBooking } from './booking/area.js';
export { fhirIntake } from './intake/area.js';
export { fhirHep } from './hep/area.js';
export { fhirSurvey } from './survey/area.js';
export { fhirProgress } from './progress/area.js';
