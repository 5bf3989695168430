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

/** A stable fingerprint of a request, for idempotency checks and draft replays. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value), 'utf8').digest('hex');
}
