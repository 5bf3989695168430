/**
 * A move is not a removal: a framework moving the element keeps the held time; only a real
 * removal lets it go (and the adapter is told).
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { until } from '../test-helpers/events.js';
import { untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

describe('pxm-booking: moved or removed', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('keeps the held time when moved, and releases it when removed', async () => {
    const adapter = createMemoryAdapter();
    const release = sinon.spy(adapter.booking, 'releaseHold');
    const page = await fixture<HTMLDivElement>(html`<div>
      <section id="first"><pxm-booking time-zone="America/Denver" location="denver-highlands" appointment-type="initial-evaluation" .adapter=${adapter}></pxm-booking></section>
      <section id="second"></section>
    </div>`);
    const el = page.querySelector<PxmBooking>('pxm-booking')!;
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    const held = el.state.holds[0]!.id;

    page.querySelector('#second')!.append(el); // a framework moving it: out and back in one task
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(release.called).to.equal(false);
    expect(el.state.holds.map((hold) => hold.id)).to.deep.equal([held]);

    el.remove();
    await until(() => release.called, 'the hold released');
    expect(release.firstCall.args[0]).to.equal(held);
  });
});
