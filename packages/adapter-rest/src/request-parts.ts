import { AdapterError } from '@pxm/core';
import type { Call } from './transport.js';

/** A link token goes into a URL path: anything that cannot be one is refused before sending. */
export function checkToken(token: unknown, operation: string): string {
  if (typeof token !== 'string' || token.length < 8 || token.length > 2000) {
    throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
  }
  return token;
}

/** Ids (slots, holds) also go into the request: an empty or absurd one is the caller's mistake. */
export function checkId(value: unknown, path: string, operation: string): string {
  if (typeof value !== 'string' || !value || value.length > 200) {
    throw new AdapterError('validation', `Invalid ${path}.`, { operation, issues: [{ path, message: 'Expected an id.' }] });
  }
  return value;
}

export const newKey = (): string => globalThis.crypto.randomUUID();

/** A request whose idempotency key travels in the `Idempotency-Key` header, the rest as JSON. */
export function keyed({ idempotencyKey, ...json }: { idempotencyKey: string }): Call {
  return { json, headers: { 'idempotency-key': idempotencyKey } };
}
