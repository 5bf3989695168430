/** The script-tag build defines `<pxm-progress>` when a page first uses the tag, not before. */
import { expect } from '@open-wc/testing';
import { until } from '../test-helpers/events.js';
import { defineElementsOnDemand } from './on-demand-elements.js';

describe('elements defined on demand (script-tag build)', () => {
  it('loads <pxm-progress> only once the page puts the tag in the document', async () => {
    defineElementsOnDemand();
    // Give any eager load a chance to happen: none should.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get('pxm-progress')).to.equal(undefined);

    const later = document.createElement('div');
    document.body.append(later);
    const progress = document.createElement('pxm-progress');
    progress.setAttribute('token', 'not-a-token');
    later.append(progress);
    await until(() => customElements.get('pxm-progress') !== undefined, '<pxm-progress> defined', 10_000);
    // The element that was already there is upgraded, with the attribute it was given.
    await customElements.whenDefined('pxm-progress');
    expect((progress as HTMLElement & { token?: string }).token).to.equal('not-a-token');
    later.remove();
  });
});
