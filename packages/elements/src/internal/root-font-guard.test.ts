import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { ProbeElement } from '../test-helpers/probe-element.js';
import '../test-helpers/probe-element.js';
import { button, untilTimes } from '../test-helpers/booking-harness.js';
import type { PxmBooking } from '../booking/booking.js';
import type { PxmProvider } from '../provider/provider.js';
import '../define/pxm-booking.js';
import '../define/pxm-provider.js';

/** Rendered height of the probe's one line of text: line height 1.5 of its font size. */
const lineHeight = (probe: ProbeElement) => probe.shadowRoot!.querySelector('p')!.getBoundingClientRect().height;

describe('a page that changes its root font size', () => {
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('does not shrink an element when the root is 62.5% (a common theme trick)', async () => {
    const normal = lineHeight(await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`));
    expect(normal).to.be.closeTo(24, 1, '16 px text on a default page');
    document.documentElement.style.fontSize = '62.5%';
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
    expect(lineHeight(probe)).to.be.closeTo(normal, 0.5);
  });

  it('keeps 44 px targets in a real element on a 10 px root', async () => {
    document.documentElement.style.fontSize = '10px';
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    const [time] = await untilTimes(el);
    expect(time!.getBoundingClientRect().height).to.be.at.least(44);
    expect(button(el, /^Next available/).getBoundingClientRect().height).to.be.at.least(44);
    expect(el.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth, 'still fits its container');
  });

  it('keeps the booking dialog inside a phone screen', async () => {
    document.documentElement.style.fontSize = '62.5%';
    await setViewport({ width: 375, height: 700 });
    const el = await fixture<PxmBooking>(html`<pxm-booking mode="dialog" location="denver-highlands" appointment-type="initial-evaluation" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    el.open = true;
    const [time] = await untilTimes(el);
    const dialog = el.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
    expect(dialog.left).to.be.at.least(0);
    expect(dialog.right).to.be.at.most(375);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    expect(time!.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('waits until an element inside a provider is rendered before measuring', async () => {
    for (const rootSize of ['', '62.5%']) {
      document.documentElement.style.fontSize = rootSize;
      // Created and connected in one go, as a page's markup is: the provider has no slot yet.
      const host = await fixture<HTMLElement>(html`<div></div>`);
      host.innerHTML = '<pxm-provider><pxm-test-probe></pxm-test-probe></pxm-provider>';
      const probe = host.querySelector<ProbeElement>('pxm-test-probe')!;
      await probe.updateComplete;
      await host.querySelector<PxmProvider>('pxm-provider')!.updateComplete;
      expect(probe.style.getPropertyValue('--_zoom')).to.equal(rootSize ? '1.6000' : '', `root ${rootSize || 'default'}`);
      expect(lineHeight(probe)).to.be.closeTo(24, 1);
    }
  });

  it('leaves a larger root alone: bigger text is the page’s choice', async () => {
    document.documentElement.style.fontSize = '20px';
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
    expect(lineHeight(probe)).to.be.closeTo(30, 1);
    expect(probe.style.zoom).to.equal('');
  });

  it('respects a size the page set with --pxm-font-size', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe style="--pxm-font-size: 12px"></pxm-test-probe>`);
    expect(lineHeight(probe)).to.be.closeTo(18, 1);
    expect(probe.style.zoom).to.equal('');
  });

  it('follows a root size the page sets after the element connected, both ways', async () => {
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
    expect(lineHeight(probe)).to.be.closeTo(24, 1);
    document.documentElement.style.fontSize = '10px';
    await until(() => Math.abs(lineHeight(probe) - 24) < 1 && probe.style.getPropertyValue('--_zoom') === '1.6000');
    document.documentElement.style.fontSize = '';
    await until(() => probe.style.getPropertyValue('--_zoom') === '');
    expect(lineHeight(probe)).to.be.closeTo(24, 1);
  });

  it('holds against a page stylesheet that unsets everything with !important', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = 'pxm-test-probe { all: unset !important; zoom: 1 !important; }';
    document.head.append(sheet);
    try {
      document.documentElement.style.fontSize = '62.5%';
      const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
      expect(getComputedStyle(probe).zoom).to.equal('1.6');
      expect(lineHeight(probe)).to.be.closeTo(24, 1);
    } finally {
      sheet.remove();
    }
  });
});

/** Waits (up to 2 s) for a layout change the guard makes after a ResizeObserver callback. */
async function until(done: () => boolean): Promise<void> {
  for (let tries = 0; tries < 40 && !done(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(done(), 'the guard followed the new root size').to.equal(true);
}

