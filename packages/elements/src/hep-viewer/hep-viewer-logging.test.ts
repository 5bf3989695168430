import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { MemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-hep-viewer.js';
import type { PxmHepViewer } from './hep-viewer.js';
import type { HepPainAlert, PxmHepActivityLoggedEvent } from './hep-viewer.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { activity, backendWith, button, card, eventually, loaded, maybeButton, radio, shadow, testProgram } from '../test-helpers/hep.js';

async function mount(extra: Record<string, string> = {}): Promise<{ viewer: PxmHepViewer; memory: MemoryAdapter; token: string }> {
  const { memory, token } = backendWith(testProgram());
  const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer>`);
  for (const [name, value] of Object.entries(extra)) viewer.setAttribute(name, value);
  await loaded(viewer);
  return { viewer, memory, token };
}

/** A second tap on the same exercise within this long is taken as a double tap and ignored. */
const DOUBLE_TAP_MS = 800;

const active = (viewer: PxmHepViewer) => shadow(viewer).activeElement as HTMLElement | null;
const liveText = (viewer: PxmHepViewer) => shadow(viewer).querySelector('[role="status"][aria-live]')?.textContent ?? '';

describe('pxm-hep-viewer logging', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  /**
   * Lets the next tap on the same exercise count, by moving `Date` on instead of sleeping. The
   * fake clock starts from the current instant, as the test program is built for today.
   */
  function pastDoubleTapGuard(): void {
    clock ??= sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    clock.tick(DOUBLE_TAP_MS);
  }

  it('logs by keyboard: Done, then pain and difficulty with arrow keys, then Save', async () => {
    const { viewer, memory, token } = await mount();
    const logged = recordEvents<PxmHepActivityLoggedEvent>(document, 'pxm-hep-activity-logged');
    const heel = card(viewer, 'Heel slides');
    button(heel, 'Done: Heel slides').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => logged.length === 1, 'first log event');
    expect(nameOfActive(viewer)).to.equal('Undo: Heel slides', 'focus moves to Undo');
    await until(() => liveText(viewer).includes('Heel slides logged'), 'announced');
    // The rating form's code is fetched after the first paint; on a busy machine it can arrive
    // after the log. Tab once it is there, as a patient would see it.
    await until(() => card(viewer, 'Heel slides').querySelector('input[name="pain-heel-slides"]'), 'the rating form');

    await sendKeys({ press: 'Tab' });
    expect((active(viewer) as HTMLInputElement).name).to.equal('pain-heel-slides');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    expect(radio(card(viewer, 'Heel slides'), 'Pain during the exercise', '3').checked).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    expect(radio(card(viewer, 'Heel slides'), 'Pain during the exercise', '2').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect((active(viewer) as HTMLInputElement).name).to.equal('difficulty-heel-slides');
    await sendKeys({ press: 'ArrowRight' });
    expect(radio(card(viewer, 'Heel slides'), 'How hard was it?', 'Easy').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(nameOfActive(viewer)).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    await until(() => logged.length === 2, 'rated log event');

    const logs = await activity(memory, token);
    const live = logs.filter((log) => log.exerciseId === 'heel-slides' && !log.voided);
    expect(live).to.have.length(1, 'exactly one session stands');
    expect(live[0]).to.include({ pain: 2, difficulty: 2, completedSets: 2, programVersion: 1 });
    expect(logs.filter((log) => log.voided)).to.have.length(1, 'the unrated log was replaced, not duplicated');
    expect(logged[1]!.detail.replaces).to.equal(logged[0]!.detail.clientId);
    expect(card(viewer, 'Heel slides').textContent).to.contain('Done for today');
    expect(shadow(viewer).querySelector('.count')?.textContent).to.equal('1 of 4 done today');
  });

  it('fires events with ids, times and numbers only', async () => {
    const { viewer } = await mount();
    const logged = recordEvents<PxmHepActivityLoggedEvent>(document, 'pxm-hep-activity-logged');
    button(card(viewer, 'Quad sets'), 'Done: Quad sets').click();
    await until(() => logged.length === 1, 'event');
    const detail = logged[0]!.detail;
    expect(Object.keys(detail).sort()).to.deep.equal(['clientId', 'completedAt', 'completedSets', 'exerciseId', 'programId', 'programVersion', 'queued']);
    expect(detail).to.include({ programId: 'test-program', programVersion: 1, exerciseId: 'quad-sets', completedSets: 3, queued: false });
    expect(detail.clientId).to.match(/^[0-9a-f-]{36}$/);
    expect(detail.completedAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[67]:00$/);
    expect(JSON.stringify(detail)).not.to.match(/Quad|thigh|Cedar|running/);
    expect(logged[0]!.bubbles && logged[0]!.composed).to.equal(true);
  });

  it('undoes a log within 10 seconds, and the backend keeps it as undone', async () => {
    const { viewer, memory, token } = await mount();
    const logged = recordEvents<PxmHepActivityLoggedEvent>(document, 'pxm-hep-activity-logged');
    const quad = () => card(viewer, 'Quad sets');
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().textContent!.includes('1 of 2 today'), 'counted');
    await eventually(async () => (await activity(memory, token)).length === 1, 'stored');
    button(quad(), 'Undo: Quad sets').click();
    await until(() => !maybeButton(quad(), 'Undo: Quad sets'), 'undo gone');
    expect(quad().textContent).not.to.contain('1 of 2 today');
    expect(quad().querySelector('.rating') === null, 'no rating for an undone log').to.equal(true);
    expect(nameOfActive(viewer)).to.equal('Done: Quad sets', 'focus returns to Done');
    await until(() => liveText(viewer).includes('log undone'), 'announced');
    await eventually(async () => (await activity(memory, token))[0]?.voided === true, 'voided on the backend');
    expect(await activity(memory, token)).to.have.length(1);
    await until(() => logged.length === 2, 'undo event');
    expect(logged[1]!.detail).to.include({ clientId: logged[0]!.detail.clientId, voided: true });
  });

  it('logs against the program version shown, and a re-opened link shows the edited version', async () => {
    const { viewer, memory, token } = await mount();
    button(card(viewer, 'Heel slides'), 'Done: Heel slides').click();
    await eventually(async () => (await activity(memory, token)).length === 1, 'first log');
    memory.hep.updateProgram(token, (program) => ({
      ...program,
      exercises: program.exercises.map((e) => (e.id === 'quad-sets' ? { ...e, dosage: { ...e.dosage, reps: 15 } } : e)),
    }));
    viewer.remove();
    const reopened = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(reopened);
    expect(shadow(reopened).querySelector('.meta')!.textContent!.replace(/\s+/g, ' ')).to.match(/Updated on .+ \(version 2\)/);
    expect(card(reopened, 'Quad sets').textContent).to.contain('15');
    expect(card(reopened, 'Heel slides').textContent, 'the earlier log still counts').to.contain('Done for today');
    button(card(reopened, 'Quad sets'), 'Done: Quad sets').click();
    await eventually(async () => (await activity(memory, token)).length === 2, 'second log');
    expect((await activity(memory, token)).map((log) => log.programVersion)).to.deep.equal([1, 2]);
  });

  it('offers undo for 10 seconds only, and pauses the countdown while Undo has focus', async () => {
    const { viewer } = await mount();
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const quad = () => card(viewer, 'Quad sets');
      button(quad(), 'Done: Quad sets').click();
      await until(() => maybeButton(quad(), 'Undo: Quad sets'), 'undo shown');
      clock.tick(9_000);
      await viewer.updateComplete;
      expect(maybeButton(quad(), 'Undo: Quad sets') !== undefined).to.equal(true);
      button(quad(), 'Undo: Quad sets').focus();
      clock.tick(30_000);
      await viewer.updateComplete;
      expect(maybeButton(quad(), 'Undo: Quad sets') !== undefined, 'kept while focused').to.equal(true);
      button(quad(), 'Undo: Quad sets').blur();
      clock.tick(1_100);
      await viewer.updateComplete;
      expect(maybeButton(quad(), 'Undo: Quad sets') === undefined).to.equal(true);
    } finally {
      clock.restore();
    }
  });

  it('ignores a double click on Done: one tap, one session', async () => {
    const { viewer, memory, token } = await mount();
    const done = button(card(viewer, 'Quad sets'), 'Done: Quad sets');
    done.click();
    done.click();
    await eventually(async () => (await activity(memory, token)).length >= 1, 'stored');
    await viewer.updateComplete;
    expect(card(viewer, 'Quad sets').textContent).to.contain('1 of 2 today');
    expect(await activity(memory, token)).to.have.length(1);
  });

  it('logs set by set when the program asks for it, and the sets add up to a session', async () => {
    const { viewer, memory, token } = await mount();
    const balance = () => card(viewer, 'Single-leg balance');
    for (let set = 1; set <= 2; set++) {
      button(balance(), `Set ${set} of 3 done: Single-leg balance`).click();
      await until(() => maybeButton(balance(), `Set ${set + 1} of 3 done: Single-leg balance`), `set ${set + 1} offered`);
      expect(balance().querySelector('.rating') === null, 'no rating mid-session').to.equal(true);
      pastDoubleTapGuard();
    }
    button(balance(), 'Set 3 of 3 done: Single-leg balance').click();
    await until(() => balance().textContent!.includes('Done for today'), 'session complete');
    await until(() => balance().querySelector('.rating'), 'rating after the last set');
    await eventually(async () => (await activity(memory, token)).length === 3, 'three sets stored');
    const logs = await activity(memory, token);
    expect(logs.map((log) => log.completedSets)).to.deep.equal([1, 1, 1]);
  });

  it('shows the practice’s guidance and calls painAlertCallback (never an event) when pain reaches the threshold', async () => {
    const { viewer } = await mount();
    const alerts: HepPainAlert[] = [];
    viewer.painAlertCallback = (alert) => alerts.push(alert);
    const events = recordEvents(document, 'pxm-hep-pain-alert');
    const quad = () => card(viewer, 'Quad sets');
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().querySelector('.rating'), 'rating');
    radio(quad(), 'Pain during the exercise', '8').click();
    button(quad(), 'Save').click();
    await until(() => quad().querySelector('[role="alert"]'), 'alert');
    const alert = quad().querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Pain 8 out of 10 is high');
    expect(alert.textContent).to.contain('Stop and rest. Call us if it does not settle within an hour.');
    const call = alert.querySelector('a')!;
    expect(call.getAttribute('href')).to.equal('tel:+13035550142');
    expect(call.textContent).to.contain('Call Cedar Ridge Physical Therapy');
    expect(alerts).to.have.length(1);
    expect(events, 'no event: events reach every script on the page').to.have.length(0);
    const { clientId, ...rest } = alerts[0]!;
    expect(rest).to.deep.equal({ programId: 'test-program', programVersion: 1, exerciseId: 'quad-sets', pain: 8, threshold: 7 });
    expect(clientId).to.match(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(viewer);
    button(alert as HTMLElement, 'Dismiss').click();
    await viewer.updateComplete;
    expect(quad().querySelector('[role="alert"]') === null).to.equal(true);
  });

  it('uses the pain-threshold attribute over the program, and stays quiet below it', async () => {
    const { viewer } = await mount({ 'pain-threshold': '5' });
    const alerts: HepPainAlert[] = [];
    viewer.painAlertCallback = (alert) => alerts.push(alert);
    const quad = () => card(viewer, 'Quad sets');
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().querySelector('.rating'), 'rating');
    radio(quad(), 'Pain during the exercise', '4').click();
    button(quad(), 'Save').click();
    await until(() => !quad().querySelector('.rating'), 'saved');
    expect(alerts).to.have.length(0);
    pastDoubleTapGuard();
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().querySelector('.rating'), 'second rating');
    radio(quad(), 'Pain during the exercise', '5').click();
    button(quad(), 'Save').click();
    await until(() => alerts.length === 1, 'alert at 5');
    expect(alerts[0]!.threshold).to.equal(5);
  });

  it('asks for a choice when Save is pressed with nothing chosen, and lets the patient skip', async () => {
    const { viewer, memory, token } = await mount();
    const quad = () => card(viewer, 'Quad sets');
    button(quad(), 'Done: Quad sets').click();
    await until(() => quad().querySelector('.rating'), 'rating');
    button(quad(), 'Save').click();
    await until(() => quad().querySelector('.rating [role="alert"]'), 'asks for a choice');
    expect(quad().querySelector('.rating [role="alert"]')!.textContent).to.contain('Choose a pain level');
    expect((active(viewer) as HTMLInputElement).type).to.equal('radio', 'focus moves to the first choice');
    await expectNoAxeViolations(viewer);
    button(quad(), 'Not now').click();
    await viewer.updateComplete;
    expect(quad().querySelector('.rating') === null).to.equal(true);
    await eventually(async () => (await activity(memory, token)).length === 1, 'stored');
    const logs = await activity(memory, token);
    expect(logs.filter((log) => !log.voided)).to.have.length(1);
    expect(logs[0]!.pain).to.equal(undefined);
  });

  it('marks today complete when every due exercise is done', async () => {
    const { viewer } = await mount();
    const count = () => shadow(viewer).querySelector('.count')?.textContent;
    expect(count()).to.equal('0 of 4 done today');
    for (const [name, label] of [
      ['Quad sets', 'Done: Quad sets'],
      ['Quad sets', 'Done: Quad sets'],
      ['Heel slides', 'Done: Heel slides'],
      ['Single-leg balance', 'Done: Single-leg balance'],
      ['Bridges', 'Done: Bridges'],
    ] as const) {
      pastDoubleTapGuard();
      button(card(viewer, name), label).click();
      await viewer.updateComplete;
    }
    await until(() => count() === 'All done for today. Well done!', 'all done');
    expect(maybeButton(shadow(viewer), /^Done: /) === undefined).to.equal(true);
  });
});

function nameOfActive(viewer: PxmHepViewer): string {
  const element = shadow(viewer).activeElement;
  return (element?.getAttribute('aria-label') ?? element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
