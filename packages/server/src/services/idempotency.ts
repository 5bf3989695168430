/**
 * Stored idempotency keys. The key row is written first, inside the transaction that does the
 * work, and carries the reply once the work is done: a concurrent request with the same key
 * waits on that row (PostgreSQL) or on the write lock (SQLite), then replays the reply. A failed
 * attempt rolls its key back, so trying again really tries again.
 */
import { AdapterError } from '@pxm/core';
import type { Queryable } from '../db/database.js';

export type Replay<T> = { replayed: true; value: T } | { replayed: false };

export async function claimKey<T>(
  tx: Queryable,
  scope: string,
  key: string,
  fingerprint: string,
  nowMs: number,
  operation: string,
): Promise<Replay<T>> {
  const inserted = await tx.run(
    'INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, key) DO NOTHING',
    [scope, key, fingerprint, nowMs],
  );
  if (inserted === 1) return { replayed: false };
  const row = await tx.get<{ fingerprint: string; response: string | null }>(
    'SELECT fingerprint, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  if (!row || row.fingerprint !== fingerprint) {
    throw new AdapterError('conflict', 'This idempotency key was already used for a different request.', { operation });
  }
  if (row.response === null) {
    throw new AdapterError('conflict', 'A request with this idempotency key is still in progress.', { operation, retryable: true });
  }
  return { replayed: true, value: JSON.parse(row.response) as T };
}

export async function storeReply(tx: Queryable, scope: string, key: string, value: unknown): Promise<void> {
  await tx.run('UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2', [scope, key, JSON.stringify(value)]);
}
