/** After the submit: the confirmation with next steps, a copy of the signed consents and scores; or "already sent". */
import { html, type nothing, type TemplateResult } from 'lit';
import { evaluateCondition, type FormDefinition, type FormEngine, type IntakeResponse } from '@pxm/core/forms';
import { humanReference } from '@pxm/core';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { paragraphs } from './field-markup.js';
import { heading } from './heading.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';

export function renderAlreadySubmitted(l10n: LocalizeController<IntakeFormMessages>, headingLevel: number): TemplateResult {
  return html`<div class="done" part="done">
    ${heading(headingLevel, l10n.text('alreadySubmittedTitle'), { className: 'done-title', focusTarget: true, doneTitle: true })}
    <p>${l10n.text('alreadySubmittedBody')}</p>
  </div>`;
}

export interface DoneView {
  readonly l10n: LocalizeController<IntakeFormMessages>;
  readonly definition: FormDefinition;
  readonly engine: FormEngine;
  readonly response: IntakeResponse;
  /** The confirmation's heading level; its sub-headings are one below. */
  readonly headingLevel: number;
  /** "Save a copy of your signed consent", when the signing part is there. */
  readonly saveCopy: TemplateResult | typeof nothing;
  readonly scores: TemplateResult | typeof nothing;
}

export function renderDone(view: DoneView): TemplateResult {
  const { l10n, definition, engine, response } = view;
  // Steps that hold for the answers sent: no insurance card for someone paying for themselves.
  const submitted = engine.responseAnswers();
  const conditional = (definition.nextStepsWhen ?? []).filter((step) => evaluateCondition(step.when, (itemId) => submitted[itemId]));
  return html`<div class="done" part="done">
    <div class="done-heading">
      <svg class="success-mark" part="success-mark" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11"></circle>
        <path d="M6.5 12.5 10.5 16.5 17.5 8.5"></path>
      </svg>
      ${heading(view.headingLevel, l10n.text('doneTitle'), { className: 'done-title', focusTarget: true, doneTitle: true })}
    </div>
    ${heading(Math.min(view.headingLevel + 1, 6), l10n.text('nextStepsTitle'), { className: 'next-steps-title' })}
    <div class="next-steps">${paragraphs(definition.nextSteps ?? l10n.text('defaultNextSteps'))} ${conditional.map((step) => paragraphs(step.text))}<slot name="next-steps"></slot></div>
    ${view.saveCopy} ${view.scores}
    <p class="hint reference" part="reference">${l10n.text('reference', humanReference(response.id))}</p>
  </div>`;
}
