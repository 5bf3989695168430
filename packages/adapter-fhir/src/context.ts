/** What every capability of one FHIR adapter shares. */
import type { FhirClient } from './http/client.js';
import type { ServerCapabilities } from './http/capabilities.js';

export interface PracticeScope {
  /** Logical id of the practice's Organization. */
  organizationId: string;
  /** Only these Locations are offered (all the organization's when absent). */
  locationIds?: readonly string[] | undefined;
  /** Zone for Locations that carry no time-zone extension. */
  defaultTimeZone?: string | undefined;
}

export interface FhirContext {
  client: FhirClient;
  capabilities(signal?: AbortSignal): Promise<ServerCapabilities>;
  now(): Date;
  practice: PracticeScope;
  holdTtlMs: number;
  minimumNoticeMinutes: number;
  catalogueTtlMs: number;
  /** `auto`: use `$find`/`$hold`/`$book` when advertised; `never`: always the Slot fallback. */
  schedulingOperations: 'auto' | 'never';
}
