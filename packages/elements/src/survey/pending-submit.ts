/**
 * A submit that could not reach the backend, kept in the encrypted offline queue so it survives
 * a reload (only when the host enables `offline-queue`). Keyed by the invitation token, which the
 * queue stores only as a digest; the payload (token, answers, idempotency key) is encrypted.
 * This module loads on first use, with the queue code (one download: nothing here works without
 * the queue), so pages without the option never pay for either.
 */
import type { SubmitSurveyRequest } from '@pxm/core/survey';
import { openOfflineQueue, type OfflineQueue } from '../internal/offline-queue/offline-queue.js';

export interface PendingSubmit {
  token: string;
  request: SubmitSurveyRequest;
}

const QUEUE_NAME = 'pxm-survey-submit';
const DAY = 86_400_000;

let opened: Promise<OfflineQueue<PendingSubmit>> | undefined;

function queue(): Promise<OfflineQueue<PendingSubmit>> {
  // A week at most: long enough to come back online, short enough to honour the expiry promise.
  opened ??= openOfflineQueue<PendingSubmit>(QUEUE_NAME, { ttlMs: 7 * DAY });
  opened.catch(() => (opened = undefined));
  return opened;
}

/** Keeps (or replaces) the pending submit for a token. False when the browser cannot keep it. */
export async function keepPendingSubmit(pending: PendingSubmit): Promise<boolean> {
  try {
    const store = await queue();
    await store.remove(pending.token);
    await store.enqueue(pending.token, pending);
    return true;
  } catch {
    return false;
  }
}

/** The submit still pending for a token, if any. */
export async function pendingSubmitFor(token: string): Promise<PendingSubmit | undefined> {
  try {
    const items = await (await queue()).list();
    return items.find((item) => item.id === token)?.payload;
  } catch {
    return undefined;
  }
}

/** Forgets a token's pending submit once it is stored (or can never be). */
export async function dropPendingSubmit(token: string): Promise<void> {
  try {
    await (await queue()).remove(token);
  } catch {
    // Nothing was kept.
  }
}
