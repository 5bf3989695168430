/**
 * Stored idempotency keys. The key row is written first, inside the transaction that does the
 * work, and carries the reply once the work is done: a concurrent request with the same key
 * waits on that row (PostgreSQL) or on the write lock (SQLite), then replays the reply. A failed
 * attempt rolls its key back, so trying again really tries again.
 */
import { AdapterError } from '@pxm/core';
import type { Queryable } from '../db/database.js';
import type { Sealer } from '../secrets.js';

export type Replay<T> = { replayed: true; value: T } | { replayed: false };

export async function claimKey<T>(
  tx: Queryable,
  sealer: Sealer,
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
  const reply = sealer.open(row.response);
  if (reply === undefined) {
    // Sealed under another key (a restart without PXM_SECRET_KEY): the work was done, its reply is gone.
    throw new AdapterError('conflict', 'This request was completed, but its reply can no longer be replayed.', { operation });
  }
  return { replayed: true, value: JSON.parse(reply) as T };
}

/** The reply is sealed: it can carry a manage token, which must not be readable from a copy of the database. */
export async function storeReply(tx: Queryable, sealer: Sealer, scope: string, key: string, value: unknown): Promise<void> {
  await tx.run('UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2', [scope, key, sealer.seal(JSON.stringify(value))]);
}
