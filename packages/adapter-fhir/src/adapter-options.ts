/** What a FHIR adapter is configured with, and the context its capabilities share. */
import { DEFAULT_MINIMUM_NOTICE_MINUTES } from '@pxm/core/booking';
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

export const DEFAULT_HOLD_TTL_MS = 10 * 60_000;

function organizationId(value: string): string {
  return value.startsWith('Organization/') ? value.slice('Organization/'.length) : value;
}

/** The practice the options name, if any: booking needs one. */
export function practiceScope(options: FhirAdapterOptions): PracticeScope | undefined {
  if (!options.practice) return undefined;
  return {
    organizationId: organizationId(options.practice.organization),
    locationIds: options.practice.locations,
    defaultTimeZone: options.practice.defaultTimeZone,
  };
}

/** One client and one set of defaults for every capability of an adapter. */
export function fhirContext(options: FhirAdapterOptions): FhirContext {
  const client = createFhirClient({
    baseUrl: options.baseUrl,
    auth: options.auth,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    pageSize: options.pageSize,
  });
  return {
    client,
    capabilities: capabilityReader(client),
    now: options.now ?? (() => new Date()),
    practice: practiceScope(options) ?? { organizationId: '' },
    holdTtlMs: options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS,
    minimumNoticeMinutes: options.minimumNoticeMinutes ?? DEFAULT_MINIMUM_NOTICE_MINUTES,
    catalogueTtlMs: options.catalogueTtlMs ?? 60_000,
    schedulingOperations: options.schedulingOperations ?? 'auto',
  };
}
