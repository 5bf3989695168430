import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { AdapterError, intakeReplySchemas, isAbortError, toAdapterError } from '@pxm/core';
import type { Answers, DefinitionProblem, FieldIssue, FormDefinition } from '@pxm/core/forms';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { PxmErrorEvent } from '../events/pxm-error-event.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { heading } from './heading.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { AutosaveController } from './autosave-controller.js';
import type { PartActions } from './field-context.js';
import * as validation from './field-validation.js';
import { FocusAfterRender } from './focus-after-render.js';
import { loadIntake, loadLatestDraft, type Loaded, type LoadedForm } from './intake-load.js';
import { intakeErrorDetail, PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent } from './intake-form.events.js';
import { IntakeParts } from './intake-parts.js';
import { IntakeSubmission } from './intake-submission.js';
import { intakeFormEn } from './intake-form.messages.en.js';
import { intakeFormStyles } from './intake-form.styles.js';
import { choiceGridStyles } from './choice-grid.styles.js';
import { fieldStyles } from './fields.styles.js';
import { firstIncompletePage, pageBackward, pageForward, resumePageId } from './page-navigation.js';
import { renderLoadedIntake, type IntakeView } from './render-intake.js';
import { PatientToday } from './patient-today.js';
import { RenderEpoch } from './render-epoch.js';
import { REVIEW_PAGE_ID } from './review-page-id.js';

export { REVIEW_PAGE_ID } from './review-page-id.js';

/** A card photo on a slow mobile connection. */
const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Digital intake: a multi-page form with progress, review and submit; answers saved as a draft
 * through the adapter as the patient goes (and resumed on reopening the link); consent with the
 * electronic-records disclosure and an e-signature drawn or typed; insurance card photos shrunk
 * on the device; outcome measures scored with change from baseline.
 *
 * Give it a `token` (the form, the draft and prior scores come from the adapter's `intake`
 * capability) or a `.definition` (a form run locally: no saving; read `.answers` on submit).
 *
 * @summary Multi-page patient intake with autosave, consent, e-signature and outcome measures.
 * @tag pxm-intake-form
 *
 * @event pxm-intake-draft-saved - A draft was saved. `detail`: `{formId, version, savedAt}`.
 * @event pxm-intake-submitted - The intake was submitted. `detail`: `{formId, responseId, submittedAt}`.
 * @event pxm-error - A call failed or the definition is invalid. `detail`: `{code, operation, formId?, responseId?, itemIds?}` (`itemIds` only for problems in the definition itself).
 *
 * @slot header - Above the form's title: a practice's logo or an introduction.
 * @slot next-steps - On the confirmation, after the form's own next steps.
 * @csspart base - The wrapper of everything.
 * @csspart loading - The loading state.
 * @csspart error - A load failure, and each question's error message.
 * @csspart retry - The "Try again" button of a load failure.
 * @csspart header - Title, progress and save status.
 * @csspart title - The form title.
 * @csspart progress - The step and the share of required answers done.
 * @csspart save-status - "Saved" / "Saving…" / "Not saved - Retry".
 * @csspart conflict - The notice when the draft was changed elsewhere.
 * @csspart error-summary - The list of problems shown when a page cannot be left.
 * @csspart page - The current page.
 * @csspart page-title - The current page's heading.
 * @csspart item - Each question.
 * @csspart label - Each question's label or legend.
 * @csspart help - Help text under a label.
 * @csspart section - A section of questions.
 * @csspart display - Display-only text.
 * @csspart group - A repeating group.
 * @csspart group-instance - One entry of a repeating group.
 * @csspart scale - The row of points of a scale.
 * @csspart consent - A consent.
 * @csspart consent-text - The consent's scrollable text.
 * @csspart disclosure - The electronic-records disclosure.
 * @csspart signature - The signature step (also `item`).
 * @csspart signature-pad - The drawing area and its clear button.
 * @csspart typed-signature - The preview of a typed signature.
 * @csspart signed - The signed record with "Sign again".
 * @csspart card - Insurance card photos (also `item`).
 * @csspart card-side - One side of the card.
 * @csspart nav - Back, next and submit.
 * @csspart back - The Back button.
 * @csspart next - The Next / Review answers button.
 * @csspart submit - The Submit button.
 * @csspart review - The review page.
 * @csspart review-page - One page on the review page.
 * @csspart scores - Outcome-measure scores.
 * @csspart done - The confirmation after submitting (or "already sent").
 * @csspart choice-grid - Questions that share one answer scale (the LEFS), shown as one grid.
 * @csspart grid-row - One question of a choice grid (a radio group).
 * @csspart success-mark - The check mark beside the confirmation's heading.
 * @csspart reference - The confirmation's reference, short enough to read out on the phone.
 * @csspart consent-copy - On the confirmation, "Save a copy of your signed consent" and its hint.
 * @csspart definition-errors - The developer panel listing problems of an invalid definition.
 *
 * @cssproperty --pxm-intake-form-accent - Progress bar and selected scale point colour (default: the primary colour).
 * @cssproperty --pxm-intake-form-max-width - Widest the form gets (default: `--pxm-max-width`).
 */
