import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import '../define/pxm-hep-viewer.js';
import type { PxmHepViewer } from './hep-viewer.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import type { PxmHepActivityLoggedEvent } from './hep-viewer.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activity, backendWith, button, card, eventually, loaded, maybeButton, shadow, testProgram } from '../test-helpers/hep.js';

const syncText = (viewer: PxmHepViewer) => shadow(viewer).querySelector('[part="sync"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const logCalls = (calls: readonly string[]) => calls.filter((call) => call === 'hep.logActivity').length;

async function mountWith(adapter: unknown, token: string, attributes = ''): Promise<PxmHepViewer> {
  const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${adapter} token=${token}></pxm-hep-viewer>`);
  if (attributes) viewer.setAttribute('offline-queue', attributes);
  await loaded(viewer);
  return viewer;
}

/** Every record in the encrypted queue's database: to see whether anything was kept on the device. */
async function storedQueueRecords(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('pxm-offline-queue');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('items')) return 0;
    return await new Promise<number>((resolve) => {
      const request = db.transaction('items').objectStore('items').count();
      request.onsuccess = () => resolve(request.result);
    });
  } finally {
    db.close();
  }
}

describe('pxm-hep-viewer offline', () => {
  it('keeps a log made offline through repeated failures and stores it exactly once when back online', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    const viewer = await mountWith(faults.adapter, token);
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const logged = recordEvents<PxmHepActivityLoggedEvent>(document, 'pxm-hep-activity-logged');
    faults.setOffline(true);
    button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
    await until(() => syncText(viewer).includes('You are offline. 1 log is kept on this device'), 'offline notice');
    await until(() => card(viewer, 'Heel slides').textContent!.includes('Waiting to sync'), 'card badge');
    expect(card(viewer, 'Heel slides').textContent).to.contain('Done for today', 'the patient sees it counted');
    await until(() => logged.length === 1, 'event');
    expect(logged[0]!.detail.queued).to.equal(true);
    await expectNoAxeViolations(viewer);

    // The connection flickers: three more attempts, all failing.
    for (let i = 0; i < 3; i++) {
      const before = logCalls(faults.calls);
      window.dispatchEvent(new Event('online'));
      await until(() => logCalls(faults.calls) > before, `attempt ${i + 2}`);
    }
    expect(logCalls(faults.calls)).to.be.at.least(4);
    expect(errors.filter((e) => e.detail.operation === 'hep.logActivity')).to.have.length(1, 'one pxm-error per run of failures');
    expect(await activity(memory, token)).to.have.length(0);

    faults.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await until(() => syncText(viewer) === '', 'synced');
    const logs = await activity(memory, token);
    expect(logs).to.have.length(1);
    expect(logs[0]!.clientId).to.equal(logged[0]!.detail.clientId);
    expect(card(viewer, 'Heel slides').textContent).not.to.contain('Waiting to sync');
  });

  it('never duplicates a log when the backend stored it but the reply was lost', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    faults.plan('hep.logActivity', { dropAfter: true }, { dropAfter: true });
    const viewer = await mountWith(faults.adapter, token);
    button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
    await until(() => syncText(viewer).includes('1 log'), 'waiting after the lost reply');
    window.dispatchEvent(new Event('online'));
    await until(() => logCalls(faults.calls) >= 2, 'second attempt');
    window.dispatchEvent(new Event('online'));
    await until(() => syncText(viewer) === '', 'synced');
    expect(logCalls(faults.calls)).to.equal(3);
    expect(await activity(memory, token)).to.have.length(1);
  });

  it('sends a log queued before the page was closed when it opens again, once', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    const first = await mountWith(faults.adapter, token);
    faults.setOffline(true);
    button(card(first, 'Heel slides'), 'Done: Heel slides').click();
    await until(() => syncText(first).includes('kept on this device'), 'queued');
    first.remove();

    // A new page: the encrypted queue still has the log; the backend is reachable again.
    faults.setOffline(false);
    const second = await mountWith(faults.adapter, token);
    await eventually(async () => (await activity(memory, token)).length === 1, 'sent after reopening');
    await until(() => card(second, 'Heel slides').textContent!.includes('Done for today'), 'shown as done');
    await until(() => syncText(second) === '', 'the queue emptied once sent');
    const sendsBefore = logCalls(faults.calls);
    const third = await mountWith(faults.adapter, token);
    await until(() => card(third, 'Heel slides').textContent!.includes('Done for today'), 'shown from the backend');
    // A new log is sent only after what an earlier visit left in the queue: once it is stored, a
    // second send of the first log would already have happened. (The backend keeps one entry per
    // client id, so the calls are counted, not the stored logs.)
    button(card(third, 'Bridges'), 'Done: Bridges').click();
    await eventually(async () => (await activity(memory, token)).length === 2, 'the new log stored');
    expect(logCalls(faults.calls) - sendsBefore).to.equal(1, 'the new log only: nothing sent twice');
  });

  it('keeps a log the backend rejects, says so, and lets the patient try again or remove it', async () => {
    const { memory, token } = backendWith(testProgram());
    const viewer = await mountWith(memory, token);
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    // The therapist removes an exercise while the patient has the old version open.
    memory.hep.updateProgram(token, (program) => ({ ...program, exercises: program.exercises.filter((e) => e.id !== 'bridges') }));
    button(card(viewer, 'Bridges'), 'Done: Bridges').click();
    await until(() => syncText(viewer).includes('could not be saved'), 'rejected notice');
    expect(card(viewer, 'Bridges').textContent).to.contain('Not saved');
    expect(errors.at(-1)?.detail).to.deep.equal({ code: 'validation', operation: 'hep.logActivity' });
    await expectNoAxeViolations(viewer);
    button(shadow(viewer), 'Try again').click();
    await until(() => syncText(viewer).includes('could not be saved'), 'still rejected');
    button(shadow(viewer), 'Remove').click();
    await until(() => syncText(viewer) === '', 'removed');
    expect(await activity(memory, token)).to.have.length(0);
  });

  it('keeps logs when the link stops working and tells the patient to ask for a new one', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    const viewer = await mountWith(faults.adapter, token);
    faults.always('hep.logActivity', { error: 'token_expired' });
    button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
    await until(() => syncText(viewer).includes('this link no longer works'), 'link notice');
    expect(maybeButton(shadow(viewer), 'Send now') === undefined).to.equal(true);
    expect(card(viewer, 'Heel slides').textContent).to.contain('Waiting to sync');
  });

  it('keeps nothing on the device with offline-queue="off", and says to keep the page open', async () => {
    // About sending, not the calendar: a Wednesday mid-morning, so no day boundary or rest day
    // falls inside the undo window at the calendar matrix's instants (Sunday, 23:59).
    const clock = sinon.useFakeTimers({ now: new Date('2027-03-03T17:00:00Z'), toFake: ['Date'], shouldAdvanceTime: true });
    try {
      const { memory, token } = backendWith(testProgram());
      const faults = createFaultyAdapter(memory);
      const viewer = await mountWith(faults.adapter, token, 'off');
      const before = await storedQueueRecords();
      faults.setOffline(true);
      button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
      await until(() => syncText(viewer).includes('Keep this page open'), 'page-only notice', 15_000);
      // The viewer first opened the encrypted queue (offline-queue was set after it connected);
      // that slower open finishing later must not take the outbox back.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(syncText(viewer)).to.contain('Keep this page open');
      // Nothing added for this log; an earlier test's queued record may be wiped meanwhile (its sync ends).
      expect(await storedQueueRecords()).to.be.at.most(before);
      faults.setOffline(false);
      button(shadow(viewer), 'Send now').click();
      await until(() => syncText(viewer) === '', 'sent from memory', 15_000);
      // The backend's copy can land a frame after the notice clears (a busy machine): wait for it, up to a second.
      for (let tries = 0; tries < 50 && (await activity(memory, token)).length === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await activity(memory, token)).to.have.length(1);
    } finally {
      clock.restore();
    }
  });
});
