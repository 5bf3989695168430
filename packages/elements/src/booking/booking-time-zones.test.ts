/**
 * Times are computed in the clinic's zone and shown with the zone named: a London patient
 * booking Denver, a week across the US DST change, and Phoenix (no DST).
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingConfirmedEvent } from './booking.events.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { button, field, root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

/** Times on a day as shown, e.g. `8:00 AM MST`. */
function timeTexts(el: PxmBooking): string[] {
  return [...root(el).querySelectorAll('[part~="time"] .time-text')].map((n) => n.textContent!.trim());
}

function hourOf(label: string): number {
  const [, h, , meridiem] = /^(\d{1,2}):(\d{2})\s?(AM|PM)/.exec(label) ?? [];
  return (Number(h) % 12) + (meridiem === 'PM' ? 12 : 0);
}

async function showDay(el: PxmBooking, date: string): Promise<string[]> {
  const cell = root(el).querySelector<HTMLElement>(`td[data-date="${date}"]`)!;
  cell.click();
  await el.updateComplete;
  await until(() => root(el).querySelector('#times-heading')?.textContent?.includes(String(Number(date.slice(8)))), `times of ${date}`);
  return timeTexts(el);
}

async function mount(zone: string, location: string, type = 'follow-up', provider = ''): Promise<PxmBooking> {
  const el = await fixture<PxmBooking>(
    html`<pxm-booking location=${location} appointment-type=${type} provider=${provider || undefined!} time-zone=${zone} .adapter=${createMemoryAdapter()}></pxm-booking>`,
  );
  await untilStep(el, 'Pick a time');
  await untilTimes(el);
  return el;
}

describe('pxm-booking: time zones', () => {
  let clock: sinon.SinonFakeTimers;
  afterEach(() => clock.restore());

  it('a patient in Europe/London booking a Denver clinic sees clinic time, named, and can switch to their own', async () => {
    clock = sinon.useFakeTimers({ now: new Date('2027-03-01T16:00:00Z'), toFake: ['Date'] });
    const el = await mount('Europe/London', 'denver-highlands', 'initial-evaluation');
    const clinic = await showDay(el, '2027-03-02');
    expect(clinic.length).to.be.greaterThan(0);
    expect(clinic.every((t) => t.endsWith('MST'))).to.equal(true, clinic.join(', '));
    expect(hourOf(clinic[0]!)).to.be.within(7, 18, 'clinic hours on the clinic clock');

    const mine = field(el, 'My time (Greenwich Mean Time)');
    mine.click();
    await el.updateComplete;
    const london = timeTexts(el);
    expect(london.every((t) => t.endsWith('GMT'))).to.equal(true, london.join(', '));
    // Denver is 7 hours behind London in early March.
    expect(hourOf(london[0]!)).to.equal(hourOf(clinic[0]!) + 7);

    const confirmed = recordEvents<PxmBookingConfirmedEvent>(el, 'pxm-booking-confirmed');
    field(el, 'Clinic time (Mountain Standard Time)').click();
    await el.updateComplete;
    root(el).querySelector<HTMLElement>('[part~="time"]')!.click();
    await untilStep(el, 'Your details');
    for (const [label, value] of [['First name', 'Jo'], ['Last name', 'Smith'], ['Date of birth', '1980-01-02'], ['Mobile phone', '+44 20 7946 0000'], ['Email', 'jo@example.co.uk']]) {
      const input = field(el, label!);
      input.value = value!;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    field(el, 'Self-pay').click();
    await el.updateComplete;
    button(el, 'Review booking').click();
    await untilStep(el, 'Review and confirm');
    const when = root(el).querySelector('.summary dd')!.textContent!;
    expect(when).to.include('MST');
    expect(when).to.include('Your time:');
    expect(when).to.include('GMT');
    button(el, 'Confirm booking').click();
    await untilStep(el, 'You’re booked');
    expect(confirmed[0]!.detail.timeZone).to.equal('America/Denver');
    expect(confirmed[0]!.detail.start).to.match(/^2027-03-02T\d\d:\d\d:00-07:00$/);
    expect(hourOf(clinic[0]!)).to.equal(Number(confirmed[0]!.detail.start.slice(11, 13)), 'the booked instant is the time shown');
  });

  it('keeps the clinic’s wall-clock hours across the US DST change, and moves them on a London clock', async () => {
    clock = sinon.useFakeTimers({ now: new Date('2027-03-05T16:00:00Z'), toFake: ['Date'] });
    const el = await mount('Europe/London', 'denver-highlands', 'follow-up', 'james-okafor');
    const before = await showDay(el, '2027-03-08');
    const after = await showDay(el, '2027-03-15');
    expect(before.every((t) => t.endsWith('MST')) && after.every((t) => t.endsWith('MDT'))).to.equal(true, `${before} / ${after}`);
    // James works 07:00-16:00 on Mondays, whatever the offset.
    for (const t of [...before, ...after]) expect(hourOf(t)).to.be.within(7, 15, t);

    field(el, 'My time (Greenwich Mean Time)').click();
    await el.updateComplete;
    const beforeLondon = await showDay(el, '2027-03-08');
    const afterLondon = await showDay(el, '2027-03-15');
    expect(hourOf(beforeLondon[0]!) - hourOf(before[0]!)).to.equal(7, 'MST is 7 hours behind GMT');
    expect(hourOf(afterLondon[0]!) - hourOf(after[0]!)).to.equal(6, 'MDT is 6 hours behind GMT (the UK changes later)');
  });

  it('Phoenix stays on MST all year; a Denver patient sees the difference only once Denver moves', async () => {
    clock = sinon.useFakeTimers({ now: new Date('2027-03-05T16:00:00Z'), toFake: ['Date'] });
    const el = await mount('America/Denver', 'phoenix-arcadia', 'follow-up', 'mei-chen');
    const before = await showDay(el, '2027-03-08');
    const after = await showDay(el, '2027-03-15');
    expect([...before, ...after].every((t) => t.endsWith('MST'))).to.equal(true, `${before} / ${after}`);
    for (const t of [...before, ...after]) expect(hourOf(t)).to.be.within(7, 14, t);

    field(el, 'My time (Mountain Standard Time)').click();
    await el.updateComplete;
    const mineBefore = await showDay(el, '2027-03-08');
    const mineAfter = await showDay(el, '2027-03-15');
    expect(mineBefore).to.deep.equal(before, 'same offset before the change');
    expect(mineAfter.every((t) => t.endsWith('MDT'))).to.equal(true);
    expect(hourOf(mineAfter[0]!) - hourOf(after[0]!)).to.equal(1);
  });

  it('a video visit defaults to the patient’s own zone', async () => {
    clock = sinon.useFakeTimers({ now: new Date('2027-03-01T16:00:00Z'), toFake: ['Date'] });
    const el = await mount('Europe/London', 'denver-highlands', 'telehealth-check-in');
    const times = await showDay(el, '2027-03-02');
    expect(times.every((t) => t.endsWith('GMT'))).to.equal(true, times.join(', '));
    expect((field(el, 'My time (Greenwich Mean Time)') as HTMLInputElement).checked).to.equal(true);
  });
});
