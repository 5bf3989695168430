/**
 * A reply whose bad optional fields were left out (an over-long intro or thank-you, a review
 * link's label) still shows the survey: each view falls back to its own words.
 */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { SurveyDefinition } from '@pxm/core/survey';
import { demoPractice, demoSurvey } from '@pxm/core/demo';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { $, $$, heading, mountSurvey, radiosOf, textOf, untilThanks } from '../test-helpers/survey-harness.js';

/** The demo survey with every optional text left out. */
function bareSurvey(): SurveyDefinition {
  const { intro: _intro, thankYou: _thankYou, reviewPrompt: _reviewPrompt, ...definition } = demoSurvey;
  return {
    ...definition,
    questions: definition.questions.map((question) => {
      const { help: _help, ...rest } = question;
      if (rest.type !== 'nps') return rest;
      const { lowLabel: _low, highLabel: _high, ...nps } = rest;
      return nps;
    }),
  };
}

describe('pxm-survey with optional fields absent', () => {
  it('asks, sends and thanks with its own words, and names a review link by its site', async () => {
    const practice = { ...demoPractice, reviewLinks: [{ site: 'google' as const, url: 'https://g.page/r/cedar-ridge/review' }] };
    const adapter = createMemoryAdapter({ latencyMs: 0, seed: { practice, surveys: [{ token: 'bare-survey', definition: bareSurvey(), expiresAt: '2099-12-31T00:00:00Z' }] } });
    const survey = await mountSurvey({ adapter, token: 'bare-survey' });
    expect(heading(survey)).to.equal(demoSurvey.title);
    expect(textOf(survey)).not.to.contain('undefined');
    expect(radiosOf(survey, 'nps')).to.have.length(11);

    radiosOf(survey, 'nps')[9]!.click();
    $<HTMLButtonElement>(survey, '[part="submit"]')!.click();
    await untilThanks(survey);
    expect($(survey, '[part="thanks"]')!.textContent).to.contain('Thank you');
    const links = $$<HTMLAnchorElement>(survey, '[part="review-link"]');
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal(['Write a review on Google (opens in a new tab)']);
    await expectNoAxeViolations(survey);
  });
});
