/**
 * Manage mode (reschedule holding the new time first, cancel with the fee acknowledged, a
 * cancelled or past visit opened again), the waitlist, and plan-of-care series.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_MANAGE_TOKENS } from '@pxm/core/demo';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type {
  PxmBookingAttendanceConfirmedEvent,
  PxmBookingCancelledEvent,
  PxmBookingConfirmedEvent,
  PxmBookingRescheduledEvent,
  PxmWaitlistJoinedEvent,
} from './booking.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activate, button, check, field, focused, notices, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

function fill(el: PxmBooking, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) {
    const input = field(el, label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

describe('pxm-booking: manage, waitlist, series', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('reschedules: the new time is held, then booked, then the old one released', async () => {
    const memory = createMemoryAdapter();
    const faults = createFaultyAdapter(memory);
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} time-zone="America/Denver" .adapter=${faults.adapter}></pxm-booking>`);
    const moved = recordEvents<PxmBookingRescheduledEvent>(el, 'pxm-booking-rescheduled');
    await untilStep(el, 'Your appointment');
    expect(root(el).textContent).to.include('Follow-up visit');
    expect(root(el).textContent).to.include('Ana Rivera');
    await expectNoAxeViolations(el);
    await activate(el, 'Reschedule');
    await untilStep(el, 'Reschedule your visit');
    const times = await untilTimes(el);
    times[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await untilStep(el, 'Confirm your new time');
    expect(root(el).querySelector('del')).not.to.equal(null, 'the old time is shown struck through');
    await expectNoAxeViolations(el);
    await activate(el, 'Confirm new time');
    await untilStep(el, 'Your visit has moved');
    const order = faults.calls.filter((c) => c === 'booking.holdSlot' || c === 'booking.rescheduleAppointment');
    expect(order).to.deep.equal(['booking.holdSlot', 'booking.rescheduleAppointment']);
    expect(moved).to.have.length(1);
    expect(moved[0]!.detail.previousAppointmentId).to.equal('appt-demo-upcoming');
    const stored = memory.booking.listStoredAppointments();
    expect(stored.find((a) => a.id === 'appt-demo-upcoming')!.status).to.equal('cancelled');
    expect(stored.find((a) => a.id === moved[0]!.detail.appointmentId)!.status).to.equal('booked');
    await expectNoAxeViolations(el);
  });

  it("I'll be there: confirms the visit once, says so where the button was, and tells the page", async () => {
    const memory = createMemoryAdapter();
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} .adapter=${memory}></pxm-booking>`);
    const attending = recordEvents<PxmBookingAttendanceConfirmedEvent>(el, 'pxm-booking-attendance-confirmed');
    await untilStep(el, 'Your appointment');
    const attend = button(el, 'I’ll be there');
    expect(attend.classList.contains('primary')).to.equal(true, 'the lead action from a reminder');
    expect(button(el, 'Reschedule').classList.contains('primary')).to.equal(false);
    await expectNoAxeViolations(el);
    await activate(el, 'I’ll be there');
    await until(() => notices(el).includes('you told us you will be there'), 'the confirmation notice');
    await el.updateComplete;
    expect(focused(el)?.textContent).to.include('you told us you will be there');
    expect(() => button(el, 'I’ll be there')).to.throw();
    expect(attending.map((event) => event.detail.appointmentId)).to.deep.equal(['appt-demo-upcoming']);
    expect(Object.keys(attending[0]!.detail).sort()).to.deep.equal(['appointmentId', 'appointmentTypeId', 'end', 'locationId', 'providerId', 'start', 'timeZone']);
    expect(memory.booking.listStoredAppointments().find((a) => a.id === 'appt-demo-upcoming')!.confirmedAt).to.be.a('string');
    await expectNoAxeViolations(el);
  });

  it("offers no I'll be there when the backend cannot record it", async () => {
    const memory = createMemoryAdapter();
    const { confirmAppointment: _left, ...withoutConfirm } = memory.booking;
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} .adapter=${{ ...memory, booking: withoutConfirm }}></pxm-booking>`);
    await untilStep(el, 'Your appointment');
    expect(() => button(el, 'I’ll be there')).to.throw();
    expect(button(el, 'Reschedule').classList.contains('primary')).to.equal(true);
  });

  it('cancels inside the notice window only once the fee is acknowledged', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.withinNotice} .adapter=${createMemoryAdapter()}></pxm-booking>`);
    const cancelled = recordEvents<PxmBookingCancelledEvent>(el, 'pxm-booking-cancelled');
    await untilStep(el, 'Your appointment');
    expect(notices(el)).to.include('less than 24 hours away');
    await activate(el, 'Cancel appointment');
    await untilStep(el, 'Cancel your appointment');
    expect(root(el).textContent).to.include('$50 may apply').and.not.include('$50.00');
    await check(el, 'Schedule conflict');
    await typeInto(el, 'Anything else we should know?', 'Work trip');
    await expectNoAxeViolations(el);
    // The last "Cancel appointment" on the page is the confirming one.
    const confirm = root(el).querySelector<HTMLElement>('[part~="cancel-button"]')!;
    confirm.click();
    await until(() => root(el).querySelector('#ack-error'), 'fee acknowledgement required');
    await until(() => focused(el)?.getAttribute('name') === 'ack', 'the checkbox is focused');
    await expectNoAxeViolations(el);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    confirm.click();
    await untilStep(el, 'Your visit is cancelled');
    expect(cancelled).to.have.length(1);
    expect(cancelled[0]!.detail.withinNoticeWindow).to.equal(true);
    expect(JSON.stringify(cancelled[0]!.detail)).not.to.include('Work trip');
  });

  it('a cancelled appointment opened again says so', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.cancelled} .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await untilStep(el, 'Your appointment');
    expect(notices(el)).to.match(/This appointment was cancelled on February 28, 2027/);
    expect(() => button(el, 'Reschedule')).to.throw();
    await expectNoAxeViolations(el);
    button(el, 'Book a new visit').click();
    await untilStep(el, 'Book a visit');
  });

  it('an expired manage link and an unknown one each have their own message', async () => {
    const past = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.past} .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await until(() => root(past).querySelector('[part~="error"]'), 'error');
    expect(root(past).textContent).to.include('the visit has already taken place');
    await expectNoAxeViolations(past);
    const unknown = await fixture<PxmBooking>(html`<pxm-booking manage-token="not-a-real-token-000" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await until(() => root(unknown).querySelector('[part~="error"]'), 'error');
    expect(root(unknown).textContent).to.include('This link is not valid');
    expect(() => button(unknown, 'Try again')).to.throw('No button', 'retrying cannot fix a bad link');
  });

  it('joins the waitlist with preferred days, times of day and provider', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    const joined = recordEvents<PxmWaitlistJoinedEvent>(el, 'pxm-waitlist-joined');
    await untilTimes(el);
    await activate(el, 'Join the waitlist');
    await untilStep(el, 'Join the waitlist');
    button(el, 'Join the waitlist').click();
    await until(() => root(el).querySelector('#waitlist-error'), 'preferences required');
    await check(el, 'Tuesday');
    await check(el, 'Morning');
    const provider = field<HTMLSelectElement>(el, 'Therapist');
    provider.value = 'ana-rivera';
    provider.dispatchEvent(new Event('change'));
    fill(el, { 'First name': 'Ana', 'Last name': 'Prueba', 'Date of birth': '1990-05-17', 'Mobile phone': '+1 303 555 0100', Email: 'ana@example.com' });
    await check(el, 'Email me when a time opens');
    await expectNoAxeViolations(el);
    button(el, 'Join the waitlist').click();
    await untilStep(el, 'You’re on the waitlist');
    expect(joined).to.have.length(1);
    expect(joined[0]!.detail).to.include({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', providerId: 'ana-rivera' });
    await expectNoAxeViolations(el);
  });

  it('books a plan-of-care series: proposes times, shows conflicts with alternatives, books what is accepted', async () => {
    const memory = createMemoryAdapter();
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" provider="ana-rivera" time-zone="America/Denver" .adapter=${memory}></pxm-booking>`);
    const confirmed = recordEvents<PxmBookingConfirmedEvent>(el, 'pxm-booking-confirmed');
    await untilTimes(el);
    await activate(el, 'Book several visits at once');
    await untilStep(el, 'Book a series of visits');
    await check(el, 'Monday');
    await check(el, 'Wednesday');
    const weeks = field<HTMLSelectElement>(el, 'For how long');
    weeks.value = '3';
    weeks.dispatchEvent(new Event('change'));
    const time = field(el, 'Usual time');
    time.value = '10:00';
    time.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await activate(el, 'Propose times');
    await until(() => root(el).querySelector('#plan-heading'), 'proposal');
    const visits = [...root(el).querySelectorAll('.plan-visit')];
    expect(visits.length).to.be.within(5, 6, 'Mondays and Wednesdays for three weeks');
    const conflicts = root(el).querySelectorAll('.plan-visit.conflict');
    // Accept the first alternative of every conflict (the demo calendar is 40 % booked).
    for (const conflict of conflicts) conflict.querySelector<HTMLInputElement>('input[type=radio]')?.click();
    await el.updateComplete;
    await expectNoAxeViolations(el);
    const accepted = Number(/\d+/.exec(button(el, 'Continue with').textContent!)![0]);
    expect(accepted).to.be.greaterThan(1);
    button(el, 'Continue with').click();
    await untilStep(el, 'Your details');
    fill(el, { 'Last name': 'García', 'Date of birth': '1985-04-12', Email: 'maria.garcia@example.com' });
    field(el, 'Self-pay').click();
    await el.updateComplete;
    button(el, 'Review booking').click();
    await untilStep(el, 'Review and confirm');
    expect(root(el).querySelectorAll('.visit-list li')).to.have.length(accepted);
    button(el, 'Confirm all visits').click();
    await untilStep(el, 'You’re booked');
    expect(confirmed).to.have.length(accepted);
    expect(new Set(confirmed.map((e) => e.detail.seriesId)).size).to.equal(1);
    expect(new Set(confirmed.map((e) => e.detail.appointmentId)).size).to.equal(accepted);
    expect(root(el).querySelectorAll('[part~="manage-link"]')).to.have.length(accepted);
    await expectNoAxeViolations(el);
  });
});
