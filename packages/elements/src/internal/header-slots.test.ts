/** A practice's own header above the intake form and the exercise program (`slot="header"`). */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN } from '@pxm/core/demo';
import '../define/pxm-intake-form.js';
import '../define/pxm-hep-viewer.js';
import { until } from '../test-helpers/events.js';

function headerSlotOf(element: Element): HTMLSlotElement | null {
  return element.shadowRoot!.querySelector<HTMLSlotElement>('header slot[name="header"]');
}

describe('header slots', () => {
  for (const [tag, token] of [
    ['pxm-intake-form', DEMO_INTAKE_TOKEN],
    ['pxm-hep-viewer', DEMO_HEP_TOKEN],
  ] as const) {
    it(`${tag}: the page’s header shows first in the element’s header`, async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const element = document.createElement(tag);
      Object.assign(element, { adapter: createMemoryAdapter(), token, locale: 'en', timeZone: 'America/Denver' });
      element.innerHTML = '<p slot="header" id="logo-line">Highlands Physical Therapy</p>';
      host.append(element);
      await until(() => headerSlotOf(element), `${tag} header`, 8_000);
      const slot = headerSlotOf(element)!;
      expect(slot.assignedElements().map((node) => node.id)).to.deep.equal(['logo-line']);
      expect(slot.parentElement!.firstElementChild).to.equal(slot, 'before the title');
      expect(element.querySelector('#logo-line')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  }
});
