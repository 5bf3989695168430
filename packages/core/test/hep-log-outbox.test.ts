import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { LogOutbox, outboxId, retryDelayMs, type PendingStore } from '@pxm/core/hep-outbox';
import { testUuid } from './hep-fixtures.js';

/** A keyed store with the same rules as the browser queue: the first entry under an id wins. */
function memoryStore(): PendingStore<ActivityLogEntry> & { size(): number } {
  const items = new Map<string, { id: string; payload: ActivityLogEntry; queuedAt: number }>();
  let clock = 0;
  return {
    async enqueue(id, payload) {
      if (!items.has(id)) items.set(id, { id, payload, queuedAt: (clock += 1) });
    },
    async list() {
      return [...items.values()].sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async remove(id) {
      items.delete(id);
    },
    size: () => items.size,
  };
}

type Mode = 'up' | 'offline' | 'drop-reply' | 'expired';

/**
 * A backend with the contract's rules: idempotent on clientId, voiding applied once, a batch with
 * an unknown exercise rejected whole with `validation`. Its mode scripts failures.
 */
function fakeBackend() {
  const stored = new Map<string, ActivityLogEntry>();
  const known = new Set(['quad-sets', 'heel-slides']);
  let mode: Mode = 'up';
  let calls = 0;
  return {
    stored,
    get calls() {
      return calls;
    },
    setMode(next: Mode) {
      mode = next;
    },
    async send(entries: ActivityLogEntry[]) {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (mode === 'offline') throw new TypeError('Failed to fetch');
      if (mode === 'expired') throw new AdapterError('token_expired', 'expired');
      if (entries.some((entry) => !known.has(entry.exerciseId))) throw new AdapterError('validation', 'Unknown exercise.');
      for (const entry of entries) {
        const existing = stored.get(entry.clientId);
        if (!existing) stored.set(entry.clientId, entry);
        else if (entry.voided) stored.set(entry.clientId, { ...existing, voided: true });
      }
      if (mode === 'drop-reply') throw new AdapterError('network', 'The reply was lost.');
      return entries;
    },
  };
}

function entry(exerciseId = 'quad-sets', extra: Partial<ActivityLogEntry> = {}): ActivityLogEntry {
  return { clientId: testUuid(), exerciseId, programVersion: 1, completedAt: '2027-03-01T08:00:00-07:00', ...extra };
}

describe('HEP log outbox', () => {
  it('keeps a log through repeated offline failures and stores it exactly once when back online', async () => {
    const backend = fakeBackend();
    const store = memoryStore();
    const outbox = new LogOutbox({ store, send: (entries) => backend.send(entries) });
    backend.setMode('offline');
    const log = entry();
    await outbox.add(log);
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await outbox.flush();
      assert.equal(outcome.sent, 0);
      assert.equal(outcome.waiting, 1);
      assert.equal(outcome.error?.code, 'network');
      assert.equal(outcome.error?.retryable, true);
    }
    backend.setMode('up');
    const outcome = await outbox.flush();
    assert.deepEqual([outcome.sent, outcome.waiting, outcome.error], [1, 0, undefined]);
    assert.equal(backend.stored.size, 1);
    assert.equal(store.size(), 0, 'removed once synced');
  });

  it('never duplicates when the backend stored a log but the reply was lost', async () => {
    const backend = fakeBackend();
    const store = memoryStore();
    const outbox = new LogOutbox({ store, send: (entries) => backend.send(entries) });
    await outbox.add(entry());
    backend.setMode('drop-reply');
    assert.equal((await outbox.flush()).error?.code, 'network');
    assert.equal((await outbox.flush()).error?.code, 'network');
    backend.setMode('up');
    assert.equal((await outbox.flush()).sent, 1);
    assert.equal(backend.stored.size, 1);
  });

  it('adds the same entry once, and runs concurrent flushes one after another', async () => {
    const backend = fakeBackend();
    const outbox = new LogOutbox({ store: memoryStore(), send: (entries) => backend.send(entries) });
    const log = entry();
    await Promise.all([outbox.add(log), outbox.add(log), outbox.add({ ...log })]);
    assert.equal((await outbox.pending()).length, 1);
    const outcomes = await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    assert.deepEqual(outcomes.map((o) => o.sent), [1, 0, 0]);
    assert.equal(backend.calls, 1, 'the later flushes found nothing left to send');
  });

  it('sends a log and its undo as separate entries, in order', async () => {
    const backend = fakeBackend();
    const outbox = new LogOutbox({ store: memoryStore(), send: (entries) => backend.send(entries) });
    const log = entry();
    assert.notEqual(outboxId(log), outboxId({ ...log, voided: true }));
    await outbox.add(log);
    await outbox.add({ ...log, voided: true });
    await outbox.flush();
    assert.equal(backend.stored.get(log.clientId)?.voided, true);
  });

  it('isolates an entry the backend rejects, sends the others, and keeps the rejected one until discarded', async () => {
    const backend = fakeBackend();
    const store = memoryStore();
    const outbox = new LogOutbox({ store, send: (entries) => backend.send(entries) });
    const good1 = entry('quad-sets');
    const bad = entry('removed-exercise');
    const good2 = entry('heel-slides');
    for (const e of [good1, bad, good2]) await outbox.add(e);
    const outcome = await outbox.flush();
    assert.deepEqual([outcome.sent, outcome.rejected, outcome.waiting], [2, 1, 0]);
    assert.deepEqual([...backend.stored.keys()].sort(), [good1.clientId, good2.clientId].sort());
    assert.deepEqual((await outbox.pending()).map((p) => [p.entry.clientId, p.state]), [[bad.clientId, 'rejected']]);
    const callsBefore = backend.calls;
    await outbox.flush();
    assert.equal(backend.calls, callsBefore, 'a rejected entry is not re-sent on its own');
    outbox.retryRejected();
    assert.equal((await outbox.flush()).rejected, 1);
    await outbox.discard(outboxId(bad));
    assert.deepEqual(await outbox.pending(), []);
  });

  it('keeps every entry when the link has expired', async () => {
    const backend = fakeBackend();
    const store = memoryStore();
    const outbox = new LogOutbox({ store, send: (entries) => backend.send(entries) });
    await outbox.add(entry());
    await outbox.add(entry());
    backend.setMode('expired');
    const outcome = await outbox.flush();
    assert.equal(outcome.error?.code, 'token_expired');
    assert.equal(outcome.error?.retryable, false);
    assert.equal(store.size(), 2);
  });

  it('sends in batches the contract accepts', async () => {
    const backend = fakeBackend();
    const outbox = new LogOutbox({ store: memoryStore(), send: (entries) => backend.send(entries), batchSize: 2 });
    for (let i = 0; i < 5; i++) await outbox.add(entry());
    assert.equal((await outbox.flush()).sent, 5);
    assert.equal(backend.calls, 3);
  });

  it('backs off from 2 seconds to at most a minute, with jitter', () => {
    assert.equal(retryDelayMs(0, () => 0.5), 2_000);
    assert.equal(retryDelayMs(3, () => 0.5), 16_000);
    assert.equal(retryDelayMs(20, () => 0.5), 60_000);
    assert.equal(retryDelayMs(0, () => 0), 1_600);
    assert.equal(retryDelayMs(0, () => 1), 2_400);
  });
});
