/**
 * The form while it is being filled in: title, step and progress, save status, the conflict
 * notice, the error summary, the current page (or the review page) and the navigation.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { parseItemKey, type FormDefinition, type FormEngine, type FormPage } from '@pxm/core/forms';
import type { AdapterError } from '@pxm/core';
import type { CommonMessages } from '../l10n/common.en.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { SaveStatus } from './autosave-controller.js';
import type { FieldContext } from './field-context.js';
import { paragraphs } from './field-markup.js';
import type { FieldState } from './field-validation.js';
import { heading } from './heading.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';
import { renderItems } from './render-items.js';
import { REVIEW_PAGE_ID } from './review-page-id.js';


/** The autosave's state as shown: status, last save, failure, a conflict being resolved; and "Retry". */
export interface SaveView {
  readonly status: SaveStatus;
  readonly savedAt: string | undefined;
  readonly error: AdapterError | undefined;
  /** A conflict is being resolved: its choices are not offered twice. */
  readonly resolving: boolean;
  flush(): Promise<void>;
}

export interface FormView {
  readonly l10n: LocalizeController<IntakeFormMessages>;
  readonly common: LocalizeController<CommonMessages>;
  readonly definition: FormDefinition;
  readonly engine: FormEngine;
  readonly pages: readonly FormPage[];
  readonly pageId: string;
  readonly returnToReview: boolean;
  readonly headingLevel: number;
  readonly timeZone: string;
  readonly fields: FieldState;
  readonly fieldContext: FieldContext;
  /** Undefined for a form run from `.definition` (nothing to save to). */
  readonly save: SaveView | undefined;
  readonly resumedAt: string | undefined;
  readonly submitting: boolean;
  readonly submitError: AdapterError | undefined;
  /** The review page and the scores, from the review part (a spinner until it arrives). */
  readonly review: unknown;
  errorMessage(error: AdapterError | undefined): string;
  onSubmit(event: SubmitEvent): void;
  back(): void;
  focusKey(key: string): void;
  useSavedAnswers(): void;
  keepMyAnswers(): void;
}

function renderSaveStatus(view: FormView): TemplateResult | typeof nothing {
  const { save, l10n } = view;
  if (!save) return nothing;
  const { status, savedAt, error } = save;
  let content: TemplateResult | string | typeof nothing = nothing;
  if (status === 'pending' || status === 'saving') content = html`<span class="dot saving" aria-hidden="true"></span>${l10n.text('saveSaving')}`;
  else if (status === 'saved')
    content = html`<span class="dot saved" aria-hidden="true"></span>${savedAt ? l10n.text('saveSavedAt', l10n.dateTime(savedAt, view.timeZone, { timeStyle: 'short' })) : l10n.text('saveSaved')}`;
  else if (status === 'error' && error && !error.retryable)
    // Trying again cannot help (an expired link): say what happened; the answers stay on screen.
    content = html`<span role="alert" class="save-failed"><span class="dot failed" aria-hidden="true"></span>${l10n.text('saveFailed')}: ${view.errorMessage(error)}</span>`;
  else if (status === 'error')
    content = html`<span role="alert" class="save-failed"
      ><span class="dot failed" aria-hidden="true"></span>${l10n.text('saveFailed')}
      <button type="button" class="button link retry-save" @click=${() => void save.flush()}>${l10n.text('saveRetry')}</button></span
    >`;
  return html`<p class="save-status" part="save-status" data-status=${status}>${content}</p>`;
}

function renderConflict(view: FormView): TemplateResult | typeof nothing {
  if (view.save?.status !== 'conflict') return nothing;
  const { l10n } = view;
  const resolving = view.save.resolving;
  return html`<div class="notice warning conflict" role="alert" part="conflict">
    <p><strong>${l10n.text('conflictTitle')}</strong></p>
    <p>${l10n.text('conflictBody')}</p>
    <div class="actions">
      <button type="button" class="button" ?disabled=${resolving} @click=${() => view.useSavedAnswers()}>${l10n.text('conflictLoadLatest')}</button>
      <button type="button" class="button primary" ?disabled=${resolving} @click=${() => view.keepMyAnswers()}>${l10n.text('conflictKeepMine')}</button>
    </div>
  </div>`;
}

/**
 * The nearest titled section or repeating-group entry around an answer, so "Name" in the
 * error summary reads "Emergency contact – Name".
 */
function contextOf(engine: FormEngine, l10n: LocalizeController<IntakeFormMessages>, key: string): string | undefined {
  const { items } = engine.index;
  const { scope, id } = parseItemKey(key);
  for (let parent = items.get(id)?.parent; parent && items.has(parent); parent = items.get(parent)!.parent) {
    const container = items.get(parent)!.item;
    if (container.type === 'section' && container.title) return container.title;
    if (container.type === 'group') {
      // The innermost group around the item is the last step of its scope.
      const label = container.label ?? l10n.text('defaultInstanceLabel');
      const index = /\[(\d+)\]$/.exec(scope)?.[1];
      return index === undefined ? label : l10n.text('instanceLegend', label, Number(index) + 1);
    }
  }
  return undefined;
}

