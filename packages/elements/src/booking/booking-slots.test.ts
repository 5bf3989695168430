/** The practice's own content in `<pxm-booking>`: a header above the steps, next steps on the confirmation. */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { activate, check, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const slotted = (el: PxmBooking, name: string) => root(el).querySelector<HTMLSlotElement>(`slot[name="${name}"]`)?.assignedElements() ?? [];

describe('<pxm-booking> slots', () => {
  it('shows the page’s header above the step heading, and its next steps on the confirmation', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" time-zone="America/Denver" .adapter=${createMemoryAdapter()}>
      <p slot="header" id="intro">Book online in two minutes.</p>
      <p slot="next-steps" id="parking">Park behind the building.</p>
    </pxm-booking>`);
    const times = await untilTimes(el);
    expect(slotted(el, 'header').map((node) => node.id)).to.deep.equal(['intro']);
    const headerSlot = root(el).querySelector('slot[name="header"]')!;
    expect(headerSlot.compareDocumentPosition(root(el).querySelector('h2')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0, 'the header comes first');
    expect(el.querySelector('#intro')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(slotted(el, 'next-steps')).to.deep.equal([], 'next steps wait for the confirmation');

    times[0]!.click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'Last name', 'García');
    await typeInto(el, 'Date of birth', '1985-04-12');
    await typeInto(el, 'Mobile phone', '(303) 555-0199');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    expect(slotted(el, 'next-steps').map((node) => node.id)).to.deep.equal(['parking']);
    expect(el.querySelector('#parking')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});
