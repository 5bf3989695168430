/**
 * `<pxm-booking referral-token>`: opened with a referral booking link, the element books the visit
 * type the backend chose from the referral's discipline (no visit-type question), and sends the
 * token with the booking so the visit is linked to the referral.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingConfirmedEvent } from './booking.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents } from '../test-helpers/events.js';
import { activate, check, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

/** Monday 2027-03-01, 09:00 in Denver. */
const NOW = new Date('2027-03-01T16:00:00Z');

describe('pxm-booking with a referral link', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('books the referral\'s visit type without asking for it, and links the visit to the referral', async () => {
    const adapter = createMemoryAdapter();
    const token = adapter.booking.createReferralBookingLink('initial-evaluation', 'physical-therapy');
    const el = await fixture<PxmBooking>(html`<pxm-booking locale="en" time-zone="America/Denver" referral-token=${token} .adapter=${adapter}></pxm-booking>`);
    const confirmed = recordEvents<PxmBookingConfirmedEvent>(document, 'pxm-booking-confirmed');

    await untilStep(el, 'Book a visit');
    expect(el.appointmentType).to.equal('initial-evaluation');
    const typeChoices = [...root(el).querySelectorAll('input[type="radio"]')].filter((input) => (input as HTMLInputElement).value === 'follow-up');
    expect(typeChoices, 'no visit-type question').to.have.length(0);
    await expectNoAxeViolations(el);
    await check(el, 'Denver Highlands');
    await activate(el, 'See available times');

    await untilStep(el, 'Pick a time');
    const times = await untilTimes(el);
    times[0]!.click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'First name', 'Ana');
    await typeInto(el, 'Last name', 'Prueba');
    await typeInto(el, 'Date of birth', '1958-11-30');
    await typeInto(el, 'Mobile phone', '+1 303 555 0142');
    await typeInto(el, 'Email', 'ana@example.com');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    await expectNoAxeViolations(el);

    const detail = confirmed[0]!.detail;
    expect(detail.appointmentTypeId).to.equal('initial-evaluation');
    expect(JSON.stringify(detail)).not.to.include(token);
    expect(adapter.booking.referralTokenOf(detail.appointmentId)).to.equal(token);
  });

  it('an unknown referral link fails like the catalogue does, with pxm-error', async () => {
    const adapter = createMemoryAdapter();
    const errors = recordEvents<CustomEvent<{ code: string; operation: string }>>(document, 'pxm-error');
    const el = await fixture<PxmBooking>(html`<pxm-booking locale="en" referral-token="not-a-link-token" .adapter=${adapter}></pxm-booking>`);
    await untilStep(el, /.+/).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors.map((event) => event.detail.code)).to.include('token_invalid');
  });
});
