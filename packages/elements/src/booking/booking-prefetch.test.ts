/**
 * The later steps' code is fetched while the patient looks at times, so holding a time goes
 * straight to the details without a download in between. This file loads the later steps for
 * the first time on its page (each test file has its own), so the download is observable.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { until } from '../test-helpers/events.js';
import { untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

/** Files the page fetches from now on (an observer: the timing buffer may be full by then). */
function watchFetches(): string[] {
  const names: string[] = [];
  new PerformanceObserver((list) => names.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource' });
  return names;
}

describe('pxm-booking: the later steps', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('are fetched while times are on screen, before any is chosen', async () => {
    const fetched = watchFetches();
    const laterStepsFetched = () => fetched.some((name) => /\/booking-flow\.(ts|js)\b/.test(name));
    const el = await fixture<PxmBooking>(
      html`<pxm-booking time-zone="America/Denver" location="denver-highlands" appointment-type="initial-evaluation" .adapter=${createMemoryAdapter()}></pxm-booking>`,
    );
    const times = await untilTimes(el);
    await until(laterStepsFetched, 'the later steps fetched with no time chosen');
    expect(el.state.holds).to.deep.equal([]);

    times[0]!.click();
    await untilStep(el, 'Your details');
  });
});
