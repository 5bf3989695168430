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

  it('leaves out a link that is not http(s) and shortens an over-long text, names each once, and books on', async () => {
    const memory = createMemoryAdapter();
    const booking = memory.booking;
    // A backend with imperfect practice data: the element must degrade per field, not fail whole.
    const adapter = {
      name: 'imperfect',
      booking: {
        ...booking,
        getPractice: async () => ({ ...(await booking.getPractice()), website: 'javascript:alert(1)', whatToBring: 'Bring your card. '.repeat(2_000) }),
        listLocations: async () => (await booking.listLocations()).map((location) => ({ ...location, mapUrl: 'data:text/html,<script>alert(1)</script>' })),
      },
    };
    const errors: Array<{ code: string; operation: string; field?: string }> = [];
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await fixture<PxmBooking>(html`<pxm-booking time-zone="America/Denver" .adapter=${adapter} @pxm-error=${(event: CustomEvent) => errors.push(event.detail)}></pxm-booking>`);
      await untilStep(el, 'Book a visit');
      const maps = [...root(el).querySelectorAll<HTMLAnchorElement>('a.map-link')];
      expect(maps.length).to.be.greaterThan(0);
      for (const link of maps) expect(new URL(link.href).protocol).to.equal('https:', 'a map link made from the address instead');
      el.location = demoLocations[0]!.id;
      el.appointmentType = 'initial-evaluation';
      await untilStep(el, 'Pick a time');
      expect(await untilTimes(el)).not.to.have.length(0);
    } finally {
      warn.restore();
    }
    const fields = errors.map((error) => `${error.operation} ${error.field}`).sort();
    expect(fields).to.include('booking.getPractice website');
    expect(fields).to.include('booking.getPractice whatToBring');
    expect(fields.filter((field) => field.startsWith('booking.listLocations')).length).to.equal(demoLocations.length);
    expect(errors.every((error) => error.code === 'server')).to.equal(true);
    expect(JSON.stringify(errors)).not.to.include('javascript:');
    expect(warn.args.flat().join(' ')).not.to.include('alert(1)');
  });
});
