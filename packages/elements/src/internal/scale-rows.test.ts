/**
 * The 0-10 scales at a phone's width (375 px, the page giving the element 343 px): one even row
 * of eleven, never 6 + 5 or 5 + 5 + 1, each point at least 24 px wide and 44 px tall.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { nprsInstrument } from '@pxm/core/prom';
import '../define/pxm-intake-form.js';
import '../define/pxm-survey.js';
import type { PxmIntakeForm } from '../intake-form/intake-form.js';
import type { PxmSurvey } from '../survey/survey.js';
import { until } from '../test-helpers/events.js';

function rowsOf(boxes: Element[]): number[] {
  const tops = new Map<number, number>();
  for (const box of boxes) {
    const top = Math.round(box.getBoundingClientRect().top);
    tops.set(top, (tops.get(top) ?? 0) + 1);
  }
  return [...tops.values()];
}

describe('0-10 scales at 375 px', () => {
  it('the survey’s NPS is one row of eleven', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 343px">
      <pxm-survey .adapter=${createMemoryAdapter({ latencyMs: 0 })} token=${DEMO_SURVEY_TOKENS.open} locale="en"></pxm-survey>
    </div>`);
    const survey = wrapper.querySelector<PxmSurvey>('pxm-survey')!;
    await until(() => survey.shadowRoot?.querySelectorAll('[data-question="nps"] [role="radio"]').length === 11, 'scale');
    const options = [...survey.shadowRoot!.querySelectorAll('[data-question="nps"] [role="radio"]')];
    expect(rowsOf(options)).to.deep.equal([11]);
    for (const option of options) {
      const box = option.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(44);
    }
  });

  it('the intake’s pain rating is one row of eleven', async () => {
    const nprs = nprsInstrument();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 343px">
      <pxm-intake-form locale="en" .definition=${{ id: 'pain', version: '1', title: 'Pain', pages: [{ id: 'p', title: 'Pain', items: [nprs.section] }] }}></pxm-intake-form>
    </div>`);
    const form = wrapper.querySelector<PxmIntakeForm>('pxm-intake-form')!;
    await until(() => form.shadowRoot?.querySelectorAll('.scale-point').length === 11, 'scale');
    const points = [...form.shadowRoot!.querySelectorAll('.scale-point span')];
    expect(rowsOf(points)).to.deep.equal([11]);
    for (const point of points) {
      const box = point.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(44);
    }
  });
});
