/**
 * The same queue interface held in memory only, for browsers that cannot keep an encrypted
 * queue (no IndexedDB, or WebCrypto outside a secure context). Pending work then lasts as long
 * as the page, and is still never duplicated.
 */
import type { OfflineQueue, QueuedItem } from './offline-queue.js';

export function createMemoryQueue<T>(): OfflineQueue<T> {
  const items = new Map<string, QueuedItem<T>>();
  let last = 0;
  return {
    async enqueue(id, payload) {
      if (items.has(id)) return;
      last = Math.max(Date.now(), last + 1);
      items.set(id, { id, payload: structuredClone(payload), queuedAt: last });
    },
    async list() {
      return [...items.values()].map((item) => structuredClone(item)).sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async remove(id) {
      items.delete(id);
    },
    async clear() {
      items.clear();
    },
  };
}
