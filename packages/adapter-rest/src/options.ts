import type { Capability } from '@pxm/core';

/** Headers to add to every request, e.g. from a session that refreshes its token. */
export type AuthHeaders = (context: { operation: string }) => Record<string, string> | Promise<Record<string, string>>;

export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Longest pause between attempts, ms. Default 4000. */
  backoffLimitMs?: number;
}

export interface RestAdapterOptions {
  /** Where the API lives, e.g. `https://api.clinic.example/pxm/v1`. */
  baseUrl: string | URL;
  /** A bearer token, or a function returning headers for each request (called again on retries). */
  auth?: string | AuthHeaders;
  /** Per attempt. Default 10 seconds. */
  timeoutMs?: number;
  /** Retries of failed calls (every call of the contract is safe to retry). `false` turns them off. */
  retry?: RetryPolicy | false;
  /** A `fetch` to use instead of the global one (tests, instrumentation, Node agents). */
  fetch?: typeof fetch;
  /** Capabilities the backend offers. Default all four. */
  capabilities?: readonly Capability[];
  /** Whether the backend checks insurance eligibility. Default true. */
  eligibility?: boolean;
}
