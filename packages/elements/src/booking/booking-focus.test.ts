/**
 * Focus a keyboard user can see: leaving a date field with Tab after typing a full date, and
 * the step headings that take focus when a step opens.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import { field, focused, root, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');

describe('pxm-booking: visible focus', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  async function toDetails(): Promise<PxmBooking> {
    const el = await fixture<PxmBooking>(
      html`<pxm-booking time-zone="America/Denver" location="denver-highlands" appointment-type="initial-evaluation" .adapter=${createMemoryAdapter()}></pxm-booking>`,
    );
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    return el;
  }

  it('one Tab after a full date of birth moves to the next field', async () => {
    const el = await toDetails();
    await typeInto(el, 'Date of birth', '1980-05-04');
    const dateOfBirth = field(el, 'Date of birth');
    expect(focused(el)).to.equal(dateOfBirth);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused(el)).to.equal(field(el, 'Mobile phone'));
  });

  it('a step heading that takes focus shows a focus indicator', async () => {
    const el = await toDetails();
    const title = root(el).querySelector<HTMLElement>('#step-title')!;
    title.focus();
    const style = getComputedStyle(title);
    expect(style.outlineStyle).not.to.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.greaterThan(0);
    expect(title.tabIndex).to.equal(-1);
  });
});
