/**
 * The review prompt, the compliant way: every score from 0 to 10 sees the same review links,
 * untouched, opening in a new tab; only the sentence above them may differ; nothing asks for a
 * rating or offers anything; private feedback sits beside the links.
 */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { demoPractice, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, $$, mountSurvey, radiosOf, textOf, untilThanks } from '../test-helpers/survey-harness.js';
import type { PxmSurveyReviewClickEvent } from './survey.events.js';
import type { PxmSurvey } from './survey.js';

const configured = demoPractice.reviewLinks!;

async function answerWith(score: number): Promise<{ survey: PxmSurvey; adapter: ReturnType<typeof createMemoryAdapter> }> {
  const adapter = createMemoryAdapter({ latencyMs: 0 });
  const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.open });
  radiosOf(survey, 'nps')[score]!.click();
  const why = $<HTMLTextAreaElement>(survey, '#q-why')!;
  why.value = 'My knee pain after surgery is much better';
  why.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
  await untilThanks(survey);
  return { survey, adapter };
}

describe('pxm-survey review prompt', () => {
  it('shows the same review links to every score from 0 to 10', async () => {
    const prompts = new Map<number, string>();
    for (let score = 0; score <= 10; score += 1) {
      const { survey, adapter } = await answerWith(score);
      expect(adapter.survey.listResponses()[0]!.npsScore).to.equal(score);
      const links = $$<HTMLAnchorElement>(survey, '[part="review-link"]');
      expect(links.map((link) => link.getAttribute('href')), `score ${score}: the configured links, untouched`).to.deep.equal(configured.map((link) => link.url));
      for (const link of links) {
        expect(link.target, `score ${score}`).to.equal('_blank');
        expect(link.rel.split(' '), `score ${score}`).to.include('noopener');
        expect(link.href, 'no score or health detail added').not.to.match(/score|nps|knee|pain|surgery|[?&#]/i);
        expect(link.getClientRects().length, `score ${score}: visible`).to.be.greaterThan(0);
      }
      expect(links.map((link) => link.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Write a review on Google (opens in a new tab)',
        'Write a review on Facebook (opens in a new tab)',
      ]);
      const review = $(survey, '[part="review"]')!;
      const wording = review.textContent!.replace(/\s+/g, ' ');
      expect(wording, `score ${score}: never asks for a rating`).not.to.match(/\bstars?\b|5-star|five.star|rate us|rating|\b10\b/i);
      expect(wording, `score ${score}: never offers anything`).not.to.match(/discount|gift|reward|coupon|free|prize|raffle|entry|credit/i);
      const feedback = $(survey, '[part="feedback"]')!;
      expect(feedback.textContent, `score ${score}: private feedback beside the links`).to.contain('privately');
      expect(review.parentElement).to.equal(feedback.parentElement);
      prompts.set(score, $(survey, '[part="review"] p')!.textContent!.trim());
      if (score === 0 || score === 10) await expectNoAxeViolations(survey);
      survey.remove();
    }
    // Only the wording may differ by segment.
    expect(new Set([0, 1, 2, 3, 4, 5, 6].map((s) => prompts.get(s))).size).to.equal(1);
    expect(prompts.get(7)).to.equal(prompts.get(8));
    expect(prompts.get(9)).to.equal(prompts.get(10));
  });

  it('reports which site was opened, and nothing else', async () => {
    const { survey } = await answerWith(3);
    const clicks = recordEvents<PxmSurveyReviewClickEvent>(document, 'pxm-survey-review-click');
    const [google, facebook] = $$<HTMLAnchorElement>(survey, '[part="review-link"]');
    // Keep the test page where it is: the link itself is checked above.
    const stay = (event: Event) => event.preventDefault();
    survey.shadowRoot!.addEventListener('click', stay);
    google!.click();
    facebook!.click();
    survey.shadowRoot!.removeEventListener('click', stay);
    expect(clicks.map((event) => event.detail)).to.deep.equal([{ site: 'google' }, { site: 'facebook' }]);
    expect(clicks[0]!.bubbles && clicks[0]!.composed).to.equal(true);
  });

  it('sends a private note once: a double click and a retry after a lost reply store one', async () => {
    const memory = createMemoryAdapter({ latencyMs: 0 });
    const faults = createFaultyAdapter(memory);
    const survey = await mountSurvey({ adapter: faults.adapter, token: DEMO_SURVEY_TOKENS.answered });
    const send = () => $<HTMLButtonElement>(survey, '[part="feedback-send"]')!.click();
    send();
    await until(() => textOf(survey).includes('Please write a message first.'), 'empty note refused');
    const note = $<HTMLTextAreaElement>(survey, '#private-note')!;
    note.value = 'Please call me about my bill.';
    note.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await survey.updateComplete;
    faults.plan('survey.sendFeedback', { dropAfter: true });
    send();
    send();
    await until(() => textOf(survey).includes('We could not reach the practice’s online service'), 'lost reply reported (the browser is online: not "offline")');
    expect(note.value, 'the note is kept').to.equal('Please call me about my bill.');
    expect(survey.shadowRoot!.activeElement).to.equal(note);
    send();
    await until(() => textOf(survey).includes('Your message went only to the clinic team.'), 'sent');
    expect(faults.calls.filter((call) => call === 'survey.sendFeedback')).to.have.length(2, 'the double click sent once');
    expect(memory.survey.listFeedback()).to.have.length(1);
    expect(memory.survey.listFeedback()[0]!.message).to.equal('Please call me about my bill.');
    expect($$(survey, '[part="review-link"]'), 'the review links stay').to.have.length(2);
    await expectNoAxeViolations(survey);
  });

  it('still offers the review links when the practice has no private note channel', async () => {
    const base = createMemoryAdapter({ latencyMs: 0 });
    const { sendFeedback: _omitted, ...survey } = base.survey;
    const adapter = { name: 'no-feedback', survey };
    const element = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.answered });
    expect($$(element, '[part="review-link"]')).to.have.length(2);
    expect($(element, '[part="feedback"]')!.textContent).to.contain('Your answers went only to Cedar Ridge Physical Therapy.');
    expect($(element, '#private-note')).to.equal(null);
  });

  it('shows no review block when the practice has configured none', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 0, seed: { practice: { ...demoPractice, reviewLinks: [] } } });
    const survey = await mountSurvey({ adapter, token: DEMO_SURVEY_TOKENS.answered });
    expect($(survey, '[part="review"]')).to.equal(null);
    expect($(survey, '[part="feedback"]')).not.to.equal(null);
  });
});
