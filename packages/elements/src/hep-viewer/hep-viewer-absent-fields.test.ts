/**
 * A reply whose bad optional fields were left out (a video that is not an http(s) link, a note
 * that is far too long) still shows the program: each view copes with what is absent.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../define/pxm-hep-viewer.js';
import type { PxmHepViewer } from './hep-viewer.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';
import { activity, backendWith, button, card, eventually, exercises, loaded, radio, shadow, testProgram } from '../test-helpers/hep.js';

describe('pxm-hep-viewer with optional fields absent', () => {
  it('shows an exercise without video, pictures or poster by its text, and logs it', async () => {
    const [quadSets, heelSlides] = exercises;
    // What is left once a `javascript:` video, a poster and pictures are dropped: no media but the alt text, or none at all.
    const { painGuidance: _guidance, practiceName: _name, practicePhone: _phone, ...program } = testProgram({
      exercises: [
        { ...quadSets!, media: { imageAlt: 'Sitting with the leg straight' } },
        { ...heelSlides!, media: {} },
      ],
    });
    const { memory, token } = backendWith(program);
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);

    const quad = () => card(viewer, 'Quad sets');
    expect(quad().textContent).to.contain('Tighten the front of your thigh.');
    expect(card(viewer, 'Heel slides').textContent).to.contain('Heel slides');
    expect(shadow(viewer).querySelector('video, img, [part="media"]'), 'no media box for absent media').to.equal(null);
    expect(shadow(viewer).querySelector('[part="header"]')!.textContent).not.to.contain('undefined');

    // Logging and the pain guidance work without the practice's name, phone or own guidance.
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().querySelector('.rating'), 'rating');
    radio(quad(), 'Pain during the exercise', '9').click();
    button(quad(), 'Save').click();
    await until(() => quad().querySelector('[role="alert"]'), 'pain guidance');
    const alert = quad().querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('contact the clinic');
    expect(alert.querySelector('a[href^="tel:"]'), 'no number to call').to.equal(null);
    await eventually(async () => (await activity(memory, token)).some((log) => log.pain === 9), 'rated log stored');
    await expectNoAxeViolations(viewer);
  });
});
