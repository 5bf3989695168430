/** The script-tag build's on-demand elements, inside a shadow root the page shows it (its own page: the registry is global). */
import { expect } from '@open-wc/testing';
import { defineElementsIn, defineElementsOnDemand } from './on-demand-elements.js';

describe('elements defined on demand inside a shadow root', () => {
  it('does not see a tag inside a shadow root until the page hands that root over', async () => {
    defineElementsOnDemand();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement('pxm-progress'));
    document.body.append(host);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get('pxm-progress')).to.equal(undefined);

    defineElementsIn(root);
    await customElements.whenDefined('pxm-progress');
    expect(root.querySelector('pxm-progress')?.shadowRoot).to.not.equal(null);
    host.remove();
  });
});
