/** "Take it now" with the demo episode: the due measure opens in the intake form, and its score appears without a reload. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import type { PxmIntakeForm } from '../intake-form/intake-form.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, $$, mountProgress, textOf } from '../test-helpers/progress-harness.js';
import type { PxmProgressMeasureTakenEvent } from './progress.events.js';

const buttonNamed = (form: PxmIntakeForm, text: RegExp) =>
  [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => text.test(textOf(button)));

describe('pxm-progress due measures', () => {
  it('takes the due LEFS in the intake form, then shows the new score and what it means', async () => {
    const element = await mountProgress({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: DEMO_PROGRESS_TOKEN });
    const taken = recordEvents<PxmProgressMeasureTakenEvent>(document, 'pxm-progress-measure-taken');
    const lefsRows = () => $$(element, '[part="measure"][data-instrument="lefs"] tbody tr').length;
    const before = lefsRows();
    expect(before).to.be.greaterThan(2);
    await expectNoAxeViolations(element);

    const take = $<HTMLButtonElement>(element, '[part="due-item"][data-instrument="lefs"] [part="take-now"]')!;
    expect(textOf(take)).to.match(/^Take it now/);
    take.click();
    await until(() => $(element, 'pxm-intake-form')?.shadowRoot?.querySelector('[part~="grid-row"]'), 'the questionnaire opens', 10_000);
    const form = $<PxmIntakeForm>(element, 'pxm-intake-form')!;
    // Every LEFS activity: "No difficulty" (the last choice of each row).
    for (const row of form.shadowRoot!.querySelectorAll('[part~="grid-row"]')) {
      const choices = row.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      choices[choices.length - 1]!.click();
    }
    await form.updateComplete;
    for (let step = 0; step < 4 && !buttonNamed(form, /^Submit/); step++) {
      buttonNamed(form, /^(Next|Review answers)/)?.click();
      await form.updateComplete;
    }
    buttonNamed(form, /^Submit/)!.click();

    await until(() => taken.length === 1 && lefsRows() === before + 1, 'the new score in the table', 10_000);
    expect(taken[0]!.detail.instrumentId).to.equal('lefs');
    expect(Object.keys(taken[0]!.detail).sort()).to.deep.equal(['instrumentId', 'responseId', 'submittedAt']);
    expect($(element, 'pxm-intake-form'), 'the questionnaire closes').to.equal(null);
    const lefs = $(element, '[part="measure"][data-instrument="lefs"]')!;
    expect(textOf(lefs.querySelector('tbody tr:last-child td'))).to.equal('80');
    expect(textOf(lefs.querySelector('[part="reading"] strong'))).to.equal('A change you’d notice');
    await until(() => element.shadowRoot!.activeElement === lefs.querySelector('h4'), 'focus on the measure');
    await until(() => textOf($(element, '[role="status"][aria-live]')) === 'Thank you. Your new score is below.', 'announced');
    expect($(element, '[part="due-item"][data-instrument="lefs"]'), 'no longer due').to.equal(null);
  });

  it('opens and closes the questionnaire from the keyboard, focus returning to Take it now', async () => {
    const element = await mountProgress({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: DEMO_PROGRESS_TOKEN });
    const take = () => $<HTMLButtonElement>(element, '[part="due-item"][data-instrument="lefs"] [part="take-now"]');
    take()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(element, 'pxm-intake-form')?.shadowRoot?.querySelector('[part~="grid-row"]'), 'the questionnaire opens', 10_000);
    await expectNoAxeViolations(element);
    const close = $<HTMLButtonElement>(element, '[part="close-measure"]')!;
    expect(textOf(close)).to.equal('Close the questionnaire');
    close.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => take() && element.shadowRoot!.activeElement === take(), 'focus back on Take it now');
    expect($(element, 'pxm-intake-form')).to.equal(null);
  });

  it('shows the demo episode’s expired link as closed', async () => {
    const element = await mountProgress({ adapter: createMemoryAdapter({ latencyMs: 0 }), token: 'demo-progress-expired' });
    expect(textOf($(element, '[part="closed"] h2'))).to.equal('This link has expired');
  });
});
