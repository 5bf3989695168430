import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { addDays } from '@pxm/core/time';
import { DEMO_HEP_EXPIRED_TOKEN, DEMO_HEP_TOKEN } from '@pxm/core/demo';
import '../define/pxm-hep-viewer.js';
import '../define/pxm-provider.js';
import type { PxmHepViewer } from './hep-viewer.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import type { PxmHepReminderRequestEvent } from './hep-viewer.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { backendWith, button, card, loaded, maybeButton, shadow, testProgram, todayInZone } from '../test-helpers/hep.js';

async function mount(adapter: unknown, token: string, extra = ''): Promise<PxmHepViewer> {
  const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${adapter} token=${token}></pxm-hep-viewer>`);
  for (const attribute of extra.split(' ').filter(Boolean)) {
    const [name, value = ''] = attribute.split('=');
    viewer.setAttribute(name!, value);
  }
  await loaded(viewer);
  return viewer;
}

const text = (viewer: PxmHepViewer) => shadow(viewer).textContent!.replace(/\s+/g, ' ');

describe('pxm-hep-viewer', () => {
  // First in the file: no Spanish has been loaded on this page yet.
  it('switches to Spanish when its provider does', async () => {
    const { memory, token } = backendWith(testProgram());
    const provider = await fixture<HTMLElement & { locale: string }>(
      html`<pxm-provider locale="en" .adapter=${memory}><pxm-hep-viewer token=${token}></pxm-hep-viewer></pxm-provider>`,
    );
    const viewer = provider.querySelector('pxm-hep-viewer')!;
    await loaded(viewer);
    expect(shadow(viewer).querySelector('#tab-today')!.textContent!.trim()).to.equal('Today');
    provider.locale = 'es';
    await until(() => shadow(viewer).querySelector('#tab-today')!.textContent!.trim() === 'Hoy', 'Spanish tabs');
    expect(button(card(viewer, 'Quad sets'), 'Hecho: Quad sets').isConnected).to.equal(true);
  });

  it('opens the demo program by token with today’s exercises as cards', async () => {
    const viewer = await mount(createMemoryAdapter(), DEMO_HEP_TOKEN);
    const root = shadow(viewer);
    expect(root.querySelector('h2')?.textContent).to.equal('Knee recovery after ACL reconstruction: phase 2');
    expect(text(viewer)).to.match(/Updated on [A-Z][a-z]+ \d+, \d{4} \(version 2\)/);
    const tabs = [...root.querySelectorAll('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent?.trim())).to.deep.equal(['Today', 'All exercises', 'Progress']);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelectorAll('li.card').length).to.be.within(5, 7);
    await expectNoAxeViolations(viewer);
  });

  it('shows the dosage the therapist set, in words, and leaves out what the program lacks', async () => {
    const { memory, token } = backendWith(testProgram());
    const viewer = await mount(memory, token);
    const quad = card(viewer, 'Quad sets');
    const terms = [...quad.querySelectorAll('dt')].map((dt) => `${dt.textContent?.trim()}: ${dt.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim()}`);
    expect(terms).to.deep.equal(['Sets: 3', 'Reps: 10', 'Hold: 5 seconds', 'How often: Twice a day', 'Side: Right side']);
    expect(quad.querySelector('.side svg')?.getAttribute('aria-hidden')).to.equal('true');
    expect(quad.querySelector('.instructions')?.textContent).to.contain('Tighten the front of your thigh.');
    expect(quad.querySelector('.note')?.textContent).to.contain('Note from your therapist');
    const heel = card(viewer, 'Heel slides');
    expect([...heel.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).to.deep.equal(['Sets', 'Reps', 'How often', 'Side', 'Equipment']);
    expect(heel.querySelector('.instructions, .note, .media') === null).to.equal(true);
    expect(text(viewer)).not.to.contain('undefined');
    const bridges = card(viewer, 'Bridges');
    expect(bridges.textContent).to.contain('Once a day, 3 days a week');
    expect(bridges.textContent).to.contain('Body weight');
    expect(bridges.textContent).to.contain('Both sides');
  });

  it('lists exercises on their weekdays only, with a rest-day message and the next day due', async () => {
    const today = todayInZone();
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
    const notToday = (weekday % 7) + 1;
    const program = testProgram({
      exercises: [{ id: 'only-tomorrow', name: 'Step-ups', dosage: { reps: 10 }, frequency: { timesPerDay: 1, weekdays: [notToday] } }],
    });
    const { memory, token } = backendWith(program);
    const viewer = await mount(memory, token);
    expect(shadow(viewer).querySelectorAll('li.card').length).to.equal(0);
    expect(text(viewer)).to.contain('Nothing is due today.');
    expect(text(viewer)).to.contain('Your next exercises are on');
    expect(text(viewer)).to.contain('1 more exercise is not due today.');
    button(shadow(viewer), 'See all exercises').click();
    await viewer.updateComplete;
    expect(viewer.view).to.equal('program');
    expect(card(viewer, 'Step-ups').isConnected).to.equal(true);
    await expectNoAxeViolations(viewer);
  });

  it('says when a program has not started yet, and offers no logging before it starts', async () => {
    const program = testProgram({ startDate: addDays(todayInZone(), 3) });
    const { memory, token } = backendWith(program);
    const viewer = await mount(memory, token);
    expect(text(viewer)).to.contain('Your program starts on');
    expect(shadow(viewer).querySelectorAll('li.card').length).to.equal(4);
    expect(shadow(viewer).querySelector('[part="done"]') === null).to.equal(true);
  });

  it('follows the writing direction with the arrow keys on the tabs', async () => {
    const { memory, token } = backendWith(testProgram());
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"><pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer></div>`);
    const viewer = wrapper.querySelector('pxm-hep-viewer')!;
    await loaded(viewer);
    const { sendKeys } = await import('@web/test-runner-commands');
    (shadow(viewer).querySelector('#tab-today') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await viewer.updateComplete;
    expect(viewer.view).to.equal('program', 'in right-to-left, left is forward');
    await expectNoAxeViolations(viewer);
  });

  it('has no accessibility violations in dark mode, with the rating open', async () => {
    // Elements follow the page's color-scheme; this page supports both.
    document.documentElement.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const { memory, token } = backendWith(testProgram());
      const viewer = await mount(memory, token);
      button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
      await until(() => shadow(viewer).querySelector('.rating'), 'rating');
      await expectNoAxeViolations(viewer);
    } finally {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('moves between views with arrow keys on the tabs', async () => {
    const { memory, token } = backendWith(testProgram());
    const viewer = await mount(memory, token);
    const { sendKeys } = await import('@web/test-runner-commands');
    (shadow(viewer).querySelector('#tab-today') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await viewer.updateComplete;
    expect(viewer.view).to.equal('program');
    expect(shadow(viewer).activeElement?.id).to.equal('tab-program');
    await sendKeys({ press: 'End' });
    await viewer.updateComplete;
    expect(viewer.view).to.equal('progress');
    await sendKeys({ press: 'ArrowRight' });
    await viewer.updateComplete;
    expect(viewer.view).to.equal('today', 'wraps around');
  });

  it('shows a program with no exercises as a clear, calm state', async () => {
    const { memory, token } = backendWith(testProgram({ exercises: [] }));
    const viewer = await mount(memory, token);
    expect(text(viewer)).to.contain('Your program has no exercises yet.');
    expect(shadow(viewer).querySelector('[role="tablist"]') === null).to.equal(true);
    await expectNoAxeViolations(viewer);
  });

  it('explains an invalid or expired link without offering a pointless retry, and reports the code', async () => {
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const invalid = await mount(createMemoryAdapter(), 'not-a-real-token');
    expect(shadow(invalid).querySelector('h2')?.textContent).to.equal('This link does not work');
    expect(maybeButton(shadow(invalid), 'Try again') === undefined).to.equal(true);
    await expectNoAxeViolations(invalid);
    const expired = await mount(createMemoryAdapter(), DEMO_HEP_EXPIRED_TOKEN);
    expect(shadow(expired).querySelector('h2')?.textContent).to.equal('This link has expired');
    expect(text(expired)).to.contain('contact the practice for a new one');
    expect(errors.map((e) => e.detail)).to.deep.include.members([
      { code: 'token_invalid', operation: 'hep.loadProgram' },
      { code: 'token_expired', operation: 'hep.loadProgram' },
    ]);
  });

  it('turns a malformed program from the backend into an error with a retry that recovers', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    faults.plan('hep.loadProgram', { reply: { id: 'p', version: 'two', exercises: 'none' } });
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const viewer = await mount(faults.adapter, token);
    expect(shadow(viewer).querySelector('h2')?.textContent).to.equal('Your program could not be loaded');
    expect(errors.at(-1)?.detail).to.deep.equal({ code: 'server', operation: 'hep.loadProgram' });
    await expectNoAxeViolations(viewer);
    button(shadow(viewer), 'Try again').click();
    await until(() => shadow(viewer).querySelector('li.card'), 'program after retry');
    expect(shadow(viewer).querySelector('h2')?.textContent).to.equal('Back to running');
  });

  it('still shows the program when the history cannot be read, and says so', async () => {
    const { memory, token } = backendWith(testProgram());
    const faults = createFaultyAdapter(memory);
    faults.plan('hep.listActivity', { error: 'timeout' });
    const viewer = await mount(faults.adapter, token);
    expect(shadow(viewer).querySelectorAll('li.card').length).to.equal(4);
    expect(text(viewer)).to.contain('Your earlier logs could not be loaded');
    button(shadow(viewer), 'Try again').click();
    await until(() => !text(viewer).includes('Your earlier logs could not be loaded'), 'history after retry');
  });

  it('says there is no backend when none is configured', async () => {
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer token="demo-hep-acl-recovery"></pxm-hep-viewer>`);
    await until(() => shadow(viewer).querySelector('.error'), 'error state');
    expect(text(viewer)).to.contain('not connected');
  });

  it('waits for an adapter that arrives later without reporting an error (script-tag pages register it after the elements)', async () => {
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer token=${DEMO_HEP_TOKEN}></pxm-hep-viewer>`);
    await viewer.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    viewer.adapter = createMemoryAdapter();
    await loaded(viewer);
    expect(shadow(viewer).querySelector('h2')?.textContent).to.equal('Knee recovery after ACL reconstruction: phase 2');
    expect(errors.map((event) => event.detail)).to.deep.equal([]);
  });

  it('speaks Spanish: views, buttons, dosage and dates', async () => {
    const { memory, token } = backendWith(testProgram({ version: 3 }));
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer locale="es" .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    const root = shadow(viewer);
    expect([...root.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim())).to.deep.equal(['Hoy', 'Ejercicios', 'Progreso']);
    expect(text(viewer)).to.match(/Actualizado el \d+ de [a-z]+ de \d{4} \(versión 3\)/);
    const quad = card(viewer, 'Quad sets');
    expect(quad.textContent).to.contain('Dos veces al día');
    expect(quad.textContent).to.contain('Lado derecho');
    expect(button(quad, 'Hecho: Quad sets').isConnected).to.equal(true);
    expect(card(viewer, 'Bridges').textContent).to.contain('Una vez al día, 3 días por semana');
    await expectNoAxeViolations(viewer);
  });

  it('lays out a paper copy for print with dosage, pictures and tick boxes, and hides the controls', async () => {
    const image = new URL('/examples/site/public/hep-media/quad-sets.svg', location.href).href;
    const program = testProgram();
    program.exercises[0] = { ...program.exercises[0]!, media: { imageUrls: [image], imageAlt: 'Sitting, leg straight' } };
    const { memory, token } = backendWith(program);
    const viewer = await mount(memory, token);
    const print = sinon.stub(window, 'print');
    try {
      await viewer.print();
      expect(print.calledOnce).to.equal(true);
      await emulateMedia({ media: 'print' });
      const root = shadow(viewer);
      const paper = root.querySelector<HTMLElement>('.print-view')!;
      expect(getComputedStyle(paper).display).to.equal('block');
      expect(getComputedStyle(root.querySelector('.screen')!).display).to.equal('none');
      expect([...paper.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['Quad sets', 'Heel slides', 'Single-leg balance', 'Bridges']);
      expect(paper.textContent).to.contain('Twice a day');
      const picture = paper.querySelector('img')!;
      expect(picture.src).to.equal(image);
      expect(picture.complete && picture.naturalWidth > 0).to.equal(true, 'the picture loaded before printing');
      expect(paper.querySelectorAll('table.ticks').length).to.equal(4);
      expect(paper.querySelectorAll('.ticks tbody tr').length).to.equal(2 + 1 + 1 + 1, 'a row of boxes per daily session');
      expect(paper.getBoundingClientRect().height).to.be.greaterThan(200);
      await expectNoAxeViolations(viewer);
    } finally {
      print.restore();
      await emulateMedia({ media: 'screen' });
      window.dispatchEvent(new Event('afterprint'));
    }
    await viewer.updateComplete;
    expect(shadow(viewer).querySelector('.print-view') === null).to.equal(true);
  });

  it('asks the host for reminders, and otherwise downloads a calendar file of the schedule', async () => {
    const { memory, token } = backendWith(testProgram());
    const viewer = await mount(memory, token, 'reminder-times=07:30,19:00');
    const requests = recordEvents<PxmHepReminderRequestEvent>(document, 'pxm-hep-reminder-request');
    const handled = (event: Event) => event.preventDefault();
    document.addEventListener('pxm-hep-reminder-request', handled, { once: true });
    const clicks = sinon.stub(HTMLAnchorElement.prototype, 'click');
    try {
      button(shadow(viewer), 'Add reminders to my calendar').click();
      await until(() => requests.length === 1, 'reminder request');
      expect(requests[0]!.detail).to.deep.equal({
        programId: 'test-program',
        programVersion: 1,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        times: ['07:30', '19:00'],
        startDate: todayInZone(),
        timeZone: 'America/Denver',
      });
      expect(requests[0]!.cancelable).to.equal(true);
      expect(clicks.called).to.equal(false, 'the host handled it: no file');

      button(shadow(viewer), 'Add reminders to my calendar').click();
      await until(() => clicks.called, 'download');
      const link = clicks.firstCall.thisValue as HTMLAnchorElement;
      expect(link.download).to.equal('exercise-reminders.ics');
      const file = await (await fetch(link.href)).text();
      expect(file).to.contain('RRULE:FREQ=DAILY');
      expect(file).to.contain('T073000');
      expect(file).to.contain('T190000');
      expect(file).to.contain('SUMMARY:Exercise time');
      expect(file).not.to.contain('Back to running', 'the program title stays out of the calendar');
      await until(() => text(viewer).includes('The calendar file is downloading'), 'notice');
    } finally {
      clicks.restore();
    }
    expect((await viewer.reminderIcs())!).to.contain('BEGIN:VEVENT');
  });

  it('warns the developer once when videos have no captions, naming no exercise', async () => {
    const program = testProgram();
    program.exercises[0] = { ...program.exercises[0]!, media: { videoUrl: new URL('/no-captions.webm', location.href).href } };
    const { memory, token } = backendWith(program);
    const warn = sinon.stub(console, 'warn');
    try {
      const viewer = await mount(memory, token);
      await viewer.updateComplete;
      const calls = warn.getCalls().filter((call) => String(call.args[0]).includes('pxm-hep-viewer'));
      expect(calls).to.have.length(1);
      expect(String(calls[0]!.args[0])).to.contain('1 exercise video(s)');
      expect(String(calls[0]!.args[0])).not.to.contain('Quad sets');
    } finally {
      warn.restore();
    }
  });

  it('stays within a 320 px wide screen with no horizontal scroll', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 320, height: 800 });
    try {
      const { memory, token } = backendWith(testProgram());
      const viewer = await mount(memory, token);
      button(card(viewer, 'Quad sets'), 'Done: Quad sets').click();
      await until(() => shadow(viewer).querySelector('.rating'), 'rating form');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const element of shadow(viewer).querySelectorAll<HTMLElement>('.card, .rating, .tabs, .dosage')) {
        expect(element.scrollWidth, element.className).to.be.at.most(element.clientWidth + 1);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
