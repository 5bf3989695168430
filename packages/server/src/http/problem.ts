/**
 * Errors on the wire: `application/problem+json` (RFC 9457) carrying the contract's error
 * `code`, `retryable` and field `issues`, so any client maps a reply back to an `AdapterError`
 * without reading message text.
 */
import { AdapterError, type AdapterErrorCode, type ValidationIssue } from '@pxm/core';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AdapterErrorCode;
  retryable: boolean;
  operation?: string;
  issues?: ValidationIssue[];
  requestId?: string;
}

const STATUS: Record<AdapterErrorCode, number> = {
  slot_unavailable: 409,
  hold_expired: 410,
  not_found: 404,
  conflict: 409,
  already_submitted: 409,
  token_invalid: 404,
  token_expired: 410,
  unauthorized: 401,
  validation: 400,
  network: 502,
  timeout: 503,
  server: 500,
  unsupported: 501,
};

const TITLES: Record<AdapterErrorCode, string> = {
  slot_unavailable: 'Slot unavailable',
  hold_expired: 'Hold expired',
  not_found: 'Not found',
  conflict: 'Conflict',
  already_submitted: 'Already submitted',
  token_invalid: 'Link not valid',
  token_expired: 'Link expired',
  unauthorized: 'Unauthorized',
  validation: 'Invalid request',
  network: 'Upstream unreachable',
  timeout: 'Timed out',
  server: 'Server error',
  unsupported: 'Not supported',
};

export function statusOf(error: AdapterError): number {
  // A retryable server error is the database being away: 503 tells clients to come back.
  if (error.code === 'server' && error.retryable && error.cause !== undefined) return 503;
  return STATUS[error.code];
}

export function problemOf(error: AdapterError, status = statusOf(error), requestId?: string): ProblemBody {
  return {
    type: `urn:pxm:error:${error.code}`,
    title: TITLES[error.code],
    status,
    detail: error.message,
    code: error.code,
    retryable: error.retryable,
    ...(error.operation ? { operation: error.operation } : {}),
    ...(error.issues.length > 0 ? { issues: [...error.issues] } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** A validation error whose HTTP status is more specific than 400 (413, 415, 428). */
export class HttpProblem extends AdapterError {
  readonly status: number;
  constructor(status: number, code: AdapterErrorCode, message: string, issues: ValidationIssue[] = []) {
    super(code, message, { issues });
    this.status = status;
  }
}
