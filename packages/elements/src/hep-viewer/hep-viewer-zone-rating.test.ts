import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../define/pxm-hep-viewer.js';
import '../define/pxm-provider.js';
import type { PxmHepViewer } from './hep-viewer.js';
import { until } from '../test-helpers/events.js';
import { backendWith, button, card, loaded, maybeButton, radio, testProgram } from '../test-helpers/hep.js';

// 15:00 UTC: 8:00 AM in the program's Denver, 10:00 AM in New York, 7:00 AM in Los Angeles.
const NOW = new Date('2027-03-10T15:00:00Z');
const LOGGED_AT = '2027-03-10T08:00:00-07:00';

const loggedAt = (viewer: PxmHepViewer, name: string) => card(viewer, name).querySelector('.logged-at')?.textContent?.trim();

describe('pxm-hep-viewer: times in the viewer’s time zone', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  const seeded = () => backendWith(testProgram(), [{ clientId: 'b6f1c5de-61a6-4d2b-9d3e-1a0e4c2f7a10', exerciseId: 'heel-slides', programVersion: 1, completedAt: LOGGED_AT, completedSets: 2 }]);

  it('shows "Logged at" in the element’s time-zone, naming the zone', async () => {
    const { memory, token } = seeded();
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token} locale="en-US" time-zone="America/New_York"></pxm-hep-viewer>`);
    await loaded(viewer);
    expect(loggedAt(viewer, 'Heel slides')).to.equal('Logged at 10:00 AM EST');
  });

  it('follows the provider’s time-zone, and changes when the attribute changes', async () => {
    const { memory, token } = seeded();
    const provider = await fixture(html`<pxm-provider .adapter=${memory} locale="en-US" time-zone="America/Los_Angeles"><pxm-hep-viewer token=${token}></pxm-hep-viewer></pxm-provider>`);
    const viewer = provider.querySelector('pxm-hep-viewer') as PxmHepViewer;
    await loaded(viewer);
    expect(loggedAt(viewer, 'Heel slides')).to.equal('Logged at 7:00 AM PST');
    viewer.setAttribute('time-zone', 'America/Denver');
    await viewer.updateComplete;
    // The program's own zone: named or not depending on the device, but the time is Denver's.
    expect(loggedAt(viewer, 'Heel slides')).to.match(/^Logged at 8:00 AM( MST)?$/);
  });
});

describe('pxm-hep-viewer: after a rating is saved', () => {
  it('shows "Rating saved" on the card and keeps Undo for a full window after Save', async () => {
    const { memory, token } = backendWith(testProgram());
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const quad = () => card(viewer, 'Quad sets');
      button(quad(), 'Done: Quad sets').click();
      await until(() => quad().querySelector('input[name="pain-quad-sets"]'), 'rating form');
      // The patient takes a while to choose: longer than the log's own 10-second window.
      clock.tick(12_000);
      radio(quad(), 'Pain during the exercise', '3').click();
      button(quad(), 'Save').click();
      await until(() => !quad().querySelector('.rating'), 'rating saved');
      await viewer.updateComplete;
      expect(quad().querySelector('[part~="rating-saved"]')?.textContent?.trim()).to.equal('Rating saved');
      expect(maybeButton(quad(), 'Undo: Quad sets'), 'Undo offered after Save').to.not.equal(undefined);
      clock.tick(9_000);
      await viewer.updateComplete;
      expect(maybeButton(quad(), 'Undo: Quad sets'), 'still within its window').to.not.equal(undefined);
      clock.tick(1_100);
      await viewer.updateComplete;
      expect(maybeButton(quad(), 'Undo: Quad sets'), 'gone once the window is over').to.equal(undefined);
      expect(quad().querySelector('[part~="rating-saved"]'), 'the confirmation stays').to.not.equal(null);
    } finally {
      clock.restore();
    }
  });
});
