/**
 * What the element shows once its load is done: a notice, the developer panel of an invalid
 * definition, "already sent", the confirmation, or the form being filled in. The element hands
 * in its state at this render (`IntakeView`); nothing here changes it but through the callbacks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from '@pxm/core';
import type { IntakeResponse } from '@pxm/core/forms';
import { renderFailure, renderLoading } from '../internal/states.js';
import type { CommonMessages } from '../l10n/common.en.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { fieldContextFor, type FieldEditing } from './field-editing.js';
import { issuesOn, type FieldState } from './field-validation.js';
import { headingLevelOf } from './heading.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';
import type { Loaded, LoadedForm } from './intake-load.js';
import type { IntakeParts } from './intake-parts.js';
import type { IntakeSubmission } from './intake-submission.js';
import { renderAlreadySubmitted, renderDone } from './render-done.js';
import { renderForm, type SaveView } from './render-form.js';
import { REVIEW_PAGE_ID } from './review-page-id.js';

export interface IntakeView {
  readonly l10n: LocalizeController<IntakeFormMessages>;
  readonly common: LocalizeController<CommonMessages>;
  /** The `heading-level` attribute as set (kept within h1–h6 here). */
  readonly headingLevel: number;
  readonly timeZone: string;
  readonly today: string;
  readonly form: LoadedForm | undefined;
  readonly parts: IntakeParts;
  readonly submission: Pick<IntakeSubmission, 'response' | 'alreadySubmitted' | 'sending' | 'error'>;
  readonly pageId: string;
  readonly returnToReview: boolean;
  readonly fields: FieldState;
  readonly resumedAt: string | undefined;
  readonly save: SaveView | undefined;
  /** What field editing needs beyond the above (see `FieldEditing`). */
  readonly editing: Pick<FieldEditing, 'epoch' | 'canUpload' | 'fields' | 'commit' | 'announce' | 'afterRender' | 'focusSelector'>;
  errorMessage(error: AdapterError | undefined): string;
  onSubmit(event: SubmitEvent): void;
  back(): void;
  /** From the review page to a page, and back to the review page after it. */
  reviewPage(pageId: string): void;
  focusKey(key: string): void;
  useSavedAnswers(): void;
  keepMyAnswers(): void;
}

export function renderLoadedIntake(loaded: Loaded, view: IntakeView): unknown {
  const { l10n, common, form, submission } = view;
  const level = headingLevelOf(view.headingLevel);
  switch (loaded.kind) {
    case 'none':
      return html`<p class="notice">${l10n.text('noForm')}</p>`;
    case 'no-adapter':
      return html`<p class="notice">${common.text('noAdapter')}</p>`;
    case 'invalid':
      return view.parts.problems?.render(loaded.problems, level) ?? partPending(view, () => view.parts.loadProblems());
    case 'submitted':
      return renderAlreadySubmitted(l10n, level);
  }
  if (submission.alreadySubmitted) return renderAlreadySubmitted(l10n, level);
  if (!form) return renderLoading(l10n.text('loadingForm'));
  if (!submission.response) return renderFilling(form, view);
  return renderDone({
    l10n,
    definition: form.definition,
    engine: form.engine,
    response: submission.response,
    headingLevel: level,
    saveCopy: view.parts.signing?.renderSaveCopy(form.engine, form.definition, view.timeZone) ?? nothing,
    scores: renderScores(view, form, submission.response, headingLevelOf(view.headingLevel, 1)),
  });
}

/** A part on its way, or the failure of its download with a way to try again. */
function partPending(view: IntakeView, retry: () => void): TemplateResult {
  const { l10n } = view;
  return view.parts.failed ? renderFailure({ message: l10n.text('partFailed'), retryLabel: l10n.text('partRetry'), onRetry: retry }) : renderLoading(view.common.text('loading'));
}

/** Scores with the change from baseline; the backend's scores win over ours when it sent them. */
function renderScores(view: IntakeView, { definition, engine, session }: LoadedForm, response: IntakeResponse | undefined, headingLevel: number): TemplateResult | typeof nothing {
  const { review } = view.parts;
  if (!review) return nothing;
  const lines = review
    .scoreLines(definition, engine.responseAnswers())
    .map((line) => ({ ...line, score: response?.scores?.find((score) => score.instrument === line.instrument)?.score ?? line.score }));
  return review.renderScores(definition, lines, session?.priorScores ?? [], { timeZone: view.timeZone, headingLevel });
}

function renderFilling(form: LoadedForm, view: IntakeView): TemplateResult {
  const { engine } = form;
  const pages = engine.visiblePages();
  const itemLevel = headingLevelOf(view.headingLevel, 2);
  const fieldContext = fieldContextFor({
    ...view.editing,
    engine,
    l10n: view.l10n,
    today: view.today,
    timeZone: view.timeZone,
    itemHeadingLevel: itemLevel,
    signing: view.parts.signing,
    cards: view.parts.cards,
    partsFailed: view.parts.failed,
    retryParts: () => view.parts.loadFor(engine),
  });
  const review =
    view.pageId === REVIEW_PAGE_ID
      ? html`${view.parts.review?.render(
          { engine, headingLevel: itemLevel, formatInstant: fieldContext.formatInstant },
          pages,
          (pageId) => view.reviewPage(pageId),
          (pageId) => issuesOn(engine, view.fields, pageId, view.today).length > 0,
        ) ?? partPending(view, () => view.parts.loadFor(engine))}
        ${renderScores(view, form, undefined, itemLevel)}`
      : nothing;
  return renderForm({
    ...view,
    definition: form.definition,
    engine,
    pages,
    headingLevel: headingLevelOf(view.headingLevel),
    fieldContext,
    submitting: view.submission.sending,
    submitError: view.submission.error,
    review,
  });
}
