import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { $, $$, mountSurvey, radiosOf, untilThanks } from '../test-helpers/survey-harness.js';

describe('pxm-survey: status messages do not outlive their moment', () => {
  it('does not read out the comment box’s character count on the thank-you page', async () => {
    const survey = await mountSurvey({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: DEMO_SURVEY_TOKENS.open });
    radiosOf(survey, 'nps')[9]!.click();
    const why = $<HTMLTextAreaElement>(survey, 'textarea')!;
    why.value = 'Clear explanations';
    why.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    // Sent straight away, before the count would have been read out (it waits for a pause in typing).
    $<HTMLButtonElement>(survey, '[part~="submit"]')!.click();
    await untilThanks(survey);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await survey.updateComplete;
    const live = $$(survey, '[aria-live]').map((region) => region.textContent!.trim()).join(' ');
    expect(live).not.to.match(/characters/);
  });
});
