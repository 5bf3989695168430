/** The contract's request headers: `Idempotency-Key`, `If-Match` / `If-None-Match` for drafts. */
import type { Context } from 'hono';
import { HttpProblem } from './problem.js';

const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export function idempotencyKey(c: Context, required: true): string;
export function idempotencyKey(c: Context, required: false): string | undefined;
export function idempotencyKey(c: Context, required: boolean): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key === '') {
    if (!required) return undefined;
    throw new HttpProblem(400, 'validation', 'This request needs an Idempotency-Key header.', [{ path: 'idempotencyKey', message: 'Required.' }]);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new HttpProblem(400, 'validation', 'The Idempotency-Key must be 8 to 200 visible ASCII characters.', [{ path: 'idempotencyKey', message: 'Invalid.' }]);
  }
  return key;
}

/** Draft version an update builds on: `If-Match: "3"`, or `If-None-Match: *` for the first save. */
export function baseVersion(c: Context): number {
  const ifMatch = c.req.header('if-match');
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifMatch !== undefined) {
    const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
    if (!match) throw new HttpProblem(400, 'validation', 'If-Match must be one draft version, e.g. "3".', [{ path: 'baseVersion', message: 'Invalid.' }]);
    return Number(match[1]);
  }
  if (ifNoneMatch?.trim() === '*') return 0;
  throw new HttpProblem(428, 'validation', 'Send If-Match with the draft version this save builds on (If-None-Match: * for the first save).', [
    { path: 'baseVersion', message: 'Required.' },
  ]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
