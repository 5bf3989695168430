/**
 * A small durable queue for work that must survive going offline or reloading the page (HEP logs,
 * a survey submit). It lives in IndexedDB, encrypted with AES-GCM under a non-extractable
 * WebCrypto key that is itself kept in IndexedDB as a `CryptoKey` object, so nothing in storage is
 * readable without running script on this origin. Every entry expires (24 h by default) and is
 * purged when any queue is opened; callers remove entries as soon as they are synced.
 *
 * Ids are chosen by the caller; enqueueing an id that is already queued does nothing, so a retry
 * or a double click never makes a second entry. Payloads must be JSON-serialisable.
 *
 * Not exported from the package: elements use it internally.
 */
import { openDatabase, requestResult, transactionDone } from './idb.js';
import { digest, generateQueueKey, seal, unseal } from './queue-crypto.js';

export interface QueuedItem<T> {
  id: string;
  payload: T;
  queuedAt: number;
}

export interface OfflineQueue<T> {
  enqueue(id: string, payload: T): Promise<void>;
  list(): Promise<QueuedItem<T>[]>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

export const DEFAULT_QUEUE_TTL_MS = 24 * 60 * 60 * 1000;

const DATABASE = 'pxm-offline-queue';
const VERSION = 1;
const KEYS = 'keys';
const ITEMS = 'items';

/** What is stored: digests, times, and ciphertext. */
interface StoredItem {
  queue: string;
  key: string;
  queuedAt: number;
  expiresAt: number;
  iv: Uint8Array;
  data: ArrayBuffer;
}

interface StoredKey {
  queue: string;
  key: CryptoKey;
}

/** What is encrypted: the caller's id and payload. */
interface SealedContent<T> {
  id: string;
  payload: T;
}

let lastQueuedAt = 0;

/** Milliseconds, made strictly increasing so entries queued in the same millisecond keep their order. */
function nextQueuedAt(): number {
  lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1);
  return lastQueuedAt;
}

/** True when this browsing context can keep an encrypted queue (IndexedDB and WebCrypto, secure context). */
export function offlineQueueSupported(): boolean {
  return typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS, { keyPath: 'queue' });
  if (!db.objectStoreNames.contains(ITEMS)) {
    const items = db.createObjectStore(ITEMS, { keyPath: ['queue', 'key'] });
    items.createIndex('queue', 'queue');
    items.createIndex('expiresAt', 'expiresAt');
  }
}

/** The queue's key, made on first use. Two tabs racing both end up with the first one stored. */
async function queueKey(db: IDBDatabase, queue: string): Promise<CryptoKey> {
  const read = db.transaction(KEYS, 'readonly');
  const existing = (await requestResult(read.objectStore(KEYS).get(queue))) as StoredKey | undefined;
  if (existing) return existing.key;
  const fresh = await generateQueueKey();
  const write = db.transaction(KEYS, 'readwrite');
  const store = write.objectStore(KEYS);
  let winner: CryptoKey = fresh;
  const lookup = store.get(queue);
  lookup.addEventListener('success', () => {
    const stored = lookup.result as StoredKey | undefined;
    if (stored) winner = stored.key;
    else store.add({ queue, key: fresh } satisfies StoredKey);
  });
  await transactionDone(write);
  return winner;
}

/** Deletes every expired entry of every queue: expiry is a privacy promise, not a per-queue option. */
async function purgeExpired(db: IDBDatabase, now: number): Promise<void> {
  const transaction = db.transaction(ITEMS, 'readwrite');
  const request = transaction.objectStore(ITEMS).index('expiresAt').openCursor(IDBKeyRange.upperBound(now));
  request.addEventListener('success', () => {
    const cursor = request.result;
    if (!cursor) return;
    cursor.delete();
    cursor.continue();
  });
  await transactionDone(transaction);
}

/**
 * Opens (creating if needed) the queue called `name`. Rejects when the browser cannot keep an
 * encrypted queue (no IndexedDB, or no WebCrypto outside a secure context); callers then keep
 * their pending work in memory.
 */
export async function openOfflineQueue<T>(name: string, options: { ttlMs?: number } = {}): Promise<OfflineQueue<T>> {
  if (!offlineQueueSupported()) {
    throw new DOMException('Encrypted offline storage is not available here.', 'NotSupportedError');
  }
  const ttlMs = options.ttlMs ?? DEFAULT_QUEUE_TTL_MS;
  const db = await openDatabase(DATABASE, VERSION, upgrade);
  const queue = await digest(`queue:${name}`);
  await purgeExpired(db, Date.now());
  const key = await queueKey(db, queue);
  const storageKey = (id: string) => digest(`${name}\u0000${id}`);
  const binding = (itemKey: string) => `${queue}/${itemKey}`;

  async function deleteKeys(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const transaction = db.transaction(ITEMS, 'readwrite');
    const store = transaction.objectStore(ITEMS);
    for (const itemKey of keys) store.delete([queue, itemKey]);
    await transactionDone(transaction);
  }

  return {
    async enqueue(id, payload) {
      const itemKey = await storageKey(id);
      const content: SealedContent<T> = { id, payload };
      const sealed = await seal(key, JSON.stringify(content), binding(itemKey));
      const queuedAt = nextQueuedAt();
      const record: StoredItem = { queue, key: itemKey, queuedAt, expiresAt: queuedAt + ttlMs, iv: sealed.iv, data: sealed.data };
      const transaction = db.transaction(ITEMS, 'readwrite');
      const store = transaction.objectStore(ITEMS);
      // Check and write in one transaction: the first entry under an id wins, even across tabs.
      const lookup = store.getKey([queue, itemKey]);
      lookup.addEventListener('success', () => {
        if (lookup.result === undefined) store.add(record);
      });
      await transactionDone(transaction);
    },

    async list() {
      const transaction = db.transaction(ITEMS, 'readonly');
      const stored = (await requestResult(transaction.objectStore(ITEMS).index('queue').getAll(queue))) as StoredItem[];
      const now = Date.now();
      const discard: string[] = [];
      const items: QueuedItem<T>[] = [];
      for (const record of stored) {
        if (record.expiresAt <= now) {
          discard.push(record.key);
          continue;
        }
        try {
          const content = JSON.parse(await unseal(key, record, binding(record.key))) as SealedContent<T>;
          items.push({ id: content.id, payload: content.payload, queuedAt: record.queuedAt });
        } catch {
          // Tampered with, or sealed under a key that no longer exists: unreadable, so gone.
          discard.push(record.key);
        }
      }
      await deleteKeys(discard);
      return items.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async remove(id) {
      await deleteKeys([await storageKey(id)]);
    },

    async clear() {
      const transaction = db.transaction(ITEMS, 'readwrite');
      const request = transaction.objectStore(ITEMS).index('queue').openKeyCursor(IDBKeyRange.only(queue));
      const store = transaction.objectStore(ITEMS);
      request.addEventListener('success', () => {
        const cursor = request.result;
        if (!cursor) return;
        store.delete(cursor.primaryKey);
        cursor.continue();
      });
      await transactionDone(transaction);
    },
  };
}
