/**
 * Failure on purpose: the time taken between hold and confirm, a lapsed hold, a double click, an
 * adapter that never answers, a malformed reply. Each has its own message and a way forward, and
 * nothing the patient typed is lost.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter, type FaultyAdapter } from '@pxm/adapter-testkit/faults';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingConfirmedEvent } from './booking.events.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { button, field, heading, notices, root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

/** The adapter deadline `setup` gives the element: no wait of its own is longer. */
const ADAPTER_TIMEOUT_MS = 20_000;

function setup(timeout = ADAPTER_TIMEOUT_MS): Promise<{ el: PxmBooking; faults: FaultyAdapter }> {
  const faults = createFaultyAdapter(createMemoryAdapter());
  return fixture<PxmBooking>(
    html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .timeout=${timeout} .adapter=${faults.adapter}></pxm-booking>`,
  ).then((el) => ({ el, faults }));
}

function fill(el: PxmBooking, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) {
    const input = field(el, label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

const PATIENT = { 'First name': 'Ana', 'Last name': 'Prueba', 'Date of birth': '1990-05-17', 'Mobile phone': '+1 303 555 0100', Email: 'ana@example.com' };

/** Picks the first time of the selected day and fills the details; returns the picked label. */
async function toReview(el: PxmBooking): Promise<string> {
  const times = await untilTimes(el);
  const label = times[0]!.querySelector('.time-text')!.textContent!.trim();
  times[0]!.click();
  await untilStep(el, 'Your details');
  fill(el, PATIENT);
  field(el, 'Self-pay').click();
  await el.updateComplete;
  button(el, 'Review booking').click();
  await untilStep(el, 'Review and confirm');
  return label;
}

describe('pxm-booking: failures', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('slot taken between hold and confirm: back to that day’s times with a clear message, details kept', async () => {
    const { el, faults } = await setup();
    const errors = recordEvents<PxmErrorEvent>(el, 'pxm-error');
    const picked = await toReview(el);
    const day = root(el).querySelector('[aria-selected="true"]');
    expect(day).to.equal(null, 'not on the time step now');
    faults.plan('booking.book', { error: 'slot_unavailable' });
    button(el, 'Confirm booking').click();
    await untilStep(el, 'Pick a time');
    expect(notices(el)).to.include('that time was just taken');
    expect(root(el).querySelector('[part~="notice"]')?.getAttribute('role')).to.equal('alert');
    expect(errors.map((e) => e.detail)).to.deep.include({ code: 'slot_unavailable', operation: 'booking.book' });
    await untilTimes(el);
    expect(root(el).querySelector('[aria-selected="true"]')?.getAttribute('data-date')).to.equal('2027-03-01', 'the same day');
    await expectNoAxeViolations(el);
    // Nothing typed is lost: pick another time and the form is still filled.
    const other = [...root(el).querySelectorAll<HTMLElement>('[part~="time"]')].find((b) => !b.textContent!.includes(picked)) ?? root(el).querySelector<HTMLElement>('[part~="time"]')!;
    other.click();
    await untilStep(el, 'Your details');
    expect(field(el, 'First name').value).to.equal('Ana');
    expect(field(el, 'Email').value).to.equal('ana@example.com');
  });

  it('hold expired: the countdown says so, offers to hold again, and booking goes on', async () => {
    const { el } = await setup();
    await toReview(el);
    expect(root(el).querySelector('[part~="hold-timer"]')!.textContent).to.match(/\d:\d\d left/);
    clock.setSystemTime(NOW.getTime() + 11 * 60_000);
    await until(() => notices(el).includes('the hold has ended'), 'lapsed hold message', 4_000);
    expect(root(el).querySelector('[part~="hold-timer"]')!.getAttribute('role')).to.equal('alert');
    await expectNoAxeViolations(el);
    button(el, 'Hold it again').click();
    await until(() => !notices(el).includes('the hold has ended'), 'held again');
    button(el, 'Confirm booking').click();
    await untilStep(el, 'You’re booked');
  });

  it('hold expired at confirm: the time is taken again silently when still free', async () => {
    const memory = createMemoryAdapter();
    const faults = createFaultyAdapter(memory);
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${faults.adapter}></pxm-booking>`);
    await toReview(el);
    // The backend let the hold go while this device still counted (clock skew, a restart).
    await memory.booking.releaseHold(el.state.holds[0]!.id);
    button(el, 'Confirm booking').click();
    await untilStep(el, 'You’re booked');
    expect(faults.calls.filter((c) => c === 'booking.holdSlot')).to.have.length(2, 'held once more');
  });

  it('hold expired at confirm and the time taken by someone else: back to that day’s times', async () => {
    const memory = createMemoryAdapter();
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${memory}></pxm-booking>`);
    await toReview(el);
    const slot = el.state.holds[0]!.slot;
    await memory.booking.releaseHold(el.state.holds[0]!.id);
    await memory.booking.holdSlot(slot.id); // another patient
    button(el, 'Confirm booking').click();
    await untilStep(el, 'Pick a time');
    expect(notices(el)).to.include('that time was just taken');
  });

  it('keep holding: the same hold renewed keeps the booking keys; a lapsed one taken again gets new ones', async () => {
    const memory = createMemoryAdapter();
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${memory}></pxm-booking>`);
    await toReview(el);
    const keepHolding = async () => {
      // Inside the last two minutes the countdown offers to keep holding.
      clock.setSystemTime(el.state.holdDeadline - 105_000);
      await until(() => root(el).querySelector('[part~="hold-timer"] button') !== null, 'keep-holding button', 4_000);
      const renewed = el.state.holdDeadline;
      root(el).querySelector<HTMLButtonElement>('[part~="hold-timer"] button')!.click();
      await until(() => el.state.holdDeadline !== renewed, 'hold renewed', 4_000);
    };
    const first = { hold: el.state.holds[0]!.id, key: el.state.keys[0] };
    await keepHolding();
    expect(el.state.holds[0]!.id).to.equal(first.hold);
    expect(el.state.keys[0]).to.equal(first.key, 'a retried confirm is still the same booking');
    // The backend let the hold go: it is taken again under a new id, so the booking is a new one.
    await memory.booking.releaseHold(first.hold);
    await keepHolding();
    expect(el.state.holds[0]!.id).not.to.equal(first.hold);
    expect(el.state.keys[0]).not.to.equal(first.key, 'a new hold is a new booking request');
    button(el, 'Confirm booking').click();
    await untilStep(el, 'You’re booked');
  });

  it('double confirm books once', async () => {
    const { el, faults } = await setup();
    const confirmed = recordEvents<PxmBookingConfirmedEvent>(el, 'pxm-booking-confirmed');
    await toReview(el);
    faults.plan('booking.book', { delayMs: 150 });
    const confirm = button(el, 'Confirm booking');
    confirm.click();
    confirm.click();
    confirm.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await untilStep(el, 'You’re booked');
    expect(faults.calls.filter((c) => c === 'booking.book')).to.have.length(1);
    expect(confirmed).to.have.length(1);
  });

  it('a lost reply is retried with the same idempotency key: one appointment', async () => {
    const memory = createMemoryAdapter();
    const faults = createFaultyAdapter(memory);
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${faults.adapter}></pxm-booking>`);
    await toReview(el);
    faults.plan('booking.book', { dropAfter: true });
    button(el, 'Confirm booking').click();
    await until(() => notices(el).includes('could not reach'), 'network message');
    expect(heading(el)).to.equal('Review and confirm', 'the patient keeps their place');
    button(el, 'Try again').click();
    await untilStep(el, 'You’re booked');
    const mine = memory.booking.listStoredAppointments().filter((a) => !a.id.startsWith('appt-demo'));
    expect(mine).to.have.length(1);
  });

  it('adapter timeout: times say so with a retry; booking keeps the patient’s place', async () => {
    const { el, faults } = await setup(300);
    // The first month load hangs.
    faults.always('booking.findSlots', { hang: true });
    const errors = recordEvents<PxmErrorEvent>(el, 'pxm-error');
    el.location = 'phoenix-arcadia';
    await until(() => root(el).textContent!.includes('This is taking too long'), 'timeout message');
    expect(errors.some((e) => e.detail.code === 'timeout' && e.detail.operation === 'booking.findSlots')).to.equal(true);
    await expectNoAxeViolations(el);
    faults.always('booking.findSlots', undefined);
    button(el, 'Try again').click();
    await untilTimes(el);

    await toReview(el);
    faults.plan('booking.book', { hang: true });
    button(el, 'Confirm booking').click();
    await until(() => notices(el).includes('taking too long'), 'book timeout message');
    expect(heading(el)).to.equal('Review and confirm');
    button(el, 'Try again').click();
    await untilStep(el, 'You’re booked');
  });

  it('malformed slot list: an error with retry, not a blank or a crash', async () => {
    const faults = createFaultyAdapter(createMemoryAdapter());
    faults.plan('booking.findSlots', { reply: [{ id: 42, start: 'soon' }] });
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" .adapter=${faults.adapter}></pxm-booking>`);
    await until(() => root(el).querySelector('[part~="error"]'), 'error state');
    expect(root(el).querySelector('[part~="error"]')!.textContent).to.include('Something went wrong on our side');
    expect(errors.some((e) => e.detail.code === 'server' && e.detail.operation === 'booking.findSlots')).to.equal(true);
    await expectNoAxeViolations(el);
    button(el, 'Try again').click();
    await untilTimes(el);
  });

  it('malformed catalogue: an error with retry', async () => {
    const faults = createFaultyAdapter(createMemoryAdapter());
    faults.plan('booking.listLocations', { reply: { locations: 'nope' } });
    const el = await fixture<PxmBooking>(html`<pxm-booking .adapter=${faults.adapter}></pxm-booking>`);
    await until(() => root(el).querySelector('[part~="error"]'), 'error state');
    await expectNoAxeViolations(el);
    button(el, 'Try again').click();
    await untilStep(el, 'Book a visit');
  });

  it('a backend that answers not_found for a returning patient sends them back to their details, with them kept', async () => {
    const faults = createFaultyAdapter(createMemoryAdapter());
    // The built-in backends book an unmatched returning patient (unverified); another backend may still refuse.
    faults.plan('booking.book', { error: 'not_found' });
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" time-zone="America/Denver" .adapter=${faults.adapter}></pxm-booking>`);
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    fill(el, { 'Last name': 'Nobody', 'Date of birth': '1970-01-01', Email: 'no@example.com' });
    field(el, 'Self-pay').click();
    await el.updateComplete;
    button(el, 'Review booking').click();
    await untilStep(el, 'Review and confirm');
    button(el, 'Confirm booking').click();
    await untilStep(el, 'Your details');
    expect(notices(el)).to.include('could not book with these details');
    expect(field(el, 'Last name').value).to.equal('Nobody');
  });

  it('the host page can stop the booking (cancelable before-confirm) or delay it', async () => {
    const { el, faults } = await setup();
    await toReview(el);
    const stop = (event: Event) => event.preventDefault();
    el.addEventListener('pxm-booking-before-confirm', stop, { once: true });
    button(el, 'Confirm booking').click();
    await until(() => notices(el).includes('was not sent'), 'stopped message');
    expect(faults.calls).not.to.include('booking.book');
    let release!: () => void;
    el.addEventListener('pxm-booking-before-confirm', (event) => event.waitUntil(new Promise<void>((resolve) => (release = resolve))), { once: true });
    // Timers faked too: whatever the element could start before booking (nothing longer than its adapter
    // deadline) runs at once, so a call made without waiting for the host would be recorded by the check.
    clock.restore();
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    button(el, 'Confirm booking').click();
    await clock.tickAsync(ADAPTER_TIMEOUT_MS);
    expect(faults.calls).not.to.include('booking.book');
    release();
    await untilStep(el, 'You’re booked');
  });

  it('says so when no adapter is configured', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking></pxm-booking>`);
    expect(root(el).textContent).to.include('not connected');
    await expectNoAxeViolations(el);
  });
});
