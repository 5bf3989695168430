/**
 * FHIR failures as `AdapterError`s: the HTTP status gives the first answer, the
 * OperationOutcome's issue codes refine it. Messages come from the outcome's coded text only,
 * cut short: servers sometimes echo submitted values in `diagnostics`, and those stay out.
 */
import { AdapterError, type AdapterErrorCode, type ValidationIssue } from '@pxm/core';
import type { OperationOutcome, OperationOutcomeIssue } from '../fhir/types.js';

/** OperationOutcome issue codes (http://hl7.org/fhir/issue-type) and what they mean here. */
const ISSUE_CODES: Record<string, AdapterErrorCode> = {
  invalid: 'validation',
  structure: 'validation',
  required: 'validation',
  value: 'validation',
  invariant: 'validation',
  security: 'unauthorized',
  login: 'unauthorized',
  unknown: 'unauthorized',
  expired: 'unauthorized',
  forbidden: 'unauthorized',
  suppressed: 'unauthorized',
  'not-supported': 'unsupported',
  duplicate: 'conflict',
  'multiple-matches': 'conflict',
  'not-found': 'not_found',
  deleted: 'not_found',
  conflict: 'conflict',
  lock: 'conflict',
  'business-rule': 'conflict',
  timeout: 'timeout',
  throttled: 'server',
  'too-long': 'validation',
  'code-invalid': 'validation',
  extension: 'validation',
  'too-costly': 'server',
  exception: 'server',
  transient: 'server',
  'no-store': 'server',
  incomplete: 'server',
};

function statusCode(status: number): AdapterErrorCode {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 405 || status === 501) return 'unsupported';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 409 || status === 412) return 'conflict';
  return 'server';
}

export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

/** The error issues of an outcome; a malformed outcome (no array, null entries) has none. */
function errorIssues(outcome: OperationOutcome | undefined): OperationOutcomeIssue[] {
  const issues: unknown = outcome?.issue;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is OperationOutcomeIssue => typeof issue === 'object' && issue !== null && (issue.severity === 'error' || issue.severity === 'fatal'),
  );
}

const firstText = (...candidates: unknown[]): string | undefined => candidates.find((c): c is string => typeof c === 'string' && c.length > 0);

function issueText(issue: OperationOutcomeIssue): string {
  const text = firstText(issue.details?.text, issue.details?.coding?.[0]?.display, issue.code) ?? 'error';
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** Where the problem is (`Appointment.participant[0]`), never what was sent. */
function issuesOf(outcome: OperationOutcome | undefined): ValidationIssue[] {
  return errorIssues(outcome)
    .slice(0, 20)
    .map((issue) => ({ path: firstText(issue.expression?.[0], issue.location?.[0]) ?? '', message: issueText(issue) }));
}

/**
 * The error for a non-2xx reply. 412 and 409 are `conflict` (a version check or a conditional
 * request failed); callers that use them as a compare-and-swap turn them into their own code.
 */
export function errorFromResponse(status: number, body: unknown, operation: string): AdapterError {
  const outcome = isOperationOutcome(body) ? body : undefined;
  const byStatus = statusCode(status);
  const first = errorIssues(outcome)[0];
  const byIssue = typeof first?.code === 'string' && Object.hasOwn(ISSUE_CODES, first.code) ? ISSUE_CODES[first.code] : undefined;
  // The status is authoritative for the classes that decide what a caller may do next
  // (auth, missing, version conflict); the issue refines a generic 400/422/500.
  const code: AdapterErrorCode = byStatus === 'validation' || byStatus === 'server' ? (byIssue ?? byStatus) : byStatus;
  const retryable = status === 429 || status === 503 || status === 502 || status === 504 || code === 'timeout' || code === 'network';
  const summary = first ? issueText(first) : `HTTP ${status}`;
  return new AdapterError(code, `The FHIR server refused ${operation} (${status}): ${summary}`, {
    operation,
    retryable: code === 'server' ? status >= 500 || status === 429 : retryable,
    issues: issuesOf(outcome),
  });
}

/** Whether `error` is an `AdapterError` with one of `codes`. */
export function hasErrorCode(error: unknown, ...codes: AdapterErrorCode[]): boolean {
  return AdapterError.is(error) && codes.includes(error.code);
}

/** Someone else wrote the resource first (a failed `If-Match` or conditional create). */
export const isConflict = (error: unknown): boolean => hasErrorCode(error, 'conflict');

/** The backend sent something this adapter cannot read: never the caller's fault. */
export function malformed(operation: string, what: string): AdapterError {
  return new AdapterError('server', `The FHIR server sent a malformed reply to ${operation}: ${what}.`, { operation, retryable: false });
}
