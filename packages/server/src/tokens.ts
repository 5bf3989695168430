/**
 * Link tokens (manage, intake, HEP, survey) are 256 random bits, shown once, and stored only as
 * a SHA-256 hash: a copy of the database does not open anyone's links. Record ids that travel
 * (holds, appointments, responses) are random too, so nothing is found by counting.
 */
import { createHash } from 'node:crypto';
import { createToken } from '@pxm/core';

export function newLinkToken(): string {
  return createToken(32);
}

/** A 128-bit random id with a readable prefix: `hold_...`, `appt_...`. */
export function newId(prefix: string): string {
  return `${prefix}_${createToken(16)}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so one request always has one text however its keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A stable fingerprint of a request, for idempotency checks and draft replays. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** The fingerprint of a whole request body, its idempotency key aside: same key, other body is a conflict. */
export function requestFingerprint(request: { idempotencyKey?: string }, ...scope: unknown[]): string {
  const { idempotencyKey: _key, ...body } = request;
  return fingerprint([...scope, body]);
}
