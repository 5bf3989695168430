import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../test-helpers/probe-element.js';
import { until } from '../test-helpers/events.js';

// This file must not import the provider's define entry before the test runs.
describe('pxm-provider defined after its descendants', () => {
  it('still reaches elements that upgraded first', async () => {
    expect(customElements.get('pxm-provider')).to.equal(undefined);
    const host = await fixture(html`<div><pxm-provider locale="es"><pxm-test-probe></pxm-test-probe></pxm-provider></div>`);
    const probe = host.querySelector('pxm-test-probe')!;
    const adapterName = () => probe.shadowRoot?.querySelector('[data-adapter]')?.textContent;
    expect(adapterName()).to.equal('none');
    const provider = host.querySelector('pxm-provider') as HTMLElement & { adapter?: unknown };
    provider.adapter = createMemoryAdapter();
    await import('../define/pxm-provider.js');
    await until(() => adapterName() === 'memory', 'the probe receives the provider adapter');
    expect(probe.shadowRoot?.querySelector('[data-locale]')?.textContent).to.equal('es');
  });
});
