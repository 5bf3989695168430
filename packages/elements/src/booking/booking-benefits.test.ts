/**
 * What the coverage check shows a patient, through the demo payer's documented member ids: the
 * estimated cost and the visits left (each as of its time, in the clinic's zone), prior
 * authorization, a provider that is down (booking proceeds), the self-pay price, and a series
 * that stops at the covered count unless the patient agrees to self-pay the rest.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_BENEFITS_MEMBER_IDS } from '@pxm/core/booking';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingConfirmedEvent } from './booking.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activate, button, check, field, root, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

/** Monday 2027-03-01, 09:00 in Denver (the clinic); the device's own zone never shows. */
const NOW = new Date('2027-03-01T16:00:00Z');
const text = (el: PxmBooking) => (root(el).textContent ?? '').replace(/\s+/g, ' ');

function fill(el: PxmBooking, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) {
    const input = field(el, label);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** The coverage result's rows, term to value, as a screen reader reads the description list. */
function benefitRows(el: PxmBooking): Record<string, string> {
  const rows = [...root(el).querySelectorAll('[part~="eligibility"] dl > div')];
  return Object.fromEntries(rows.map((row) => [row.querySelector('dt')!.textContent!.trim(), (row.querySelector('dd') as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]));
}

/** A single first visit, at the first time shown, by a patient whose zone is not the clinic's. */
async function toDetails(el: PxmBooking): Promise<void> {
  (await untilTimes(el))[0]!.click();
  await untilStep(el, 'Your details');
  fill(el, { 'First name': 'Ana', 'Last name': 'Prueba', 'Date of birth': '1990-05-17', 'Mobile phone': '+1 303 555 0100', Email: 'ana@example.com' });
  field(el, 'I’ll use insurance').click();
  await el.updateComplete;
}

async function checkCoverage(el: PxmBooking, memberId: string): Promise<void> {
  fill(el, { 'Insurance company': 'Aetna', 'Member ID': memberId });
  await el.updateComplete;
  await activate(el, 'Check my coverage');
  await until(() => root(el).querySelector('[part~="eligibility"]'), 'the coverage result');
}

function single(attributes: { benefits?: string } = {}): Promise<PxmBooking> {
  return fixture<PxmBooking>(
    html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="Pacific/Auckland" benefits=${attributes.benefits ?? 'status cost visits prior-auth'} .adapter=${createMemoryAdapter()}></pxm-booking>`,
  );
}

describe('pxm-booking: benefits after the coverage check', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('shows the estimated cost and the visits left (shared pool), each as of the check in the clinic’s zone, as an estimate', async () => {
    const el = await single();
    await toDetails(el);
    await checkCoverage(el, DEMO_BENEFITS_MEMBER_IDS.sharedPool);
    const rows = benefitRows(el);
    expect(rows['Coverage']).to.match(/^Active As of March 1, 2027(,| at) 9:00 AM MST$/);
    expect(rows['Estimated cost of this visit']).to.match(/^\$25 copay As of March 1, 2027(,| at) 9:00 AM MST$/);
    expect(rows['Visits left this year']).to.match(/^3 visits Shared with occupational therapy and speech therapy As of March 1, 2027/);
    // The patient's zone (Auckland, a day ahead) never dates what the payer said.
    expect(text(el)).not.to.include('March 2, 2027');
    expect(text(el)).to.include('This is an estimate, not a guarantee.');
    expect(root(el).querySelector('[part~="eligibility"] [role="status"]')!.textContent!.trim()).to.equal('Your coverage is active.');
    await expectNoAxeViolations(el);
    // The review repeats it, beside the payment.
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    expect(benefitRows(el)['Visits left this year']).to.match(/^3 visits/);
    await expectNoAxeViolations(el);
  });

  it('coinsurance with the deductible not met: the estimate and what is left of the deductible; unreported visits are unknown', async () => {
    const el = await single();
    await toDetails(el);
    await checkCoverage(el, DEMO_BENEFITS_MEMBER_IDS.coinsurance);
    const rows = benefitRows(el);
    expect(rows['Estimated cost of this visit']).to.match(/^About \$120, until your deductible is met Deductible left to meet: \$400 As of/);
    expect(rows['Visits left this year']).to.match(/^Unknown: your insurer did not say As of/);
  });

  it('prior authorization: "the clinic will request it"; the page shows only the parts it chose', async () => {
    const el = await single({ benefits: 'status prior-auth' });
    await toDetails(el);
    await checkCoverage(el, DEMO_BENEFITS_MEMBER_IDS.priorAuthorization);
    const rows = benefitRows(el);
    expect(Object.keys(rows)).to.deep.equal(['Coverage', 'Prior authorization']);
    expect(rows['Prior authorization']).to.match(/^Prior authorization needed: the clinic will request it\. As of/);
    expect(text(el)).not.to.include('$40');
    await expectNoAxeViolations(el);
  });

  it('a payer that does not answer: booking proceeds with "we’ll confirm your coverage"; events carry no member id or amount', async () => {
    const el = await single();
    const confirmed = recordEvents<PxmBookingConfirmedEvent>(el, 'pxm-booking-confirmed');
    await toDetails(el);
    await checkCoverage(el, DEMO_BENEFITS_MEMBER_IDS.providerDown);
    expect(root(el).querySelector('[part~="eligibility"]')!.textContent!.trim()).to.equal('We’ll confirm your coverage before your visit. You can book now.');
    expect(benefitRows(el)).to.deep.equal({});
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    expect(text(el)).to.include('We’ll confirm your coverage before your visit.');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    expect(text(el)).to.include('We’ll confirm your coverage before your visit.');
    expect(confirmed).to.have.length(1);
    const detail = JSON.stringify(confirmed[0]!.detail);
    expect(detail).not.to.include(DEMO_BENEFITS_MEMBER_IDS.providerDown);
    expect(detail).not.to.match(/amount|copay|price|12000|\$/i);
    await expectNoAxeViolations(el);
  });

  it('in Spanish: the visits left and the estimate’s caveat', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking locale="es" location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Sus datos');
    fill(el, { Nombre: 'Ana', Apellido: 'Prueba', 'Fecha de nacimiento': '1990-05-17', 'Teléfono celular': '+1 303 555 0100', 'Correo electrónico': 'ana@example.com' });
    field(el, 'Usaré mi seguro').click();
    await el.updateComplete;
    fill(el, { 'Compañía de seguros': 'Aetna', 'Número de afiliado': DEMO_BENEFITS_MEMBER_IDS.sharedPool });
    await activate(el, 'Verificar mi cobertura');
    await until(() => root(el).querySelector('[part~="eligibility"] dl'), 'the coverage result');
    expect(benefitRows(el)['Citas restantes este año']).to.match(/^3 citas Compartidas con terapia ocupacional y terapia del habla Al /);
    expect(text(el)).to.include('Esto es un estimado, no una garantía.');
    await expectNoAxeViolations(el);
  });

  it('self-pay shows the practice’s self-pay price', async () => {
    const el = await single();
    (await untilTimes(el))[0]!.click();
    await untilStep(el, 'Your details');
    await check(el, 'Self-pay');
    await until(() => text(el).includes('Self-pay price: $120 a visit.'), 'the self-pay price');
    await expectNoAxeViolations(el);
  });
});

const visits = (count: number) => `${count} ${count === 1 ? 'visit' : 'visits'}`;

/** A returning patient's series on Mondays and Wednesdays for four weeks, insured by `memberId`, up to the review. */
async function seriesToReview(memberId: string): Promise<{ el: PxmBooking; accepted: number; confirmed: PxmBookingConfirmedEvent[] }> {
  const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" provider="ana-rivera" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
  const confirmed = recordEvents<PxmBookingConfirmedEvent>(el, 'pxm-booking-confirmed');
  await untilTimes(el);
  await activate(el, 'Book several visits at once');
  await untilStep(el, 'Book a series of visits');
  await check(el, 'Monday');
  await check(el, 'Wednesday');
  const weeks = field<HTMLSelectElement>(el, 'For how long');
  weeks.value = '4';
  weeks.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await activate(el, 'Propose times');
  await until(() => root(el).querySelector('#plan-heading'), 'proposal');
  // Take the first alternative of every conflict (the demo calendar is partly booked).
  for (const conflict of root(el).querySelectorAll('.plan-visit.conflict')) conflict.querySelector<HTMLInputElement>('input[type=radio]')?.click();
  await el.updateComplete;
  const accepted = Number(/\d+/.exec(button(el, 'Continue with').textContent!)![0]);
  expect(accepted, 'more visits than the 3 the plan covers').to.be.greaterThan(3);
  await activate(el, 'Continue with');
  await untilStep(el, 'Your details');
  fill(el, { 'Last name': 'García', 'Date of birth': '1985-04-12', Email: 'maria.garcia@example.com' });
  field(el, 'I’ll use insurance').click();
  await el.updateComplete;
  fill(el, { 'Insurance company': 'Aetna', 'Member ID': memberId });
  await activate(el, 'Review booking');
  await untilStep(el, 'Review and confirm');
  await until(() => root(el).querySelector('[part~="series-coverage"]'), 'the series’ coverage');
  return { el, accepted, confirmed };
}

describe('pxm-booking: a series and the visits a plan covers', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('stops at the covered count without the patient’s agreement to self-pay', async () => {
    const { el, accepted, confirmed } = await seriesToReview(DEMO_BENEFITS_MEMBER_IDS.sharedPool);
    const coverage = root(el).querySelector('[part~="series-coverage"]')!;
    expect(coverage.querySelector('h3')!.textContent).to.equal(`Your plan covers 3 of these ${accepted} visits`);
    expect(field(el, `I agree to pay the self-pay price of $120 a visit for the ${visits(accepted - 3)} my plan does not cover.`).checked).to.equal(false);
    await expectNoAxeViolations(el);
    await activate(el, 'Confirm 3 covered visits');
    await untilStep(el, 'You’re booked');
    expect(confirmed).to.have.length(3);
    expect(root(el).querySelectorAll('[part~="manage-link"]')).to.have.length(3);
    expect(text(el)).to.include(`${visits(accepted - 3)} beyond what your plan covers ${accepted - 3 === 1 ? 'was' : 'were'} not booked.`);
    await expectNoAxeViolations(el);
  });

  it('books every visit once the patient agrees to self-pay the rest', async () => {
    const { el, accepted, confirmed } = await seriesToReview(DEMO_BENEFITS_MEMBER_IDS.sharedPool);
    await check(el, `I agree to pay the self-pay price of $120 a visit for the ${visits(accepted - 3)} my plan does not cover.`);
    await activate(el, 'Confirm all visits');
    await untilStep(el, 'You’re booked');
    expect(confirmed).to.have.length(accepted);
    expect(text(el)).not.to.match(/(was|were) not booked/);
  });

  it('an inactive plan covers none: nothing is booked until the patient agrees, and the agreement is asked for', async () => {
    const { el, confirmed } = await seriesToReview(DEMO_BENEFITS_MEMBER_IDS.inactive);
    expect(root(el).querySelector('[part~="series-coverage"] h3')!.textContent).to.match(/^Your plan covers none of these \d+ visits$/);
    await activate(el, 'Confirm all visits');
    await until(() => root(el).querySelector('#self-pay-rest-error'), 'the agreement asked for');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('self-pay-rest');
    expect(confirmed).to.have.length(0);
    await expectNoAxeViolations(el);
  });
});