function renderSummary(view: FormView): TemplateResult | typeof nothing {
  const { engine, l10n, fields, fieldContext } = view;
  const issues = fields.summary.filter((issue) => engine.isVisible(issue.key) && fields.shownErrors.has(issue.key));
  if (issues.length === 0) return nothing;
  return html`<div class="notice error summary" part="error-summary" role="alert">
    <p><strong>${l10n.text('errorSummary', issues.length)}</strong></p>
    <ul>
      ${issues.map((issue) => {
        const item = engine.itemOf(issue.key)!;
        const label = item.type === 'consent' ? item.title : (item.label ?? item.id);
        const context = contextOf(engine, l10n, issue.key);
        return html`<li>
          <button type="button" class="button link" @click=${() => view.focusKey(issue.key)}>${context ? l10n.text('inContext', context, label) : label}: ${fieldContext.errorFor(issue.key)}</button>
        </li>`;
      })}
    </ul>
  </div>`;
}

function renderNav(view: FormView, step: number, onReview: boolean, lastPage: boolean): TemplateResult {
  const { l10n, common, submitting, submitError } = view;
  return html`<div class="nav" part="nav">
    ${step > 1 ? html`<button type="button" class="button back" part="back" @click=${() => view.back()}>${common.text('back')}</button>` : html`<span></span>`}
    ${onReview
      ? // aria-disabled, not disabled: a disabled button would throw keyboard focus out to the page while sending.
        html`<button type="submit" class="button primary submit" part="submit" aria-disabled=${submitting ? 'true' : 'false'} aria-busy=${submitting ? 'true' : 'false'}>
          ${submitting ? html`<span class="spinner small" aria-hidden="true"></span>${l10n.text('submitting')}` : submitError?.retryable ? common.text('retry') : l10n.text('submit')}
        </button>`
      : html`<button type="submit" class="button primary next" part="next">
          ${view.returnToReview ? l10n.text('backToReview') : lastPage ? l10n.text('toReview') : common.text('next')}
        </button>`}
  </div>`;
}

export function renderForm(view: FormView): TemplateResult {
  const { definition, engine, pages, pageId, l10n } = view;
  const onReview = pageId === REVIEW_PAGE_ID;
  const page = pages.find((candidate) => candidate.id === pageId);
  const step = onReview || !page ? pages.length + 1 : pages.indexOf(page) + 1;
  const progress = engine.requiredProgress();
  const pageTitle = onReview || !page ? l10n.text('reviewTitle') : page.title;
  const hasRequired = page ? engine.requiredProgress(page.id).required > 0 : false;

  return html`<header class="header" part="header">
      <slot name="header"></slot>
      ${heading(view.headingLevel, definition.title, { className: 'title', part: 'title' })}
      ${definition.description && step === 1 ? html`<p class="description">${definition.description}</p>` : nothing}
      <div class="status-row">
        <div class="progress" part="progress">
          <p class="step">${l10n.text('stepOf', step, pages.length + 1)}</p>
          ${progress.required > 0
            ? html`<progress max=${progress.required} .value=${progress.answered} aria-label=${l10n.text('requiredProgress', progress.answered, progress.required)}></progress>
                <p class="hint required-progress">${l10n.text('requiredProgress', progress.answered, progress.required)}</p>`
            : nothing}
        </div>
        ${renderSaveStatus(view)}
      </div>
    </header>
    ${renderConflict(view)}
    ${view.resumedAt
      ? html`<p class="notice resumed" role="status">${l10n.text('resumed', l10n.dateTime(view.resumedAt, view.timeZone, { dateStyle: 'medium', timeStyle: 'short' }))}</p>`
      : nothing}
    <form class="page-form" novalidate @submit=${(event: SubmitEvent) => view.onSubmit(event)}>
      ${renderSummary(view)}
      <section class="page" part="page" aria-labelledby="page-title">
        ${heading(Math.min(view.headingLevel + 1, 6), pageTitle, {
          id: 'page-title',
          className: `page-title ${pageTitle === definition.title ? 'visually-hidden' : ''}`,
          part: 'page-title',
          focusTarget: true,
        })}
        ${onReview || !page
          ? view.review
          : html`${page.description ? html`<div class="page-description">${paragraphs(page.description)}</div>` : nothing}
            ${hasRequired ? html`<p class="hint required-note">${l10n.text('requiredNote')}</p>` : nothing} ${renderItems(view.fieldContext, page.items, '')}`}
      </section>
      ${view.submitError
        ? html`<div class="notice error" role="alert">
            <p>${view.errorMessage(view.submitError)}</p>
          </div>`
        : nothing}
      ${renderNav(view, step, onReview || !page, pages[pages.length - 1] === page)}
    </form>`;
}
