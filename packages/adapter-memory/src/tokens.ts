import { AdapterError } from '@pxm/core';

/** Looks up a link token: unknown is `token_invalid`, past its expiry is `token_expired`. */
export function openToken<T extends { expiresAt?: string | undefined }>(
  store: ReadonlyMap<string, T>,
  token: string,
  nowMs: number,
  operation: string,
): T {
  const entry = typeof token === 'string' ? store.get(token) : undefined;
  if (!entry) throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
  if (entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= nowMs) {
    throw new AdapterError('token_expired', 'This link has expired.', { operation });
  }
  return entry;
}
