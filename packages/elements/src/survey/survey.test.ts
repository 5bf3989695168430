import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createManualClock, createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, $$, focused, heading, mountSurvey, radiosOf, textOf, untilThanks } from '../test-helpers/survey-harness.js';
import type { PxmSurveySubmittedEvent } from './survey.events.js';

const adapterNow = () => createMemoryAdapter({ latencyMs: 0 });

/** The longest pause `<pxm-survey>` waits before saving a changed answer (typed text). */
const SAVE_AFTER_TYPING_MS = 1_000;

/** Presses Tab until focus is on `target` (inside the survey), at most `limit` times. */
async function tabTo(matches: () => boolean, limit = 30): Promise<void> {
  for (let i = 0; i < limit && !matches(); i += 1) await sendKeys({ press: 'Tab' });
  expect(matches(), 'reached by Tab').to.equal(true);
}

describe('pxm-survey', () => {
  it('opens an invitation with every question type, and has no axe violations', async () => {
    const survey = await mountSurvey({ adapter: adapterNow(), token: DEMO_SURVEY_TOKENS.open });
    expect(heading(survey)).to.equal('How was your care at Cedar Ridge?');
    const nps = $(survey, '[data-question="nps"] [role="radiogroup"]')!;
    expect(nps.getAttribute('aria-required')).to.equal('true');
    const label = $(survey, `#${nps.getAttribute('aria-labelledby')}`)!;
    expect(label.textContent).to.contain('How likely are you to recommend');
    expect(radiosOf(survey, 'nps')).to.have.length(11);
    expect(radiosOf(survey, 'therapist').map((r) => r.textContent!.trim())).to.deep.equal([
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ]);
    expect($$(survey, '[data-question="goals"] input[type="radio"]')).to.have.length(3);
    expect($$(survey, '[data-question="helped"] input[type="checkbox"]')).to.have.length(5);
    expect($$(survey, 'textarea')).to.have.length(2);
    await expectNoAxeViolations(survey);
  });

  it('can be completed with the keyboard alone, and reports the response once', async () => {
    const adapter = adapterNow();
    const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
    const submitted = recordEvents<PxmSurveySubmittedEvent>(document, 'pxm-survey-submitted');

    await tabTo(() => focused(survey)?.getAttribute('role') === 'radio');
    expect(focused(survey)!.textContent).to.contain('0');
    for (let i = 0; i < 9; i += 1) await sendKeys({ press: 'ArrowRight' });
    expect(radiosOf(survey, 'nps')[9]!.getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'Tab' });
    expect(focused(survey)!.tagName).to.equal('TEXTAREA');
    expect($(survey, 'label[for="q-why"]')!.textContent).to.contain('What did you value most?');
    await sendKeys({ type: 'Clear explanations' });

    await sendKeys({ press: 'Tab' });
    expect(focused(survey)!.getAttribute('role')).to.equal('radio');
    await sendKeys({ press: 'End' });
    expect(radiosOf(survey, 'therapist')[4]!.getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(survey, '[data-question="goals"] input')!.checked).to.equal(true);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const helped = $$<HTMLInputElement>(survey, '[data-question="helped"] input').map((input) => input.checked);
    expect(helped).to.deep.equal([true, false, true, false, false]);

    await tabTo(() => focused(survey)?.getAttribute('part') === 'submit');
    await sendKeys({ press: 'Enter' });
    await untilThanks(survey);

    expect(heading(survey)).to.equal('Thank you, we have your answers');
    expect(focused(survey)?.tagName, 'focus moves to the thank-you heading').to.equal('H2');
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.detail.responseId).to.match(/^sresp-/);
    expect(Object.keys(submitted[0]!.detail).sort()).to.deep.equal(['responseId', 'submittedAt']);
    expect(adapter.survey.listResponses()).to.have.length(1);
    await expectNoAxeViolations(survey);
  });

  it('asks for the required score before sending, and moves focus there', async () => {
    const adapter = adapterNow();
    const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await until(() => $(survey, '.error-text'), 'error shown');
    expect(textOf(survey)).to.contain('One question needs your attention.');
    expect(textOf(survey)).to.contain('Please answer this question.');
    const group = $(survey, '[data-question="nps"] [role="radiogroup"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(group.getAttribute('aria-describedby')).to.contain('q-nps-error');
    expect(focused(survey)).to.equal(radiosOf(survey, 'nps')[0]);
    expect(adapter.survey.listResponses()).to.have.length(0);
    await expectNoAxeViolations(survey);
    radiosOf(survey, 'nps')[6]!.click();
    await survey.updateComplete;
    expect($(survey, '.error-text'), 'the message goes once answered').to.equal(null);
  });

  it('words the follow-up by NPS segment: detractor, passive, promoter', async () => {
    const survey = await mountSurvey({ adapter: adapterNow(), token: DEMO_SURVEY_TOKENS.open });
    const prompt = () => $(survey, 'label[for="q-why"]')!.textContent!.trim();
    expect(prompt()).to.equal('What is the main reason for your score?');
    const cases: Array<[number, string]> = [
      [0, 'We are sorry we fell short. What should we have done better?'],
      [6, 'We are sorry we fell short. What should we have done better?'],
      [7, 'What would have made your care excellent?'],
      [8, 'What would have made your care excellent?'],
      [9, 'We are glad! What did you value most?'],
      [10, 'We are glad! What did you value most?'],
    ];
    for (const [score, wording] of cases) {
      radiosOf(survey, 'nps')[score]!.click();
      await survey.updateComplete;
      expect(prompt(), `score ${score}`).to.equal(wording);
    }
  });

  it('counts characters live and refuses text over the limit without cutting it', async () => {
    const survey = await mountSurvey({ adapter: adapterNow(), token: DEMO_SURVEY_TOKENS.open });
    const box = $<HTMLTextAreaElement>(survey, '#q-why')!;
    const counter = () => $(survey, '#q-why-count')!.textContent!.trim();
    expect(counter()).to.equal('1,000 characters left');
    expect(box.getAttribute('aria-describedby')).to.contain('q-why-count');
    box.focus();
    await sendKeys({ type: 'Great 😀' });
    await survey.updateComplete;
    expect(counter()).to.equal('993 characters left');
    await until(() => $(survey, 'form > [aria-live="polite"]')!.textContent!.includes('993 characters left'), 'announced after a pause');

    box.value = 'a'.repeat(1002);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await survey.updateComplete;
    expect(counter()).to.equal('2 characters too many');
    radiosOf(survey, 'nps')[5]!.click();
    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await until(() => textOf(survey).includes('Please shorten your answer to 1,000 characters or fewer.'), 'too long');
    expect(box.value, 'nothing typed is cut').to.have.length(1002);
    expect(focused(survey)).to.equal(box);
  });

  it('saves answers as the patient goes, and the same link resumes them', async () => {
    const adapter = adapterNow();
    const first = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
    radiosOf(first, 'nps')[7]!.click();
    radiosOf(first, 'therapist')[3]!.click();
    const box = $<HTMLTextAreaElement>(first, '#q-why')!;
    box.value = 'More evening slots';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    box.dispatchEvent(new FocusEvent('blur'));
    await until(() => textOf(first).includes('Your answers so far are saved.'), 'saved');
    await until(async () => (await adapter.survey.loadInvitation(DEMO_SURVEY_TOKENS.open)).partialAnswers.why === 'More evening slots', 'text saved');
    first.remove();

    const again = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
    expect(textOf(again)).to.contain('Welcome back. We kept your earlier answers.');
    expect(radiosOf(again, 'nps')[7]!.getAttribute('aria-checked')).to.equal('true');
    expect(radiosOf(again, 'nps')[7]!.tabIndex, 'the chosen option is the Tab stop').to.equal(0);
    expect(radiosOf(again, 'therapist')[3]!.getAttribute('aria-checked')).to.equal('true');
    expect($<HTMLTextAreaElement>(again, '#q-why')!.value).to.equal('More evening slots');
    expect($(again, 'label[for="q-why"]')!.textContent).to.contain('excellent', 'wording follows the resumed score');
  });

  it('never carries unsaved answers over to another invitation when the token changes', async () => {
    const adapter = adapterNow();
    const faults = createFaultyAdapter(adapter);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.open });
    // The save a click schedules runs on a timer: fake it, so "no save" is proven by running that timer, not by sleeping.
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      radiosOf(survey, 'nps')[2]!.click();
      survey.token = DEMO_SURVEY_TOKENS.resume;
      await until(() => textOf(survey).includes('Welcome back'), 'the other invitation resumed');
      expect(radiosOf(survey, 'nps')[8]!.getAttribute('aria-checked')).to.equal('true');
      // A choice saves after 250 ms and typed text after 1 s: past the longest, the save would have been sent.
      await clock.tickAsync(SAVE_AFTER_TYPING_MS);
    } finally {
      clock.restore();
    }
    expect(faults.calls.filter((call) => call === 'survey.savePartial'), 'no save of the first survey’s answer').to.have.length(0);
    expect((await adapter.survey.loadInvitation(DEMO_SURVEY_TOKENS.resume)).partialAnswers).to.deep.equal({ nps: 8, therapist: 4 });
  });

  it('shows its own message for answered, expired, invalid and missing tokens', async () => {
    const adapter = adapterNow();
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const answered = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.answered });
    expect(heading(answered)).to.equal('Thank you, we have your answers');
    expect($$(answered, '[part="review-link"]')).to.have.length(2, 'every respondent sees the review links');
    await expectNoAxeViolations(answered);

    const expired = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.expired });
    expect(heading(expired)).to.equal('This survey has closed');
    expect(textOf(expired)).to.match(/expired on \w+ \d+, \d{4}\. To tell Cedar Ridge Physical Therapy/);
    expect($(expired, 'form')).to.equal(null);
    await expectNoAxeViolations(expired);

    const invalid = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.invalid });
    expect(heading(invalid)).to.equal('We cannot open this survey');
    expect(textOf(invalid)).to.contain('The link may be incomplete.');
    await expectNoAxeViolations(invalid);
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'token_invalid', operation: 'survey.loadInvitation' });

    const missing = await mountSurvey({ adapter });
    expect(heading(missing)).to.equal('We cannot open this survey');
  });

  it('keeps the answers on screen when the link expires mid-survey', async () => {
    const clock = createManualClock(new Date());
    const adapter = createMemoryAdapter({ now: clock.now, latencyMs: 0 });
    const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
    radiosOf(survey, 'nps')[4]!.click();
    await until(() => textOf(survey).includes('saved'), 'first answer saved');
    clock.advance(31 * 86_400_000);
    const box = $<HTMLTextAreaElement>(survey, '#q-why')!;
    box.value = 'Parking was hard';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    box.dispatchEvent(new FocusEvent('blur'));
    await until(() => $(survey, '[role="alert"]'), 'expiry shown');
    expect(textOf(survey)).to.contain('This survey link has just expired');
    expect($(survey, '[part="submit"]'), 'no send button that cannot work').to.equal(null);
    expect(box.value).to.equal('Parking was hard');
    expect(radiosOf(survey, 'nps')[4]!.getAttribute('aria-checked')).to.equal('true');
    const saved = await adapter.survey.loadInvitation(DEMO_SURVEY_TOKENS.open);
    expect(saved.status).to.equal('expired');
    expect(saved.partialAnswers.nps, 'what was saved before expiry is kept').to.equal(4);
    await expectNoAxeViolations(survey);
  });
});
