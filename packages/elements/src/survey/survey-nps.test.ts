/** The NPS scale: one radio group of eleven, one Tab stop, roving focus, RTL, targets, 320 px. */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { accessibleNames } from '../test-helpers/accessible-name.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { $, focused, mountSurvey, radiosOf } from '../test-helpers/survey-harness.js';
import type { PxmSurvey } from './survey.js';

const open = (dir: 'ltr' | 'rtl' = 'ltr') => mountSurvey({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: DEMO_SURVEY_TOKENS.open, dir });

const checkedIndex = (survey: PxmSurvey) => radiosOf(survey, 'nps').findIndex((radio) => radio.getAttribute('aria-checked') === 'true');
const tabStops = (survey: PxmSurvey) => radiosOf(survey, 'nps').filter((radio) => radio.tabIndex === 0);

async function press(survey: PxmSurvey, key: string, expected: number): Promise<void> {
  await sendKeys({ press: key });
  await survey.updateComplete;
  expect(checkedIndex(survey), `${key} chooses ${expected}`).to.equal(expected);
  expect(focused(survey), `${key} moves focus to ${expected}`).to.equal(radiosOf(survey, 'nps')[expected]);
  expect(tabStops(survey), 'exactly one Tab stop, on the chosen option').to.deep.equal([radiosOf(survey, 'nps')[expected]]);
}

describe('pxm-survey NPS scale', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is one labelled radio group of eleven with the ends named', async () => {
    const survey = await open();
    const groups = survey.shadowRoot!.querySelectorAll('[data-question="nps"] [role="radiogroup"]');
    expect(groups).to.have.length(1);
    const radios = radiosOf(survey, 'nps');
    expect(radios.map((radio) => radio.querySelector('span')!.textContent)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios[0]!.textContent).to.contain('Not at all likely');
    expect(radios[10]!.textContent).to.contain('Extremely likely');
    const names = await accessibleNames(radios);
    expect([names[0], names[1], names[10]], 'as a screen reader hears them, no space before the comma').to.deep.equal(['0, Not at all likely', '1', '10, Extremely likely']);
    const ends = [...$(survey, '[part="scale-ends"]')!.querySelectorAll('span')].map((span) => span.textContent);
    expect(ends).to.deep.equal(['0 – Not at all likely', '10 – Extremely likely']);
    expect(radios.every((radio) => radio.getAttribute('aria-checked') === 'false')).to.equal(true);
    expect(tabStops(survey), 'before a choice the first option is the Tab stop').to.deep.equal([radios[0]]);
  });

  it('takes one Tab stop and moves with the arrow keys, Home and End, wrapping at the ends', async () => {
    const survey = await open();
    const radios = radiosOf(survey, 'nps');
    radios[0]!.focus();
    await press(survey, 'ArrowRight', 1);
    await press(survey, 'ArrowDown', 2);
    await press(survey, 'ArrowLeft', 1);
    await press(survey, 'ArrowUp', 0);
    await press(survey, 'ArrowLeft', 10);
    await press(survey, 'ArrowRight', 0);
    await press(survey, 'End', 10);
    await press(survey, 'Home', 0);
    await press(survey, 'End', 10);

    // Tab leaves the group at once, Shift+Tab comes back to the chosen option.
    await sendKeys({ press: 'Tab' });
    expect(focused(survey)!.tagName).to.equal('TEXTAREA');
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(survey)).to.equal(radios[10]);
  });

  it('chooses the focused option with Space, and by click', async () => {
    const survey = await open();
    radiosOf(survey, 'nps')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await survey.updateComplete;
    expect(checkedIndex(survey)).to.equal(0);
    radiosOf(survey, 'nps')[6]!.click();
    await survey.updateComplete;
    expect(checkedIndex(survey)).to.equal(6);
    expect(focused(survey)).to.equal(radiosOf(survey, 'nps')[6]);
    await expectNoAxeViolations(survey);
  });

  it('follows the reading direction in right-to-left text, arrows included', async () => {
    const survey = await open('rtl');
    const radios = radiosOf(survey, 'nps');
    const x = (index: number) => radios[index]!.getBoundingClientRect().left;
    expect(x(0)).to.be.greaterThan(x(1), '0 sits on the right');
    expect(x(4)).to.be.greaterThan(x(5));
    radios[3]!.focus();
    await press(survey, 'ArrowLeft', 4);
    await press(survey, 'ArrowRight', 3);
    await press(survey, 'ArrowDown', 4);
    await press(survey, 'End', 10);
    await expectNoAxeViolations(survey);
  });

  it('keeps every option at least 24 px wide and 44 px tall, in one row, and never scrolls sideways at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const survey = await open();
    await survey.updateComplete;
    for (const radio of radiosOf(survey, 'nps')) {
      const box = radio.getBoundingClientRect();
      // Eleven 44 px boxes cannot share a phone's row; 24 px (WCAG 2.5.8) by 44 px keeps one even row.
      expect(box.width, 'width').to.be.at.least(24);
      expect(box.height, 'height').to.be.at.least(44);
    }
    expect(new Set(radiosOf(survey, 'nps').map((radio) => Math.round(radio.getBoundingClientRect().top))).size, 'one row').to.equal(1);
    for (const radio of radiosOf(survey, 'therapist')) expect(radio.getBoundingClientRect().height).to.be.at.least(44);
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
    const base = $(survey, '[part="base"]')!;
    expect(base.scrollWidth, 'survey width').to.be.at.most(base.clientWidth);
    const right = Math.max(...radiosOf(survey, 'nps').map((radio) => radio.getBoundingClientRect().right));
    expect(right).to.be.at.most(320);
  });

  it('lays the eleven options in one row when there is room', async () => {
    await setViewport({ width: 900, height: 700 });
    const survey = await open();
    const tops = new Set(radiosOf(survey, 'nps').map((radio) => Math.round(radio.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
  });
});
