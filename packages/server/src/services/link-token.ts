import { AdapterError } from '@pxm/core';
import { hashToken } from '../tokens.js';

/** Plausible link tokens only: anything else is `token_invalid` without a database lookup. */
export function tokenHashOf(token: unknown, operation: string): string {
  if (typeof token !== 'string' || token.length < 8 || token.length > 2000) {
    throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
  }
  return hashToken(token);
}

/** Unknown is `token_invalid`; past its expiry is `token_expired`. */
export function assertOpenLink<T extends { expires_at: number | null }>(row: T | undefined, nowMs: number, operation: string): T {
  if (!row) throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
  if (row.expires_at !== null && row.expires_at <= nowMs) throw new AdapterError('token_expired', 'This link has expired.', { operation });
  return row;
}
