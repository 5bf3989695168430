/** Status messages for screen readers last as long as what they describe. */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { until } from '../test-helpers/events.js';
import { activate, check, focused, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const status = (el: PxmBooking) => root(el).querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';

describe('pxm-booking: the error count does not outlive the errors', () => {
  it('clears "fields need your attention" once the fields are put right', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter({ now: () => NOW })}></pxm-booking>`);
    const times = await untilTimes(el);
    times[0]!.click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'First name', 'Ana');
    await activate(el, 'Review booking');
    await until(() => focused(el)?.getAttribute('aria-invalid') === 'true', 'first invalid field focused');
    await until(() => status(el).includes('need your attention'), 'error count announced');
    await typeInto(el, 'Last name', 'Prueba');
    await typeInto(el, 'Date of birth', '1990-05-17');
    await typeInto(el, 'Mobile phone', '+1 303 555 0100');
    await typeInto(el, 'Email', 'ana@example.com');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(status(el)).not.to.contain('need your attention');
  });
});
