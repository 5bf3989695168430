import { expect } from '@open-wc/testing';
import { openOfflineQueue } from './offline-queue.js';
import { createMemoryQueue } from './memory-queue.js';

interface LogPayload {
  exerciseId: string;
  pain: number;
  note: string;
}

let counter = 0;
const freshName = () => `test-${Date.now().toString(36)}-${(counter += 1)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything in the raw database, read without the queue: what another script or a disk image would see. */
async function rawDump(): Promise<{ keys: Array<{ queue: string; key: CryptoKey }>; items: Array<Record<string, unknown>> }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('pxm-offline-queue');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = <T>(store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
  const result = { keys: await read<{ queue: string; key: CryptoKey }>('keys'), items: await read<Record<string, unknown>>('items') };
  db.close();
  return result;
}

/** Every byte and string of a stored record, as text, to search for leaked plaintext. */
function textOf(value: unknown): string {
  if (value instanceof ArrayBuffer) return new TextDecoder('utf-8', { fatal: false }).decode(value);
  if (ArrayBuffer.isView(value)) return new TextDecoder('utf-8', { fatal: false }).decode(value as Uint8Array);
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('|');
  return String(value);
}

describe('offline queue (encrypted IndexedDB)', () => {
  it('keeps entries in the order they were queued, and removes and clears them', async () => {
    const queue = await openOfflineQueue<LogPayload>(freshName());
    await queue.enqueue('a', { exerciseId: 'quad-sets', pain: 2, note: 'first' });
    await queue.enqueue('b', { exerciseId: 'heel-slides', pain: 3, note: 'second' });
    await queue.enqueue('c', { exerciseId: 'bridges', pain: 4, note: 'third' });
    let items = await queue.list();
    expect(items.map((item) => item.id)).to.deep.equal(['a', 'b', 'c']);
    expect(items[1]!.payload).to.deep.equal({ exerciseId: 'heel-slides', pain: 3, note: 'second' });
    expect(items[0]!.queuedAt).to.be.a('number').and.to.be.below(items[2]!.queuedAt + 1);
    await queue.remove('b');
    items = await queue.list();
    expect(items.map((item) => item.id)).to.deep.equal(['a', 'c']);
    await queue.clear();
    expect(await queue.list()).to.deep.equal([]);
  });

  it('stores nothing readable: ids and payloads are encrypted, the key cannot be exported', async () => {
    const name = freshName();
    const queue = await openOfflineQueue<LogPayload>(name);
    const id = `entry-${crypto.randomUUID()}`;
    await queue.enqueue(id, { exerciseId: 'straight-leg-raise', pain: 8, note: 'sharp pain behind the kneecap' });
    const dump = await rawDump();
    expect(dump.items.length).to.be.greaterThan(0);
    const everything = dump.items.map(textOf).join('\n');
    for (const secret of ['sharp pain', 'kneecap', 'straight-leg-raise', id, name, '"pain"']) {
      expect(everything, `"${secret}" is stored in clear`).not.to.include(secret);
    }
    for (const record of dump.items) {
      expect(record.data).to.be.instanceOf(ArrayBuffer);
      expect(Object.keys(record).sort()).to.deep.equal(['data', 'expiresAt', 'iv', 'key', 'queue', 'queuedAt']);
    }
    expect(dump.keys.length).to.be.greaterThan(0);
    for (const { key } of dump.keys) {
      expect(key).to.be.instanceOf(CryptoKey);
      expect(key.extractable).to.equal(false);
      expect(key.algorithm.name).to.equal('AES-GCM');
      let exported = true;
      try {
        await crypto.subtle.exportKey('raw', key);
      } catch {
        exported = false;
      }
      expect(exported, 'the key can be read out').to.equal(false);
    }
  });

  it('treats an id that is already queued as the same entry, even when enqueued concurrently', async () => {
    const queue = await openOfflineQueue<LogPayload>(freshName());
    await queue.enqueue('log-1', { exerciseId: 'quad-sets', pain: 1, note: 'original' });
    await queue.enqueue('log-1', { exerciseId: 'quad-sets', pain: 9, note: 'retry' });
    await Promise.all([
      queue.enqueue('log-2', { exerciseId: 'bridges', pain: 2, note: 'tab one' }),
      queue.enqueue('log-2', { exerciseId: 'bridges', pain: 2, note: 'tab two' }),
      queue.enqueue('log-2', { exerciseId: 'bridges', pain: 2, note: 'tab three' }),
    ]);
    const items = await queue.list();
    expect(items.map((item) => item.id)).to.deep.equal(['log-1', 'log-2']);
    expect(items[0]!.payload.note).to.equal('original', 'the first entry under an id wins');
  });

  it('survives closing and reopening (a reload) and keeps queues apart by name', async () => {
    const name = freshName();
    const first = await openOfflineQueue<LogPayload>(name);
    await first.enqueue('kept', { exerciseId: 'bridges', pain: 0, note: 'after reload' });
    const other = await openOfflineQueue<LogPayload>(freshName());
    await other.enqueue('elsewhere', { exerciseId: 'clamshells', pain: 1, note: 'other queue' });
    const reopened = await openOfflineQueue<LogPayload>(name);
    expect((await reopened.list()).map((item) => item.payload.note)).to.deep.equal(['after reload']);
    expect((await other.list()).map((item) => item.id)).to.deep.equal(['elsewhere']);
  });

  it('expires entries after their time to live and purges them from storage when a queue opens', async () => {
    const name = freshName();
    const queue = await openOfflineQueue<LogPayload>(name, { ttlMs: 150 });
    await queue.enqueue('short-lived', { exerciseId: 'quad-sets', pain: 5, note: 'expires' });
    expect(await queue.list()).to.have.length(1);
    const before = (await rawDump()).items.length;
    await sleep(250);
    await openOfflineQueue<LogPayload>(freshName()); // opening any queue purges every expired entry
    const after = (await rawDump()).items.length;
    expect(after).to.be.below(before, 'the expired ciphertext is deleted, not just hidden');
    expect(await queue.list()).to.deep.equal([]);
  });

  it('drops an entry whose ciphertext was tampered with instead of failing the whole list', async () => {
    const name = freshName();
    const queue = await openOfflineQueue<LogPayload>(name);
    await queue.enqueue('good', { exerciseId: 'bridges', pain: 1, note: 'fine' });
    await queue.enqueue('bad', { exerciseId: 'bridges', pain: 1, note: 'tampered' });
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('pxm-offline-queue');
      request.onsuccess = () => resolve(request.result);
    });
    const records = await new Promise<Array<Record<string, unknown> & { data: ArrayBuffer; queuedAt: number }>>((resolve) => {
      const request = db.transaction('items').objectStore('items').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const newest = records.sort((a, b) => b.queuedAt - a.queuedAt)[0]!;
    const bytes = new Uint8Array(newest.data.slice(0));
    bytes[0] = bytes[0]! ^ 0xff;
    await new Promise<void>((resolve) => {
      const transaction = db.transaction('items', 'readwrite');
      transaction.objectStore('items').put({ ...newest, data: bytes.buffer });
      transaction.oncomplete = () => resolve();
    });
    db.close();
    expect((await queue.list()).map((item) => item.id)).to.deep.equal(['good']);
  });

  it('has an in-memory twin with the same rules for browsers without encrypted storage', async () => {
    const queue = createMemoryQueue<LogPayload>();
    await queue.enqueue('x', { exerciseId: 'a', pain: 1, note: 'one' });
    await queue.enqueue('x', { exerciseId: 'a', pain: 2, note: 'two' });
    await queue.enqueue('y', { exerciseId: 'b', pain: 3, note: 'three' });
    expect((await queue.list()).map((item) => `${item.id}:${item.payload.note}`)).to.deep.equal(['x:one', 'y:three']);
    await queue.remove('x');
    expect((await queue.list()).map((item) => item.id)).to.deep.equal(['y']);
  });
});
