/**
 * The whole booking flow with the keyboard only, by label and role, in English (inside
 * `<pxm-provider>`) and in Spanish (`.adapter` set directly), with axe at every step.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-provider.js';
import '../define/pxm-booking.js';
import type { PxmBooking } from './booking.js';
import type { PxmBookingBeforeConfirmEvent, PxmBookingConfirmedEvent } from './booking.events.js';
import { accessibleName, accessibleNames } from '../test-helpers/accessible-name.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activate, check, focused, heading, root, tabTo, typeInto, untilStep, untilTimes } from '../test-helpers/booking-harness.js';

/** Monday 2027-03-01, 09:00 in Denver. */
const NOW = new Date('2027-03-01T16:00:00Z');

const WORDS = {
  en: {
    choose: 'Book a visit',
    kindNew: 'No, this is my first visit',
    seeTimes: 'See available times',
    time: 'Pick a time',
    details: 'Your details',
    first: 'First name',
    last: 'Last name',
    dob: 'Date of birth',
    phone: 'Mobile phone',
    email: 'Email',
    insurance: 'I’ll use insurance',
    payer: 'Insurance company',
    member: 'Member ID',
    sms: 'Text me reminders',
    toReview: 'Review booking',
    review: 'Review and confirm',
    active: 'Your coverage is active.',
    confirm: 'Confirm booking',
    done: 'You’re booked',
    ics: 'Download (.ics)',
    mapName: 'Map and directions: Denver Highlands (opens in a new window)',
  },
  es: {
    choose: 'Reservar una cita',
    kindNew: 'No, es mi primera visita',
    seeTimes: 'Ver horarios disponibles',
    time: 'Elija un horario',
    details: 'Sus datos',
    first: 'Nombre',
    last: 'Apellido',
    dob: 'Fecha de nacimiento',
    phone: 'Teléfono celular',
    email: 'Correo electrónico',
    insurance: 'Usaré mi seguro',
    payer: 'Compañía de seguros',
    member: 'Número de afiliado',
    sms: 'Enviarme recordatorios por mensaje de texto',
    toReview: 'Revisar la reserva',
    review: 'Revise y confirme',
    active: 'Su cobertura está activa.',
    confirm: 'Confirmar la reserva',
    done: 'Su cita está reservada',
    ics: 'Descargar (.ics)',
    mapName: 'Mapa e indicaciones: Denver Highlands (se abre en una ventana nueva)',
  },
};

async function mount(language: 'en' | 'es', adapter: MemoryAdapter): Promise<PxmBooking> {
  if (language === 'en') {
    const provider = await fixture(html`<pxm-provider .adapter=${adapter} locale="en" time-zone="America/Denver"><pxm-booking></pxm-booking></pxm-provider>`);
    return provider.querySelector('pxm-booking')!;
  }
  return fixture<PxmBooking>(html`<pxm-booking locale="es" time-zone="America/Denver" .adapter=${adapter}></pxm-booking>`);
}

