/**
 * The boundary check every adapter runs: requests are checked before they leave (a bad request is
 * the caller's `validation` error), replies are checked as they arrive (a bad reply is the
 * backend's fault: `server`). No element ever sees an unvalidated value.
 */
import type * as z from 'zod/mini';
import { AdapterError, type ValidationIssue } from '../errors/adapter-error.js';
import { hideEnumerablePrototypeKeys } from '../util/enumerable-prototype.js';

/** A zod/mini schema of the contract: what `parseRequest` and `parseResponse` check against. */
export type ContractSchema<T = unknown> = z.ZodMiniType<T>;

function issuesOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): ValidationIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function parseRequest<T>(schema: ContractSchema<T>, value: unknown, operation: string): T {
  // A page script may have polluted Object.prototype since load: zod's object checks enumerate with for...in.
  hideEnumerablePrototypeKeys();
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AdapterError('validation', `Invalid request for ${operation}.`, {
    operation,
    issues: issuesOf(result.error),
  });
}

/**
 * Checks a reply: a mismatch is the backend's fault, `server`, with every issue's path. (The
 * element boundary then tries `@pxm/core/reply-repair`, which saves replies that fail only on
 * fields a patient can do without; it loads only when a reply fails.)
 */
export function parseResponse<T>(schema: ContractSchema<T>, value: unknown, operation: string): T {
  hideEnumerablePrototypeKeys();
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AdapterError('server', `The backend sent a malformed reply to ${operation}.`, {
    operation,
    retryable: false,
    issues: issuesOf(result.error),
  });
}
