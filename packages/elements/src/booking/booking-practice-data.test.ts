/**
 * A practice's optional data may be missing (core's reply parsing drops a link that is not
 * http(s) and shortens an over-long text): the booking still works, with what is there.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { demoLocations, demoPractice } from '@pxm/core/demo';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

describe('pxm-booking: a practice without its optional links and texts', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('offers the visits, with map links made from the address', async () => {
    const { website: _website, whatToBring: _whatToBring, phone: _phone, email: _email, reviewLinks: _reviewLinks, ...practice } = demoPractice;
    const locations = demoLocations.map(({ mapUrl: _mapUrl, phone: _locationPhone, ...location }) => location);
    const adapter = createMemoryAdapter({ seed: { practice, locations } });
    const el = await fixture<PxmBooking>(html`<pxm-booking time-zone="America/Denver" .adapter=${adapter}></pxm-booking>`);
    await untilStep(el, 'Book a visit');
    const maps = [...root(el).querySelectorAll<HTMLAnchorElement>('a.map-link')];
    expect(maps).to.have.length(locations.length);
    for (const link of maps) expect(new URL(link.href).protocol).to.equal('https:');
    el.location = locations[0]!.id;
    el.appointmentType = 'initial-evaluation';
    await untilStep(el, 'Pick a time');
    expect(await untilTimes(el)).not.to.have.length(0);
  });
});
