/**
 * What a new patient hit: the manage link after a reschedule, which element a `#pxm-manage=`
 * link opens, a reschedule with a way back and the right headings, and the coverage check
 * pointing to the policy holder's missing fields.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { createRestAdapter } from '@pxm/adapter-rest';
import { DEMO_MANAGE_TOKENS } from '@pxm/core/demo';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingCancelledEvent } from './booking.events.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activate, button, check, controls, field, focused, heading, notices, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const text = (el: PxmBooking) => (root(el).textContent ?? '').replace(/\s+/g, ' ');

function setHash(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

async function rescheduleToFirstTime(el: PxmBooking): Promise<void> {
  await activate(el, 'Reschedule');
  await untilStep(el, /Reschedule your visit|Pick a time/);
  (await untilTimes(el))[0]!.click();
  await untilStep(el, 'Confirm your new time');
  await activate(el, 'Confirm new time');
  await untilStep(el, 'Your visit has moved');
}

describe('pxm-booking: a new patient’s first visit', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    clock.restore();
    setHash('');
  });

  it('after a reschedule, "Reschedule or cancel" opens the moved visit (same token, no hash change)', async () => {
    setHash(`#pxm-manage=${encodeURIComponent(DEMO_MANAGE_TOKENS.upcoming)}`);
    const el = await fixture<PxmBooking>(html`<pxm-booking time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await untilStep(el, 'Your appointment');
    await rescheduleToFirstTime(el);
    const moved = text(el);
    button(el, 'Reschedule or cancel').click();
    await untilStep(el, 'Your appointment');
    // The visit shown is the moved one: its time is the one the confirmation showed.
    const when = root(el).querySelector('[part~="summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(when).not.to.equal('');
    expect(moved).to.include(when.slice(0, 20));
    expect(controls(el, 'Reschedule')).not.to.have.length(0);
  });

  it('a #pxm-manage= link opens in the first inline element only; the dialog still books', async () => {
    setHash(`#pxm-manage=${encodeURIComponent(DEMO_MANAGE_TOKENS.upcoming)}`);
    const adapter = createMemoryAdapter();
    const page = await fixture<HTMLElement>(html`<div>
      <a href="#book" data-pxm-booking-open data-location="phoenix-arcadia" data-appointment-type="telehealth-check-in">Book in Phoenix</a>
      <pxm-booking mode="dialog" time-zone="America/Phoenix" .adapter=${adapter}></pxm-booking>
      <pxm-booking id="first" time-zone="America/Denver" .adapter=${adapter}></pxm-booking>
      <pxm-booking id="second" time-zone="America/Denver" .adapter=${adapter}></pxm-booking>
    </div>`);
    const [dialog, first, second] = [...page.querySelectorAll('pxm-booking')] as PxmBooking[];
    await untilStep(first!, 'Your appointment');
    await untilStep(second!, /Book a visit|Pick a time/);
    page.querySelector<HTMLAnchorElement>('[data-pxm-booking-open]')!.click();
    await until(() => root(dialog!).querySelector('dialog')!.open, 'dialog open');
    await untilStep(dialog!, 'Pick a time');
    expect(heading(dialog!)).not.to.equal('Your appointment');
  });

  it('every element showing a visit stays current: a move or a cancel elsewhere is shown, never cancelled twice', async () => {
    const adapter = createMemoryAdapter();
    const page = await fixture<HTMLElement>(html`<div>
      <pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} time-zone="America/Denver" .adapter=${adapter}></pxm-booking>
      <pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} time-zone="America/Denver" .adapter=${adapter}></pxm-booking>
    </div>`);
    const [one, two] = [...page.querySelectorAll('pxm-booking')] as PxmBooking[];
    const cancelled = recordEvents<PxmBookingCancelledEvent>(page, 'pxm-booking-cancelled');
    await untilStep(one!, 'Your appointment');
    await untilStep(two!, 'Your appointment');
    const before = text(two!);
    await rescheduleToFirstTime(one!);
    await until(() => text(two!) !== before && heading(two!) === 'Your appointment', 'the other element shows the moved visit');

    await activate(two!, 'Cancel appointment');
    await untilStep(two!, 'Cancel your appointment');
    // The moved visit may sit inside the notice window: the fee is acknowledged if asked.
    root(two!).querySelector<HTMLInputElement>('input[name="ack"]')?.click();
    await two!.updateComplete;
    controls(two!, 'Cancel appointment').at(-1)!.click();
    await untilStep(two!, 'Your visit is cancelled');
    // The first element, on its confirmation, now shows the visit as cancelled: nothing to cancel again.
    await until(() => heading(one!) === 'Your appointment' && notices(one!).includes('was cancelled'), 'the first element shows the cancellation');
    expect(controls(one!, 'Cancel appointment')).to.have.length(0);
    expect(cancelled).to.have.length(1);
  });

  it('a reschedule says what it is, offers no waitlist, and can be left keeping the visit', async () => {
    const faults = createFaultyAdapter(createMemoryAdapter());
    const el = await fixture<PxmBooking>(html`<pxm-booking manage-token=${DEMO_MANAGE_TOKENS.upcoming} time-zone="America/Denver" .adapter=${faults.adapter}></pxm-booking>`);
    await untilStep(el, 'Your appointment');
    await activate(el, 'Reschedule');
    await untilStep(el, 'Reschedule your visit');
    await untilTimes(el);
    expect(controls(el, 'Join the waitlist')).to.have.length(0);
    expect(controls(el, 'Book several visits at once')).to.have.length(0);
    await activate(el, 'Change');
    await untilStep(el, 'Reschedule your visit');
    await activate(el, 'Keep my current appointment');
    await untilStep(el, 'Your appointment');

    await activate(el, 'Reschedule');
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Confirm your new time');
    await activate(el, 'Keep my current appointment');
    await untilStep(el, 'Your appointment');
    expect(faults.calls).to.include('booking.releaseHold');
    expect(faults.calls).not.to.include('booking.rescheduleAppointment');
  });

  it('"Check my coverage" with the policy holder’s name and birth date empty points to those fields', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    await check(el, 'I’ll use insurance');
    const fill = (label: string, value: string) => {
      const input = field(el, label);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    fill('Insurance company', 'Aetna');
    fill('Member ID', 'W123456789');
    const relationship = field<HTMLSelectElement>(el, 'Your relationship to the policy holder');
    if (relationship instanceof HTMLSelectElement) {
      relationship.value = 'spouse';
      relationship.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else await check(el, 'Spouse or partner');
    await el.updateComplete;
    await activate(el, 'Check my coverage');
    await until(() => field(el, 'Policy holder’s full name').getAttribute('aria-invalid') === 'true', 'the holder’s name marked');
    expect(field(el, 'Policy holder’s date of birth').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).not.to.include('We could not check your coverage right now');
    await until(() => focused(el) === field(el, 'Policy holder’s full name'), 'focus on the first missing field');
  });

  it('booking the next available time inside the notice window warns first, then the visit can be moved free of charge at once', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await untilTimes(el);
    await activate(el, /^Next available/);
    await until(() => focused(el)?.matches('[part~="time"]'), 'the next available time focused');
    (focused(el) as HTMLElement).click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'Last name', 'García');
    await typeInto(el, 'Date of birth', '1985-04-12');
    await typeInto(el, 'Mobile phone', '(303) 555-0199');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    expect(notices(el)).to.include('less than 24 hours away').and.include('free of charge for 15 minutes after booking').and.include('$50');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    clock.tick(5 * 60_000);
    button(el, 'Reschedule or cancel').click();
    await untilStep(el, 'Your appointment');
    expect(notices(el)).not.to.include('may carry a fee');
    await rescheduleToFirstTime(el);
  });

  for (const [locale, w] of [
    ['en', { join: 'Join the waitlist', sms: 'Text me when a time opens', opens: 'when a time opens for Initial evaluation (Denver Highlands)', not: 'appointment reminders to' }],
    ['es', { join: 'Unirse a la lista de espera', sms: 'Enviarme un mensaje cuando se libere un horario', opens: 'cuando se libere un horario para Initial evaluation (Denver Highlands)', not: 'recordatorios de citas al' }],
  ] as const) {
    it(`the waitlist says it will tell them when a time opens, for which visit and clinic (${locale})`, async () => {
      const el = await fixture<PxmBooking>(html`<pxm-booking locale=${locale} location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
      await untilTimes(el);
      button(el, w.join).click();
      await until(() => root(el).querySelector('#consent-text'), 'the waitlist form');
      const consent = root(el).querySelector('#consent-text')!.textContent!;
      expect(consent).to.include(w.opens);
      expect(consent).to.include('Cedar Ridge');
      expect(consent).not.to.include(w.not);
      expect(field(el, w.sms).type).to.equal('checkbox');
      const context = root(el).querySelector('.context')!.textContent!;
      expect(context).to.include('Denver Highlands');
    });
  }

  it('a server that refuses this page’s origin (CORS) is "could not reach", not "offline"; offline only when the browser is', async () => {
    // The same test server under its other host name: another origin, which sends no CORS headers.
    const other = new URL(location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const adapter = createRestAdapter({ baseUrl: `${other.origin}/pxm`, retry: false });
    const el = await fixture<PxmBooking>(html`<pxm-booking time-zone="America/Denver" .adapter=${adapter}></pxm-booking>`);
    const errors = recordEvents<PxmErrorEvent>(el, 'pxm-error');
    await until(() => root(el).querySelector('[part~="error"]'), 'the failure state', 15_000);
    expect(text(el)).to.include('We could not reach the practice’s online service');
    expect(text(el)).not.to.include('offline');
    expect(errors.map((e) => e.detail.code)).to.include('network');

    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      button(el, 'Try again').click();
      await until(() => text(el).includes('You seem to be offline'), 'offline said when the browser is offline', 15_000);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('the confirmation has a success mark and the manage link as a button with "Copy link", not a one-item list', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'Last name', 'García');
    await typeInto(el, 'Date of birth', '1985-04-12');
    await typeInto(el, 'Mobile phone', '(303) 555-0199');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    const mark = root(el).querySelector('#step-title [part~="success-mark"]');
    expect(mark, 'a success mark beside the heading').not.to.equal(null);
    expect(mark!.getAttribute('aria-hidden')).to.equal('true');
    const link = root(el).querySelector<HTMLAnchorElement>('[part~="manage-link"]')!;
    expect(link.closest('li'), 'one link is not a bullet list').to.equal(null);
    const writes: string[] = [];
    const stub = sinon.stub(navigator.clipboard, 'writeText').callsFake(async (value: string) => void writes.push(value));
    try {
      await activate(el, 'Copy link');
      await until(() => button(el, 'Link copied'), 'the button says the link was copied');
      expect(writes).to.deep.equal([link.href]);
    } finally {
      stub.restore();
    }
  });

  it('the per-tag import alone defines <pxm-provider>, and a booking inside one is connected', async () => {
    // This file imports only '../define/pxm-booking.js', as getting-started's §2 does.
    expect(customElements.get('pxm-provider'), '<pxm-provider> is defined').not.to.equal(undefined);
    const page = await fixture<HTMLElement>(html`<pxm-provider time-zone="America/Denver" .adapter=${createMemoryAdapter()}><pxm-booking></pxm-booking></pxm-provider>`);
    const el = page.querySelector('pxm-booking')!;
    await untilStep(el, 'Book a visit');
  });
});
