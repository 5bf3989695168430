/**
 * A single-use submission (intake, survey) retried with its idempotency key: the same request
 * gets the first reply again; the same key with another body is `conflict` (the client reused a
 * key for a different action: replaying the first reply would tell it the wrong answers were
 * stored); another key finds the link already submitted (the caller says so).
 */
import { AdapterError } from '@pxm/core';

export interface StoredSubmission {
  response_key: string | null;
  response: string | null;
  response_fingerprint: string | null;
}

export function replayedSubmission<T>(row: StoredSubmission, idempotencyKey: string, fingerprint: string, operation: string): T | undefined {
  if (row.response_key !== idempotencyKey || !row.response) return undefined;
  // Submitted before fingerprints were kept: the key alone decides, as it did then.
  if (row.response_fingerprint !== null && row.response_fingerprint !== fingerprint) {
    throw new AdapterError('conflict', 'This idempotency key was already used for a different request.', { operation });
  }
  return JSON.parse(row.response) as T;
}
