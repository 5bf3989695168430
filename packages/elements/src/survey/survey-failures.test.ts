/** Bad input and failure: malformed replies, lost networks and replies, double submits, reloads. */
import { expect } from '@open-wc/testing';
import { createManualClock, createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_SURVEY_TOKENS, demoSurvey } from '@pxm/core/demo';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { openOfflineQueue } from '../internal/offline-queue/offline-queue.js';
import { digest } from '../internal/offline-queue/queue-crypto.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, heading, mountSurvey, radiosOf, textOf, untilThanks } from '../test-helpers/survey-harness.js';
import type { PendingSubmit } from './pending-submit.js';
import type { PxmSurveySubmittedEvent } from './survey.events.js';
import type { PxmSurvey } from './survey.js';

const memory = () => createMemoryAdapter({ latencyMs: 0 });
const clearQueue = async () => (await openOfflineQueue<PendingSubmit>('pxm-survey-submit')).clear();

function answer(survey: PxmSurvey, score: number, why?: string): void {
  radiosOf(survey, 'nps')[score]!.click();
  if (why === undefined) return;
  const box = $<HTMLTextAreaElement>(survey, '#q-why')!;
  box.value = why;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const submit = (survey: PxmSurvey) => $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
const submitCalls = (calls: readonly string[]) => calls.filter((call) => call === 'survey.submit').length;

describe('pxm-survey failures', () => {
  beforeEach(clearQueue);
  afterEach(clearQueue);

  it('explains a malformed survey definition and offers to try again; a bad link alone only loses the link', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const good = await backend.survey.loadInvitation(DEMO_SURVEY_TOKENS.open);
    const duplicateIds = { ...good, definition: { ...demoSurvey, questions: [demoSurvey.questions[0], demoSurvey.questions[0]] } };
    faults.plan('survey.loadInvitation', { reply: duplicateIds }, { reply: { ...good, reviewLinks: [{ site: 'google', url: 'javascript:alert(1)' }] } });
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open });
    expect($(survey, '[part="error"]')!.textContent).to.contain('We could not load this survey.');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'server', operation: 'survey.loadInvitation' });
    await expectNoAxeViolations(survey);

    // A link that is not http(s) is imperfect data, not a broken reply: it is left out, the
    // developer is told which field, and the patient gets the survey.
    $<HTMLButtonElement>(survey, '[part="retry"]')!.click();
    await until(() => $(survey, 'form'), 'the reply with a bad review link is used without the link');
    expect(faults.calls).to.have.length(2);
    expect(heading(survey)).to.equal(demoSurvey.title);
    expect([...survey.shadowRoot!.querySelectorAll('a')].some((link) => link.getAttribute('href')?.startsWith('javascript:')), 'a script link never renders').to.equal(false);
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'server', operation: 'survey.loadInvitation', field: 'reviewLinks.0.url' });
  });

  it('keeps the answers through a network failure on submit, and sends them once back online', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open, offlineQueue: false });
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');
    answer(survey, 8, 'Could not park');
    faults.setOffline(true);
    submit(survey);
    await until(() => $(survey, '[role="alert"]'), 'failure shown');
    expect(textOf(survey)).to.contain('The connection dropped, so your answers are not sent yet. They are safe on this page');
    expect($<HTMLTextAreaElement>(survey, '#q-why')!.value).to.equal('Could not park');
    expect(radiosOf(survey, 'nps')[8]!.getAttribute('aria-checked')).to.equal('true');
    await expectNoAxeViolations(survey);

    faults.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await untilThanks(survey);
    expect(backend.survey.listResponses()).to.have.length(1);
    expect(submitted).to.have.length(1);
  });

  it('finds the stored response when the reply to a submit was lost, and reports it once', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open, offlineQueue: false });
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');
    answer(survey, 10);
    await until(() => textOf(survey).includes('Your answers so far are saved.'), 'saved');
    faults.plan('survey.submit', { dropAfter: true });
    submit(survey);
    await until(() => $(survey, '[role="alert"]'), 'failure shown');
    expect(backend.survey.listResponses(), 'the backend did store it').to.have.length(1);
    $<HTMLButtonElement>(survey, '[role="alert"] button')!.click();
    await untilThanks(survey);
    expect(backend.survey.listResponses()).to.have.length(1);
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.detail.responseId).to.equal(backend.survey.listResponses()[0]!.id);
  });

  it('recognises its own lost submit when a later save is refused as already answered', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open, offlineQueue: false });
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');
    faults.plan('survey.submit', { dropAfter: true });
    answer(survey, 7, 'Good');
    submit(survey);
    await untilThanks(survey);
    expect(backend.survey.listResponses()).to.have.length(1);
    expect(submitted.map((event) => event.detail.responseId)).to.deep.equal([backend.survey.listResponses()[0]!.id]);
    expect(submitCalls(faults.calls)).to.equal(2);
  });

  it('sends once on a double click', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    faults.always('survey.submit', { delayMs: 50 });
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open });
    answer(survey, 6);
    submit(survey);
    submit(survey);
    await survey.updateComplete;
    expect($(survey, '[part="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(survey, '[part="submit"]')!.textContent).to.contain('Sending…');
    submit(survey);
    await untilThanks(survey);
    expect(submitCalls(faults.calls)).to.equal(1);
    expect(backend.survey.listResponses()).to.have.length(1);
  });

  it('stores one response when two tabs submit at once; the second sees the thank-you', async () => {
    const backend = createMemoryAdapter({ latencyMs: { min: 0, max: 20 } });
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');
    const first = await mountSurvey({ adapter: backend, token: DEMO_SURVEY_TOKENS.open });
    const second = await mountSurvey({ adapter: backend, token: DEMO_SURVEY_TOKENS.open });
    answer(first, 9);
    answer(second, 3);
    submit(first);
    submit(second);
    await untilThanks(first);
    await untilThanks(second);
    expect(backend.survey.listResponses()).to.have.length(1);
    expect(submitted).to.have.length(1);
    for (const tab of [first, second]) {
      expect(heading(tab)).to.equal('Thank you, we have your answers');
      expect(tab.shadowRoot!.querySelectorAll('[part="review-link"]')).to.have.length(2);
    }
    await expectNoAxeViolations(second);
  });

  it('keeps a failed submit in the encrypted offline queue, and sends it after a reload', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const before = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open });
    answer(before, 2, 'My shoulder still hurts');
    faults.setOffline(true);
    submit(before);
    await until(() => textOf(before).includes('kept, encrypted, on this device'), 'queued');

    const stored = await readQueueDatabase();
    expect(stored.length, 'one encrypted entry').to.equal(1);
    expect(stored.join(' '), 'no answer or token in clear').not.to.match(/shoulder|hurts|demo-survey/);
    before.remove();

    // "Reload": a new element on the same link, back online.
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');
    const after = await mountSurvey({ adapter: backend, token: DEMO_SURVEY_TOKENS.open });
    await untilThanks(after);
    expect(backend.survey.listResponses()).to.have.length(1);
    expect(backend.survey.listResponses()[0]!.npsScore).to.equal(2);
    expect(submitted).to.have.length(1);
    await until(async () => (await (await openOfflineQueue<PendingSubmit>('pxm-survey-submit')).list()).length === 0, 'queue wiped once sent');
  });

  it('stores nothing on the device with offline-queue="off"', async () => {
    const faults = createFaultyAdapter(memory());
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open, offlineQueue: false });
    answer(survey, 7);
    faults.setOffline(true);
    submit(survey);
    await until(() => $(survey, '[role="alert"]'), 'failure shown');
    expect(textOf(survey)).not.to.contain('on this device');
    expect(await (await openOfflineQueue<PendingSubmit>('pxm-survey-submit')).list()).to.have.length(0);
  });

  it('explains a link that expires before the answers are sent', async () => {
    const clock = createManualClock(new Date());
    const backend = createMemoryAdapter({ now: clock.now, latencyMs: 0 });
    const survey = await mountSurvey({ adapter: backend, token: DEMO_SURVEY_TOKENS.open });
    answer(survey, 5, 'Kind staff');
    clock.advance(31 * 86_400_000);
    submit(survey);
    await until(() => textOf(survey).includes('This survey link has just expired'), 'expired');
    expect($<HTMLTextAreaElement>(survey, '#q-why')!.value).to.equal('Kind staff');
    expect(backend.survey.listResponses()).to.have.length(0);
  });

  it('keeps retrying partial saves quietly while offline', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open });
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    faults.setOffline(true);
    answer(survey, 1);
    await until(() => textOf(survey).includes('Not saved yet. We will keep trying.'), 'save failure shown');
    expect(errors.map((e) => e.detail)).to.deep.equal([{ code: 'network', operation: 'survey.savePartial' }]);
    faults.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await until(() => textOf(survey).includes('Your answers so far are saved.'), 'saved once online');
    expect((await backend.survey.loadInvitation(DEMO_SURVEY_TOKENS.open)).partialAnswers.nps).to.equal(1);
  });

  it('survives a malformed reply to submit without losing the answers', async () => {
    const backend = memory();
    const faults = createFaultyAdapter(backend);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open, offlineQueue: false });
    answer(survey, 4, 'Too many forms');
    faults.plan('survey.submit', { reply: { id: 42 } });
    submit(survey);
    await until(() => $(survey, '[role="alert"]'), 'failure shown');
    expect(textOf(survey)).to.contain('Something went wrong on our side.');
    expect($<HTMLTextAreaElement>(survey, '#q-why')!.value).to.equal('Too many forms');
  });
});

/** Every stored entry of the offline queue's database, as text, to look for anything in clear. */
async function readQueueDatabase(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('pxm-offline-queue');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction('items', 'readonly').objectStore('items').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  const decoder = new TextDecoder();
  const queue = await digest('queue:pxm-survey-submit');
  return rows.filter((row) => (row as { queue: string }).queue === queue).map((row) => {
    const { data, ...rest } = row as { data: ArrayBuffer };
    return `${JSON.stringify(rest)} ${decoder.decode(data)}`;
  });
}