describe('pxm-booking: the whole flow by keyboard', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  for (const language of ['en', 'es'] as const) {
    it(`books a new patient's first visit (${language === 'en' ? 'English, inside <pxm-provider>' : 'Spanish, with .adapter'})`, async () => {
      const w = WORDS[language];
      const adapter = createMemoryAdapter();
      const el = await mount(language, adapter);
      const confirmed = recordEvents<PxmBookingConfirmedEvent>(document, 'pxm-booking-confirmed');
      const before = recordEvents<PxmBookingBeforeConfirmEvent>(document, 'pxm-booking-before-confirm');

      await untilStep(el, w.choose);
      await expectNoAxeViolations(el);
      await check(el, w.kindNew);
      await check(el, 'Denver Highlands');
      // As a screen reader hears them: no space before the colon.
      const mapNames = await accessibleNames([...root(el).querySelectorAll('a.map-link')]);
      expect(mapNames).to.include(w.mapName);
      expect(mapNames.filter((name) => / [:,]/.test(name))).to.deep.equal([]);
      await check(el, language === 'en' ? 'Initial evaluation' : 'Initial evaluation');
      await expectNoAxeViolations(el);
      await activate(el, w.seeTimes);

      await untilStep(el, w.time);
      await untilTimes(el);
      await expectNoAxeViolations(el);
      // The grid has one tab stop; arrows move by day, Enter picks.
      const start = await tabTo(el, (node) => node.getAttribute('role') === 'gridcell');
      const startDate = (start as HTMLElement).dataset.date!;
      expect(startDate).to.equal('2027-03-01', 'today is focused and selected: it has openings after the 2 h notice');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect((focused(el) as HTMLElement).dataset.date).to.equal('2027-03-02');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(root(el).querySelector('[aria-selected="true"]')?.getAttribute('data-date')).to.equal('2027-03-02');
      const times = await untilTimes(el);
      const day = root(el).querySelector('#times-heading')!.textContent!.trim();
      expect(await accessibleName(times[0]!), 'the time, then the day, with no space before the comma').to.equal(
        `${times[0]!.querySelector('.time-text')!.textContent!.trim()}, ${day}${times[0]!.querySelector('.time-provider') ? ` ${times[0]!.querySelector('.time-provider')!.textContent!.trim()}` : ''}`,
      );
      if (language === 'en') expect(day).to.equal('Tuesday, March 2');
      await tabTo(el, (node) => node === times[0]);
      await sendKeys({ press: 'Enter' });

      await untilStep(el, w.details);
      expect(root(el).querySelector('[part~="hold-timer"]')?.textContent).to.match(/10:00|9:5\d/);
      await expectNoAxeViolations(el);
      await typeInto(el, w.first, 'Ana');
      await typeInto(el, w.last, 'Prueba');
      await typeInto(el, w.dob, '1990-05-17');
      await typeInto(el, w.phone, '+1 303 555 0100');
      await typeInto(el, w.email, 'ana@example.com');
      await check(el, w.insurance);
      await typeInto(el, w.payer, 'Aetna');
      await typeInto(el, w.member, 'W123456789');
      await check(el, w.sms);
      await expectNoAxeViolations(el);
      await activate(el, w.toReview);

      await untilStep(el, w.review);
      await until(() => root(el).textContent!.includes(w.active), 'eligibility shown before confirming');
      await expectNoAxeViolations(el);
      await activate(el, w.confirm);

      await untilStep(el, w.done);
      await expectNoAxeViolations(el);
      expect(before).to.have.length(1);
      expect(confirmed).to.have.length(1);
      const detail = confirmed[0]!.detail;
      expect(Object.keys(detail).sort()).to.deep.equal(['appointmentId', 'appointmentTypeId', 'end', 'locationId', 'providerId', 'start', 'timeZone']);
      expect(detail.start.startsWith('2027-03-02')).to.equal(true);
      expect(detail.timeZone).to.equal('America/Denver');
      const leaked = JSON.stringify([...confirmed.map((e) => e.detail), ...before.map((e) => e.detail)]);
      for (const secret of ['Ana', 'Prueba', '1990-05-17', 'ana@example.com', '555 0100', '5550100', 'Aetna', 'W123']) expect(leaked).not.to.include(secret);

      const stored = adapter.booking.listStoredAppointments().find((a) => a.id === detail.appointmentId);
      expect(stored?.status).to.equal('booked');
      const ics = root(el).querySelector<HTMLAnchorElement>('[part~="ics-link"]')!;
      expect(ics.textContent!.trim()).to.equal(w.ics);
      expect(ics.href.startsWith('blob:')).to.equal(true);
      const body = await (await fetch(ics.href)).text();
      expect(body).to.match(/^BEGIN:VCALENDAR\r\n/);
      expect(body).to.include(`UID:${detail.appointmentId}@pxm-elements`);
      const google = root(el).querySelector<HTMLAnchorElement>('a[href^="https://calendar.google.com"]')!;
      expect(new URL(google.href).searchParams.get('dates')).to.match(/^20270302T\d{6}Z\/20270302T\d{6}Z$/);
      expect(google.href).not.to.include('Prueba');
      const manage = root(el).querySelector<HTMLAnchorElement>('[part~="manage-link"]')!;
      expect(manage.href).to.include(`#pxm-manage=${encodeURIComponent(stored!.manageToken)}`);
      expect(heading(el)).to.equal(w.done);
    });
  }

  it('a returning patient books a follow-up, matched without an account', async () => {
    const adapter = createMemoryAdapter();
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="follow-up" time-zone="America/Denver" .adapter=${adapter}></pxm-booking>`);
    await untilStep(el, 'Pick a time');
    expect(root(el).textContent).to.include('Step 1 of 3', 'the choose step is skipped');
    const times = await untilTimes(el);
    await tabTo(el, (node) => node === times[0]);
    await sendKeys({ press: 'Enter' });
    await untilStep(el, 'Your details');
    expect(root(el).querySelector('input[value="new"]')).to.equal(null, 'follow-ups are for returning patients: not asked');
    await typeInto(el, 'Last name', 'García');
    await typeInto(el, 'Date of birth', '1985-04-12');
    await typeInto(el, 'Mobile phone', '(303) 555-0199');
    await check(el, 'Self-pay');
    await activate(el, 'Review booking');
    await untilStep(el, 'Review and confirm');
    await activate(el, 'Confirm booking');
    await untilStep(el, 'You’re booked');
    const booked = adapter.booking.listStoredAppointments().filter((a) => a.appointmentTypeId === 'follow-up');
    expect(booked.some((a) => a.status === 'booked' && !a.id.startsWith('appt-demo'))).to.equal(true);
  });

  it('announces and focuses invalid fields, and keeps what was typed', async () => {
    const el = await fixture<PxmBooking>(html`<pxm-booking location="denver-highlands" appointment-type="initial-evaluation" time-zone="America/Denver" .adapter=${createMemoryAdapter()}></pxm-booking>`);
    const times = await untilTimes(el);
    times[0]!.click();
    await untilStep(el, 'Your details');
    await typeInto(el, 'First name', 'Ana');
    await typeInto(el, 'Email', 'not-an-email');
    await activate(el, 'Review booking');
    await until(() => focused(el)?.id === 'lastName', 'first invalid field focused');
    const lastName = root(el).querySelector('#lastName')!;
    expect(lastName.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector(`#${lastName.getAttribute('aria-describedby')}`)?.textContent).to.equal('Please fill this in.');
    expect(root(el).querySelector('#email-error')?.textContent).to.include('name@example.com');
    expect((root(el).querySelector('#firstName') as HTMLInputElement).value).to.equal('Ana');
    await until(() => root(el).querySelector('[role="status"][aria-live="polite"]')?.textContent?.includes('need your attention'), 'error count announced');
    await expectNoAxeViolations(el);
  });
});

