/**
 * Fixes from the demo review at phone width: the series list's numbers and times, a returning
 * patient not found (switch to a new patient, nothing retyped), the payment choice's message,
 * one money format, link buttons aligned with their text, and the waitlist confirmation.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_MANAGE_TOKENS } from '@pxm/core/demo';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { until } from '../test-helpers/events.js';
import { activate, button, check, field, focused, heading, root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

async function mount(width: number, attributes: string, locale = 'en'): Promise<PxmBooking> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`inline-size: ${width}px`}></div>`);
  wrapper.innerHTML = `<pxm-booking locale="${locale}" time-zone="America/Denver" ${attributes}></pxm-booking>`;
  const el = wrapper.querySelector<PxmBooking>('pxm-booking')!;
  el.adapter = createMemoryAdapter();
  await el.updateComplete;
  return el;
}

/**
 * The built-in backends book an unmatched returning patient (unverified, no oracle); another
 * backend may still answer not_found, which these tests script.
 */
function refusingReturningPatients(el: PxmBooking): void {
  const faults = createFaultyAdapter(createMemoryAdapter());
  faults.plan('booking.book', { error: 'not_found' });
  el.adapter = faults.adapter;
}

function fill(el: PxmBooking, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) {
    const input = field(el, label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Every piece of `text` matching `pattern`, as ranges over the text nodes under `scope`. */
function textRanges(scope: Node, pattern: RegExp): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}

const lines = (range: Range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;

async function proposeSeries(el: PxmBooking, days: string[], time: string): Promise<void> {
  await untilTimes(el);
  button(el, /^(Book several visits at once|Reservar varias citas)/).click();
  await until(() => root(el).querySelector('input[name="series-day"]'), 'the series form');
  for (const day of days) {
    const box = field(el, day);
    if (!box.checked) box.click();
    await el.updateComplete;
  }
  const weeks = root(el).querySelector<HTMLSelectElement>('#series-weeks')!;
  weeks.value = '6';
  weeks.dispatchEvent(new Event('change'));
  const usual = root(el).querySelector<HTMLInputElement>('#series-time')!;
  usual.value = time;
  usual.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  button(el, /^(Propose times|Proponer horarios)/).click();
  await until(() => root(el).querySelector('#plan-heading'), 'proposal');
  await el.updateComplete;
}

describe('pxm-booking: review fixes at phone width', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('series list: two-digit numbers fit, conflicts are numbered at their date, times and zones never split', async () => {
    const el = await mount(320, 'location="denver-highlands" appointment-type="follow-up" provider="ana-rivera"', 'es');
    // 06:00 is before opening: every visit is a conflict with alternatives, twelve visits in all.
    await proposeSeries(el, ['lunes', 'miércoles'], '06:00');
    const list = root(el).querySelector<HTMLOListElement>('ol.plan')!;
    const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
    expect(items.length).to.equal(12);

    // The widest marker, "12. ", fits in the list's start padding (the markers sit there).
    const probe = document.createElement('span');
    probe.style.cssText = 'position: absolute; white-space: pre';
    probe.textContent = '12. ';
    items[11]!.append(probe);
    const markerWidth = probe.getBoundingClientRect().width;
    probe.remove();
    expect(parseFloat(getComputedStyle(list).paddingInlineStart)).to.be.at.least(markerWidth);

    // A conflict's number sits beside its date: the date heads the item and names its choices.
    for (const item of items.filter((li) => li.classList.contains('conflict'))) {
      const first = item.firstElementChild!;
      expect(first.tagName).not.to.equal('FIELDSET');
      expect(first.textContent).to.match(/^(lunes|miércoles), \d+ de/);
      const group = item.querySelector('fieldset')!;
      expect(root(el).getElementById(group.getAttribute('aria-labelledby') ?? '')).to.equal(first);
    }

    // "8:00 GMT-7" is one unbroken piece, and nothing overflows at 320 px.
    const times = textRanges(list, /\d{1,2}:\d\d\s?GMT-7/g);
    expect(times.length).to.be.at.least(items.length);
    for (const range of times) {
      expect(lines(range), range.toString()).to.equal(1);
      expect(getComputedStyle(range.startContainer.parentElement!).whiteSpace).to.equal('nowrap');
    }
    const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const right = base.getBoundingClientRect().right;
    for (const label of list.querySelectorAll('label')) expect(label.getBoundingClientRect().right).to.be.at.most(right + 0.5);
  });

  it('a returning patient a backend does not find switches to a new patient in place, keeping what was typed', async () => {
    const el = await mount(375, 'location="denver-highlands" appointment-type="telehealth-check-in"');
    refusingReturningPatients(el);
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    field(el, 'Yes, I’m a returning patient').click();
    await el.updateComplete;
    fill(el, { 'Last name': 'Nobody', 'Date of birth': '1970-01-01', 'Mobile phone': '(303) 555-0142' });
    field(el, 'Self-pay').click();
    await el.updateComplete;
    button(el, 'Review booking').click();
    await untilStep(el, 'Review and confirm');
    button(el, 'Confirm booking').click();
    await untilStep(el, 'Your details');
    await until(() => focused(el)?.id === 'not-found', 'the not-found message is focused');
    expect(root(el).querySelector('#not-found')!.getAttribute('role')).to.equal('alert');
    await activate(el, 'Book as a new patient');
    await until(() => focused(el)?.id === 'firstName', 'first name, the one field left, is focused');
    expect(field(el, 'No, this is my first visit').checked).to.equal(true);
    expect(root(el).querySelector('#not-found')).to.equal(null);
    expect(field(el, 'Last name').value).to.equal('Nobody');
    expect(field(el, 'Date of birth').value).to.equal('1970-01-01');
    expect(field(el, 'Mobile phone').value).to.equal('(303) 555-0142');
  });

  it('a returning patient a backend does not find on a follow-up goes back to choose a new-patient visit, keeping what was typed', async () => {
    const el = await mount(375, 'location="denver-highlands"');
    refusingReturningPatients(el);
    await untilStep(el, 'Book a visit');
    field(el, 'Yes, I’m a returning patient').click();
    await el.updateComplete;
    root(el).querySelector<HTMLInputElement>('input[name="typeId"][value="follow-up"]')!.click();
    await el.updateComplete;
    button(el, 'See available times').click();
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    fill(el, { 'Last name': 'Nobody', 'Date of birth': '1970-01-01', Email: 'nobody@example.com' });
    field(el, 'Self-pay').click();
    await el.updateComplete;
    button(el, 'Review booking').click();
    await untilStep(el, 'Review and confirm');
    button(el, 'Confirm booking').click();
    await until(() => focused(el)?.id === 'not-found', 'the not-found message is focused');
    await activate(el, 'Book as a new patient');
    await untilStep(el, 'Book a visit');
    expect(field(el, 'No, this is my first visit').checked).to.equal(true);
    expect(root(el).querySelector('[part~="notice"]')?.textContent).to.include('What you typed is kept');
    root(el).querySelector<HTMLInputElement>('input[name="typeId"][value="initial-evaluation"]')!.click();
    await el.updateComplete;
    button(el, 'See available times').click();
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    expect(field(el, 'Last name').value).to.equal('Nobody');
    expect(field(el, 'Date of birth').value).to.equal('1970-01-01');
    expect(field(el, 'Email').value).to.equal('nobody@example.com');
  });

  for (const [locale, message] of [
    ['en', 'Choose how you will pay.'],
    ['es', 'Elija cómo va a pagar.'],
  ] as const) {
    it(`an unchosen payment option asks for a choice (${locale})`, async () => {
      const el = await mount(375, 'location="denver-highlands" appointment-type="initial-evaluation"', locale);
      (await untilTimes(el))[0]!.click();
      await until(() => root(el).querySelector('#coverage'), 'details');
      root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
      await until(() => root(el).querySelector('#coverage-error'), 'payment error');
      expect(root(el).querySelector('#coverage-error')!.textContent).to.equal(message);
    });
  }

  it('writes the fee one way everywhere, and link buttons line up with the text around them', async () => {
    const el = await mount(375, `manage-token=${DEMO_MANAGE_TOKENS.withinNotice}`);
    await untilStep(el, 'Your appointment');
    await activate(el, 'Reschedule');
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Confirm your new time');
    const text = root(el).textContent ?? '';
    expect(text).to.include('may carry a $50 fee');
    expect(text).to.include('late-change fee of $50 may apply');
    expect(text).to.include('I understand a fee of $50 may apply');
    expect(text).not.to.include('$50.00');

    const link = button(el, 'Choose another time');
    const words = document.createRange();
    words.selectNodeContents(link);
    const container = link.closest('.step-body')!.getBoundingClientRect();
    const paragraph = root(el).querySelector('.policy p')!.getBoundingClientRect();
    expect(words.getBoundingClientRect().left - container.left).to.be.lessThan(1);
    expect(Math.abs(words.getBoundingClientRect().left - paragraph.left)).to.be.lessThan(1);
    expect(link.getBoundingClientRect().height).to.be.at.least(24);
  });

  it('the waitlist confirmation says what was joined and offers a way back to the times', async () => {
    const el = await mount(375, 'location="denver-highlands" appointment-type="initial-evaluation"');
    await untilTimes(el);
    button(el, 'Join the waitlist').click();
    await untilStep(el, 'Join the waitlist');

    // Weekdays in a tidy grid: two even columns at phone width.
    const days = [...root(el).querySelectorAll('.choices.days label')].map((label) => label.getBoundingClientRect());
    expect(days).to.have.length(6);
    expect(new Set(days.map((r) => Math.round(r.left))).size).to.equal(2);
    expect(new Set(days.map((r) => Math.round(r.width))).size).to.equal(1);

    await check(el, 'Tuesday');
    await check(el, 'Thursday');
    await check(el, 'Morning');
    const provider = field<HTMLSelectElement>(el, 'Therapist');
    provider.value = 'ana-rivera';
    provider.dispatchEvent(new Event('change'));
    fill(el, { 'First name': 'Ana', 'Last name': 'Prueba', 'Date of birth': '1990-05-17', 'Mobile phone': '+1 303 555 0100', Email: 'ana@example.com' });
    button(el, 'Join the waitlist').click();
    await untilStep(el, 'You’re on the waitlist');
    const summary = root(el).querySelector('[part~="summary"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    for (const part of ['Denver Highlands', 'Initial evaluation', 'Tuesday and Thursday', 'Morning', 'Ana Rivera']) expect(summary).to.include(part);
    await activate(el, 'Back to times');
    await untilStep(el, 'Pick a time');
    expect(heading(el)).to.equal('Pick a time');
  });
});
