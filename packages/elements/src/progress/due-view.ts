/**
 * What is due: each measure the practice asks for again, with "Take it now", which opens it in
 * `<pxm-intake-form>` right here (loaded on demand: most visits have nothing due).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PxmAdapter } from '@pxm/core';
import type { DueMeasure } from '@pxm/core/progress';
import { dayOf, type ProgressText } from './progress-format.js';

export interface DueView {
  msg: ProgressText;
  due: readonly DueMeasure[];
  /** Measure titles by instrument, from the series the patient already has. */
  titleOf(instrumentId: string): string;
  timeZone: string;
  /** The measure open in the intake form, if any. */
  open: DueMeasure | undefined;
  /** The intake element's code: loading, there, or failed to download. */
  intakeState: 'idle' | 'loading' | 'ready' | 'failed';
  adapter: PxmAdapter | undefined;
  locale: string;
  retryText: string;
  onTake(measure: DueMeasure): void;
  onClose(): void;
  onSubmitted(event: Event): void;
}

const REASON_KEYS = {
  'interval-days': 'due_interval_days',
  'interval-visits': 'due_interval_visits',
  discharge: 'due_discharge',
} as const;

function openMeasure(view: DueView, measure: DueMeasure): TemplateResult {
  const { msg } = view;
  if (view.intakeState === 'failed') {
    return html`<div class="notice error" role="alert" part="error">
      <p>${msg.text('openFailed')}</p>
      <button type="button" class="button" part="retry" @click=${() => view.onTake(measure)}>${view.retryText}</button>
    </div>`;
  }
  if (view.intakeState !== 'ready') {
    return html`<div class="state" role="status" part="loading"><span class="spinner" aria-hidden="true"></span><span>${msg.text('opening')}</span></div>`;
  }
  return html`<pxm-intake-form
    part="intake"
    token=${measure.formToken}
    .adapter=${view.adapter}
    locale=${view.locale}
    time-zone=${view.timeZone}
    heading-level="4"
    @pxm-intake-submitted=${view.onSubmitted}
  ></pxm-intake-form>`;
}

function dueItem(view: DueView, measure: DueMeasure): TemplateResult {
  const { msg } = view;
  const title = view.titleOf(measure.instrumentId);
  const isOpen = view.open?.formToken === measure.formToken;
  return html`<li class="due-item" part="due-item" data-instrument=${measure.instrumentId}>
    <div class="due-text">
      <strong>${title}</strong>
      <span class="muted">${msg.text(REASON_KEYS[measure.reason])}</span>
      ${measure.dueAt ? html`<span class="muted">${msg.text('dueOn', dayOf(msg, measure.dueAt, view.timeZone))}</span>` : nothing}
    </div>
    ${isOpen
      ? html`<button type="button" class="button" part="close-measure" @click=${view.onClose}>${msg.text('closeMeasure')}</button>
          <div class="intake-box">${openMeasure(view, measure)}</div>`
      : html`<button type="button" class="button primary" part="take-now" @click=${() => view.onTake(measure)}>
          ${msg.text('takeItNow')}<span class="visually-hidden">: ${title}</span>
        </button>`}
  </li>`;
}

export function renderDue(view: DueView): TemplateResult | typeof nothing {
  if (view.due.length === 0) return nothing;
  return html`<section class="section due" part="due" aria-labelledby="due-heading">
    <h3 id="due-heading">${view.msg.text('dueHeading')}</h3>
    <ul class="due-list">
      ${view.due.map((measure) => dueItem(view, measure))}
    </ul>
  </section>`;
}
