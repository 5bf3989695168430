/** Entries made before the sync engine's code arrives wait for it; each call still resolves in turn. */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { DeferredLogSync } from './deferred-log-sync.js';

const host: ReactiveControllerHost = {
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
};

const entry = (clientId: string) => ({ clientId, exerciseId: 'ex-1', programId: 'p-1', programVersion: 1, completedAt: '2027-03-10T15:00:00Z' }) as ActivityLogEntry;

describe('DeferredLogSync', () => {
  it('resolves sends in the order they were made when the first hands over the entries of both', async () => {
    const sync = new DeferredLogSync(host, { send: async () => undefined, onFailure() {}, onRejected() {}, onSent() {} });
    const resolved: string[] = [];
    // Both calls are made before the engine's code has arrived: the first hands over both entries.
    await Promise.all([sync.send([entry('log')]).then(() => resolved.push('log')), sync.send([entry('rating')]).then(() => resolved.push('rating'))]);
    expect(resolved).to.deep.equal(['log', 'rating']);
  });
});