export class PxmIntakeForm extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    token: { type: String },
    definition: { attribute: false },
    autosaveDelay: { type: Number, attribute: 'autosave-delay' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    loaded: { state: true },
    answersRevision: { state: true },
    pageId: { state: true },
    returnToReview: { state: true },
    fields: { state: true },
    announcement: { state: true },
    resumedAt: { state: true },
  };

  static override styles = [hostStyles, controlStyles, intakeFormStyles, fieldStyles, choiceGridStyles];

  /** The intake link token; the form, draft and prior scores are loaded through the adapter. */
  declare token: string | undefined;
  /** A form definition to run without a backend (used when there is no `token`). */
  declare definition: FormDefinition | undefined;
  /** Milliseconds after the last change before a draft is saved; at most 2000. Default 1500. */
  declare autosaveDelay: number;
  /**
   * Level of the element's top heading (the form title, or the confirmation's), 1 to 6: one below
   * the page's own heading. Sub-headings are one level below it. Default 2.
   */
  declare headingLevel: number;

  private declare loaded: LoadedForm | undefined;
  /** Counts changes to the answers the engine holds, so each change renders. */
  private declare answersRevision: number;
  private declare pageId: string;
  private declare returnToReview: boolean;
  private declare fields: validation.FieldState;
  private declare announcement: string;
  private declare resumedAt: string | undefined;

  private prefill: Answers | undefined;

  private readonly l10n = new LocalizeController(this, 'pxm-intake-form', { en: intakeFormEn });
  private readonly epoch = new RenderEpoch(this);
  private readonly today = new PatientToday(this);
  // Before the loader: its `ready` is set when the loader's task starts.
  private readonly language = new LanguageLoader(this, 'pxm-intake-form', { es: async () => (await import('./intake-form.messages.es.js')).intakeFormEs });

  /** Every intake call: a deadline, the reply validated once with `intakeReplySchemas`, `pxm-error`. */
  private readonly calls = new AdapterCalls(this, 'intake', intakeReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly submission = new IntakeSubmission(this, this.calls);
  private readonly focusMover = new FocusAfterRender(this);

  private readonly autosave = new AutosaveController(this, {
    delayMs: () => Math.min(Math.max(this.autosaveDelay ?? 1500, 0), 2000),
    snapshot: () => ({ answers: this.loaded?.engine.answers ?? {}, pageId: this.pageId || undefined }),
    // Autosave reports its own failures (onFailed), once it has tried to recover from a conflict.
    send: (request, signal) => this.calls.run('saveDraft', (api, callSignal) => api.saveDraft(this.token!, request, { signal: callSignal }), { signal, report: false }),
    latest: (signal) => loadLatestDraft(this.calls, this.token!, signal, false),
    // No item ids in events: which items exist and changed depends on the answers.
    onSaved: (draft) => {
      const formId = this.loaded?.definition.id;
      if (formId) this.dispatchEvent(new PxmIntakeDraftSavedEvent({ formId, version: draft.version, savedAt: draft.savedAt }));
    },
    onFailed: (error) => {
      this.reportError(error, 'intake.saveDraft');
      // Sent from another tab or device meanwhile: the form is closed, say so.
      if (error.code === 'already_submitted') {
        this.autosave.stop();
        this.submission.closeAsSubmitted();
      }
    },
  });

  private readonly loader = new Task(this, {
    task: async ([token, adapter, definition], { signal }) => {
      // A Spanish speaker never sees the form in English first.
      await this.language.ready;
      return loadIntake({ token, hasAdapter: adapter !== undefined, definition, prefill: this.prefill }, this.calls, signal, (error, operation) => this.reportError(error, operation));
    },
    args: () => [this.token, this.resolvedAdapter, this.definition] as const,
    onComplete: (loaded) => this.adopt(loaded),
  });

  /** What the parts loaded on demand may do; they are given these, not the element. */
  private readonly partActions: PartActions = {
    host: this,
    uploadAttachment: (file, upload) =>
      this.calls.run('uploadAttachment', (api, signal) => api.uploadAttachment(this.token!, file, upload, { signal }), { report: false, timeout: UPLOAD_TIMEOUT_MS }),
    reportError: (error, operation) => this.reportError(error, operation),
    localize: (namespace, translations) => new LocalizeController(this, namespace, translations),
    heading,
    reportUnreadableImage: (cause, operation) => void this.reportError(new AdapterError('validation', 'The image could not be read.', { cause }), operation),
    errorText: (error) => this.errorMessage(error),
    announce: (message) => this.announce(message),
    afterRender: (action) => this.focusMover.after(action),
    focusKey: (key) => this.focusMover.focusKey(key),
    focusSelector: (selector) => this.focusMover.focusSelector(selector),
  };
  private readonly parts = new IntakeParts(this.partActions);

  constructor() {
    super();
    // A move is not a removal: only a real one cancels uploads and a submit in flight and lets the photos go.
    new RemovalWatch(this, () => {
      this.calls.abortAll();
      this.parts.cards?.forget();
    });
    this.autosaveDelay = 1500;
    this.headingLevel = 2;
    this.answersRevision = 0;
    this.pageId = '';
    this.returnToReview = false;
    this.fields = validation.EMPTY_FIELD_STATE;
    this.announcement = '';
  }

  /**
   * The answers to submit (hidden items left out). Set it before the form loads to pre-fill a
   * form run from `.definition`.
   */
  get answers(): Answers {
    return this.loaded?.engine.responseAnswers() ?? {};
  }

  set answers(value: Answers) {
    this.prefill = value;
    if (this.loaded && !this.token) {
      this.loaded.engine.replaceAnswers(value);
      this.answersRevision += 1;
    }
  }

  protected override willUpdate(): void {
    // A page hidden by an answer just given: show the first page still shown.
    if (this.loaded && this.pageId !== REVIEW_PAGE_ID && !this.loaded.engine.visiblePages().some((page) => page.id === this.pageId)) {
      this.pageId = this.loaded.engine.visiblePages()[0]?.id ?? REVIEW_PAGE_ID;
    }
  }

  /** Fires `pxm-error` with ids only; returns the normalized error (undefined when aborted). */
  protected override reportError(error: unknown, operation: string, itemIds?: string[], formId = this.loaded?.definition.id): AdapterError | undefined {
    if (isAbortError(error)) return undefined;
    const failure = toAdapterError(error, operation);
    this.dispatchEvent(new PxmErrorEvent(intakeErrorDetail(failure, operation, { formId, responseId: this.submission.response?.id, itemIds })));
    return failure;
  }

  // ------------------------------------------------------------------ loading

  /** Takes over a freshly loaded form: page to resume on, autosave, a clean slate. */
  private adopt(loaded: Loaded): void {
    this.resetTransientState();
    this.submission.reset();
    if (loaded.kind === 'invalid') this.reportInvalidDefinition(loaded.formId, loaded.problems);
    if (loaded.kind !== 'form') {
      this.loaded = undefined;
      this.autosave.stop();
      return;
    }
    this.loaded = loaded;
    const { engine, session } = loaded;
    this.parts.loadFor(engine);
    const draft = session?.draft ?? null;
    this.pageId = resumePageId(engine, draft?.pageId);
    this.resumedAt = draft ? draft.savedAt : undefined;
    if (this.token) this.autosave.start(draft?.version ?? 0, draft?.savedAt);
    else this.autosave.stop();
  }

  /** The developer's panel, the console, and `pxm-error` with the item ids the problems name. */
  private reportInvalidDefinition(formId: string | undefined, problems: readonly DefinitionProblem[]): void {
    this.parts.loadProblems();
    console.error(`[pxm] <pxm-intake-form>: the form definition is invalid:\n${problems.map((problem) => `- ${problem.message}`).join('\n')}`);
    const invalid = new AdapterError('validation', 'The form definition is invalid.', { operation: 'intake.definition' });
    this.reportError(invalid, 'intake.definition', [...new Set(problems.flatMap((problem) => problem.itemIds ?? (problem.itemId ? [problem.itemId] : [])))], formId);
  }

  private resetTransientState(): void {
    this.epoch.advance();
    this.fields = validation.EMPTY_FIELD_STATE;
    this.parts.forget();
    this.returnToReview = false;
  }

  // ------------------------------------------------------------------ answers

  private showIssues(issues: FieldIssue[]): void {
    this.fields = validation.withIssuesShown(this.fields, issues);
    const first = issues[0];
    if (first) this.focusMover.after(() => this.focusMover.focusKey(first.key));
  }

  private announce(message: string): void {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  // ------------------------------------------------------------------ navigation

  private goTo(pageId: string, options: { returnToReview?: boolean } = {}): void {
    this.pageId = pageId;
    this.fields = { ...this.fields, summary: [] };
    // What was announced ("Back photo uploaded.") belongs to the page being left.
    this.announcement = '';
    this.returnToReview = options.returnToReview ?? (pageId === REVIEW_PAGE_ID ? false : this.returnToReview);
    this.resumedAt = undefined;
    this.focusMover.after(() => {
      const title = this.renderRoot.querySelector<HTMLElement>('#page-title');
      title?.focus();
      title?.scrollIntoView?.({ block: 'start' });
    });
    if (this.token) this.autosave.changed('*');
    void this.autosave.flush();
  }

  private onFormSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.pageId === REVIEW_PAGE_ID) {
      void this.submit();
      return;
    }
    const step = pageForward(this.loaded!.engine, this.fields, this.pageId, this.returnToReview, this.today.value);
    if (step.issues) this.showIssues(step.issues);
    else this.goTo(step.pageId);
  }

  private back(): void {
    const pageId = pageBackward(this.loaded!.engine, this.pageId);
    if (pageId) this.goTo(pageId, { returnToReview: false });
  }

  // ------------------------------------------------------------------ submit

  private async submit(): Promise<void> {
    if (this.submission.sending || !this.loaded) return;
    const incomplete = firstIncompletePage(this.loaded.engine, this.fields, this.today.value);
    if (incomplete) {
      this.goTo(incomplete.pageId, { returnToReview: true });
      this.showIssues(incomplete.issues);
      return;
    }
    const response = await this.submission.send(this.token, this.loaded.definition, this.loaded.engine.responseAnswers());
    if (response || this.submission.alreadySubmitted) {
      this.autosave.stop();
      this.announcement = '';
      this.focusMover.after(() => this.focusMover.focusSelector('[data-done-title]'));
    }
    if (response) this.dispatchEvent(new PxmIntakeSubmittedEvent({ formId: response.formId, responseId: response.id, submittedAt: response.submittedAt }));
  }

  // ------------------------------------------------------------------ conflict

  private useSavedAnswers(): void {
    const useLatest = async () => {
      const draft = await loadLatestDraft(this.calls, this.token!, undefined, true);
      this.resetTransientState();
      this.loaded?.engine.replaceAnswers(draft?.answers ?? {});
      this.answersRevision += 1;
      this.autosave.adopt(draft);
      this.announce(this.l10n.text('saveSaved'));
    };
    // A failure is reported as `pxm-error` by the call; the conflict notice stays.
    void this.autosave.resolve(useLatest).catch(() => undefined);
  }

  private keepMyAnswers(): void {
    void this.autosave.resolve(() => this.autosave.keepMine()).catch((error: unknown) => this.reportError(error, 'intake.loadForm'));
  }

  // ------------------------------------------------------------------ rendering

  /** The element's state at this render, and what its views may do. */
  private view(): IntakeView {
    const { autosave } = this;
    return {
      l10n: this.l10n,
      common: this.common,
      headingLevel: this.headingLevel,
      timeZone: this.resolvedTimeZone,
      today: this.today.value,
      form: this.loaded,
      parts: this.parts,
      submission: this.submission,
      pageId: this.pageId,
      returnToReview: this.returnToReview,
      fields: this.fields,
      resumedAt: this.resumedAt,
      save: this.token ? autosave : undefined,
      editing: {
        epoch: this.epoch.value,
        canUpload: Boolean(this.token && this.resolvedAdapter?.intake),
        fields: () => this.fields,
        commit: (fields, changedItemId) => {
          this.fields = fields;
          if (changedItemId === undefined) return;
          this.answersRevision += 1;
          autosave.changed(changedItemId);
        },
        announce: (message) => this.announce(message),
        afterRender: (action) => this.focusMover.after(action),
        focusSelector: (selector) => this.focusMover.focusSelector(selector),
      },
      errorMessage: (error) => this.errorMessage(error),
      onSubmit: (event) => this.onFormSubmit(event),
      back: () => this.back(),
      reviewPage: (pageId) => this.goTo(pageId, { returnToReview: true }),
      focusKey: (key) => this.focusMover.focusKey(key),
      useSavedAnswers: () => this.useSavedAnswers(),
      keepMyAnswers: () => this.keepMyAnswers(),
    };
  }

  protected override render(): TemplateResult {
    return html`<div class="intake surface" part="base">
      ${this.loader.render({
        initial: () => renderLoading(this.l10n.text('loadingForm')),
        pending: () => renderLoading(this.l10n.text('loadingForm')),
        error: (error) => {
          const failure = toAdapterError(error, 'intake.loadForm');
          return renderFailure({
            message: this.errorMessage(failure),
            ...(failure.retryable ? { retryLabel: this.common.text('retry'), onRetry: () => void this.loader.run() } : {}),
          });
        },
        complete: (loaded) => renderLoadedIntake(loaded, this.view()),
      })}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}
