/**
 * `@pxm/adapter-fhir`: the PXM Elements adapter for FHIR R4 servers. Booking reads the practice
 * from its Organization and books Slots (or uses the server's `$find`/`$hold`/`$book`); intake,
 * home exercise programs, surveys and progress (an EpisodeOfCare with its Goals and outcome
 * Observations) open by link tokens stored as identifiers. The mapping,
 * operation by operation, is in docs/fhir-mapping.md.
 */
import { DEFAULT_MINIMUM_NOTICE_MINUTES } from '@pxm/core/booking';
import type { PxmAdapter } from '@pxm/core';
import { createFhirBooking } from './booking/fhir-booking.js';
import { createFhirHep } from './hep/fhir-hep.js';
import { createFhirIntake } from './intake/fhir-intake.js';
import { createFhirProgress } from './progress/fhir-progress.js';
import { createFhirSurvey } from './survey/fhir-survey.js';
import type { FhirContext, PracticeScope } from './context.js';
import type { FhirAuth } from './http/auth.js';
import { capabilityReader } from './http/capabilities.js';
import { createFhirClient } from './http/client.js';

export interface FhirAdapterOptions {
  /** The server's FHIR R4 base URL, e.g. `https://ehr.example.org/fhir/R4`. */
  baseUrl: string;
  /** Credentials supplied by the host: a bearer token, a SMART access token getter, or headers. */
  auth?: FhirAuth;
  /**
   * The practice behind booking: its Organization (logical id or `Organization/<id>`), and
   * optionally which of its Locations to offer. Without it there is no booking capability.
   */
  practice?: { organization: string; locations?: readonly string[]; defaultTimeZone?: string };
  /** A fetch implementation (tests, proxies); the global `fetch` by default. */
  fetch?: typeof fetch;
  /** Current time; inject a clock in tests. */
  now?: () => Date;
  /** How long a Slot-fallback hold lasts. Default 10 minutes. */
  holdTtlMs?: number;
  /** Earliest bookable start, counted from now. Default 120 minutes. */
  minimumNoticeMinutes?: number;
  /** Per-request deadline. Default 20 s. */
  timeoutMs?: number;
  /** How long the practice catalogue is reused before it is read again. Default 60 s. */
  catalogueTtlMs?: number;
  /** `never` keeps the Slot fallback even on servers that advertise `$find`/`$hold`/`$book`. */
  schedulingOperations?: 'auto' | 'never';
  /** Offer `booking.verifyEligibility` through `CoverageEligibilityRequest/$submit`. */
  eligibility?: boolean;
  /** Entries asked for per search page. Default 200. */
  pageSize?: number;
}

export interface FhirAdapter extends PxmAdapter {
  readonly name: 'fhir';
}

export const DEFAULT_HOLD_TTL_MS = 10 * 60_000;

function organizationId(value: string): string {
  return value.startsWith('Organization/') ? value.slice('Organization/'.length) : value;
}

export function createFhirAdapter(options: FhirAdapterOptions): FhirAdapter {
  const client = createFhirClient({
    baseUrl: options.baseUrl,
    auth: options.auth,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    pageSize: options.pageSize,
  });
  const practice: PracticeScope | undefined = options.practice
    ? {
        organizationId: organizationId(options.practice.organization),
        locationIds: options.practice.locations,
        defaultTimeZone: options.practice.defaultTimeZone,
      }
    : undefined;
  const ctx: FhirContext = {
    client,
    capabilities: capabilityReader(client),
    now: options.now ?? (() => new Date()),
    practice: practice ?? { organizationId: '' },
    holdTtlMs: options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS,
    minimumNoticeMinutes: options.minimumNoticeMinutes ?? DEFAULT_MINIMUM_NOTICE_MINUTES,
    catalogueTtlMs: options.catalogueTtlMs ?? 60_000,
    schedulingOperations: options.schedulingOperations ?? 'auto',
  };
  return {
    name: 'fhir',
    ...(practice ? { booking: createFhirBooking(ctx, { eligibility: options.eligibility }) } : {}),
    intake: createFhirIntake(ctx),
    hep: createFhirHep(ctx),
    survey: createFhirSurvey(ctx),
    progress: createFhirProgress(ctx),
  };
}

export type { FhirAuth } from './http/auth.js';
export { PXM_FHIR_BASE, IDENTIFIER, EXTENSION, CODE_SYSTEM } from './fhir/namespace.js';
export { exportReferralToFhir, type ReferralExport, type ReferralRecord } from './referral/referral-export.js';
export { planOfCareDocument, referralCommunication, referralServiceRequest, referralSubject, referralTask, type ReferralBookingLink } from './referral/referral-resources.js';
