/** `mode="dialog"`, page triggers, 320 px without sideways scrolling, dark mode, nothing leaked to the page. */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';
import { field, focused, root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

describe('pxm-booking: dialog mode and layout', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(async () => {
    clock.restore();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = '';
  });

  it('opens from any [data-pxm-booking-open], traps focus, closes on Escape and returns focus', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <button type="button" id="other">Elsewhere</button>
      <a href="#book" data-pxm-booking-open data-location="phoenix-arcadia" data-appointment-type="telehealth-check-in">Book online</a>
      <pxm-booking mode="dialog" time-zone="America/Phoenix" .adapter=${createMemoryAdapter()}></pxm-booking>
    </div>`);
    const el = page.querySelector('pxm-booking')!;
    const trigger = page.querySelector<HTMLAnchorElement>('[data-pxm-booking-open]')!;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(false);
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 'dialog open');
    expect(location.hash).not.to.equal('#book', 'the trigger link does not navigate');
    expect(el.location).to.equal('phoenix-arcadia', 'the trigger prefilled the location');
    await untilStep(el, 'Pick a time');
    await untilTimes(el);
    await until(() => focused(el)?.id === 'step-title', 'focus moved into the dialog');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('step-title');
    await expectNoAxeViolations(el);

    // Tab never leaves the dialog, in either direction.
    for (let i = 0; i < 60; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el, `Tab ${i} stayed inside`);
      expect(dialog.contains(focused(el))).to.equal(true);
    }
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(dialog.contains(focused(el))).to.equal(true);
    }

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'closed by Escape');
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(trigger, 'focus is back on the opener');
  });

  it('show() and the close button; inline content is not rendered while closed', async () => {
    const opener = await fixture<HTMLButtonElement>(html`<button type="button">Open</button>`);
    const el = await fixture<PxmBooking>(html`<pxm-booking mode="dialog" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    expect(root(el).querySelector('#step-title')).to.equal(null);
    opener.focus();
    el.show();
    await untilStep(el, 'Book a visit');
    root(el).querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await until(() => !el.open, 'closed');
    expect(document.activeElement).to.equal(opener);
  });

  it('fits 320 px without sideways scrolling, in light and dark', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="Europe/London" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await untilTimes(el);
    const overflowing = () =>
      [el, ...root(el).querySelectorAll<HTMLElement>('*')].filter((node) => !node.classList.contains('visually-hidden') && node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible');
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(overflowing()).to.deep.equal([]);
    const grid = root(el).querySelector('table')!.getBoundingClientRect();
    expect(grid.right).to.be.at.most(320);
    for (const cell of root(el).querySelectorAll('td.day')) expect(cell.getBoundingClientRect().width).to.be.at.least(24, 'targets of 24 px at least');
    root(el).querySelector<HTMLElement>('[part~="time"]')!.click();
    await untilStep(el, 'Your details');
    field(el, 'I’ll use insurance').click();
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await emulateMedia({ colorScheme: 'dark' });
    const surface = () => getComputedStyle(root(el).querySelector('.base')!).backgroundColor;
    expect(surface()).to.equal('rgb(255, 255, 255)', 'a light-only page keeps the element light');
    // Elements follow the page's color-scheme: a page that supports dark gets dark.
    document.documentElement.style.colorScheme = 'light dark';
    expect(surface()).to.equal('rgb(21, 24, 28)', 'dark surface');
    await expectNoAxeViolations(el);
  });

  it('adds no style, global or body change to the host page', async () => {
    const headBefore = document.head.innerHTML;
    const bodyStyle = document.body.getAttribute('style');
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    await untilTimes(el);
    expect(document.head.innerHTML).to.equal(headBefore);
    expect(document.body.getAttribute('style')).to.equal(bodyStyle);
    expect(root(el).querySelectorAll('style, iframe, script')).to.have.length(0);
  });
});
