import { html, nothing, type CSSResult, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import {
  AdapterError,
  FormEngine,
  checkFormDefinition,
  createId,
  definitionRuleProblems,
  intakeReplySchemas,
  createToken,
  evaluateCondition,
  humanReference,
  isAbortError,
  localDateIn,
  parseItemKey,
  toAdapterError,
  validateAnswer,
  type AnswerValue,
  type Answers,
  type DefinitionProblem,
  type Draft,
  type FieldIssue,
  type FormDefinition,
  type FormPage,
  type IntakeResponse,
  type IntakeSession,
  type PxmAdapter,
  type ValidationResult,
} from '@pxm/core';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { PxmErrorEvent } from '../events/pxm-error-event.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { onTranslationsChanged, registerShippedTranslation } from '../l10n/translation-registry.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { AutosaveController } from './autosave-controller.js';
import type { CardPhotos } from './card-photos.js';
import type { FeatureHost } from './field-host.js';
import { PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent, type IntakeErrorDetail } from './intake-form.events.js';
import { intakeFormEn } from './intake-form.messages.en.js';
import { intakeFormStyles } from './intake-form.styles.js';
import { heading, headingLevelOf } from './heading.js';
import { LazyFeature } from './lazy-feature.js';
import { paragraphs, renderItems } from './render-fields.js';
import type { Signing } from './signing.js';
import { validationMessage } from './validation-message.js';

/** The page id a draft stores while the patient is on the review page. */
export const REVIEW_PAGE_ID = '@review';

const SUBMIT_TIMEOUT_MS = 30_000;
/** A card photo on a slow mobile connection. */
const UPLOAD_TIMEOUT_MS = 60_000;

const isSpanish = (locale: string) => /^es(-|$)/i.test(locale);

type Loaded =
  | { kind: 'none' }
  | { kind: 'no-adapter' }
  | { kind: 'invalid'; formId: string | undefined; problems: DefinitionProblem[] }
  | { kind: 'submitted'; formId: string; responseId: string | undefined }
  | { kind: 'form'; definition: FormDefinition; engine: FormEngine; session: IntakeSession | undefined };

type LoadedForm = Extract<Loaded, { kind: 'form' }>;

/** Number text typed by the patient: `61,5` reads as 61.5; anything else that is not a number is not. */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  const normalized = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return undefined;
  return Number(normalized);
}

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
  };

  static override styles = [hostStyles, controlStyles, intakeFormStyles];

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

  // Spanish and the parts below load on demand, so the first page carries only what it needs.
  private readonly l10n = new LocalizeController(this, 'pxm-intake-form', { en: intakeFormEn });
  private loaded: LoadedForm | undefined;
  private pageId = '';
  private returnToReview = false;
  private readonly shownErrors = new Map<string, ValidationResult>();
  private summary: FieldIssue[] = [];
  private readonly numberTexts = new Map<string, string>();
  private readonly unreadableDates = new Set<string>();
  private announcement = '';
  private resumedAt: string | undefined;
  private submitting = false;
  private submitError: AdapterError | undefined;
  private idempotencyKey: string | undefined;
  private response: IntakeResponse | undefined;
  private alreadySubmitted = false;
  private resolvingConflict = false;
  private prefill: Answers | undefined;
  private afterRender: (() => void) | undefined;
  private lifetime = new AbortController();
  /** Bumped when the language or its strings change: fields cached by `guard` render again. */
  private epoch = 0;
  private epochLocale = '';
  private stopTranslations: (() => void) | undefined;

  private readonly spanish = new LazyFeature(
    async () => registerShippedTranslation('es', 'pxm-intake-form', (await import('./intake-form.messages.es.js')).intakeFormEs),
    () => this.requestUpdate(),
  );
  private readonly signingPart = new LazyFeature(
    async () => this.withStyles(await import('./signing.js'), (module) => new module.Signing(this.host)),
    () => this.requestUpdate(),
  );
  private readonly cardsPart = new LazyFeature(
    async () => this.withStyles(await import('./card-photos.js'), (module) => new module.CardPhotos(this.host)),
    () => this.requestUpdate(),
  );
  private readonly reviewPart = new LazyFeature(
    async () => this.withStyles(await import('./review.js'), (module) => new module.Review(this.host)),
    () => this.requestUpdate(),
  );
  private readonly problemsPart = new LazyFeature(
    async () => this.withStyles(await import('./definition-problems.js'), (module) => new module.DefinitionProblems(this.host)),
    () => this.requestUpdate(),
  );

  /** Every intake call: deadline, the reply validated once with `intakeReplySchemas`, `pxm-error`. */
  private readonly calls = new AdapterCalls(this, 'intake', intakeReplySchemas, (error, operation) => this.emitError(error, operation));

  private readonly autosave = new AutosaveController(this, {
    delayMs: () => Math.min(Math.max(this.autosaveDelay ?? 1500, 0), 2000),
    snapshot: () => ({ answers: this.loaded?.engine.answers ?? {}, pageId: this.pageId || undefined }),
    // Autosave reports its own failures (onFailed) once it has tried to recover from a conflict.
    send: (request, signal) => this.calls.run('saveDraft', (api, callSignal) => api.saveDraft(this.token!, request, { signal: callSignal }), { signal, report: false }),
    latest: async (signal) => this.loadLatestDraft(signal),
    // No item ids in events: which items exist and changed depends on the answers.
    onSaved: (draft) => {
      const formId = this.loaded?.definition.id;
      if (formId) this.dispatchEvent(new PxmIntakeDraftSavedEvent({ formId, version: draft.version, savedAt: draft.savedAt }));
    },
    onFailed: (error) => {
      this.emitError(error, 'intake.saveDraft');
      // Sent from another tab or device meanwhile: the form is closed, say so.
      if (error.code === 'already_submitted') {
        this.autosave.stop();
        this.alreadySubmitted = true;
      }
    },
  });

  private readonly loader = new Task(this, {
    task: async ([token, adapter, definition], { signal }) => this.load(token, adapter, definition, signal),
    args: () => [this.token, this.resolvedAdapter, this.definition] as const,
    onComplete: (loaded) => this.adopt(loaded),
  });

  constructor() {
    super();
    this.autosaveDelay = 1500;
    this.headingLevel = 2;
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
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
    this.stopTranslations = onTranslationsChanged(() => {
      this.epoch += 1;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTranslations?.();
    // A framework moving the element reconnects it at once: only a real removal cancels uploads
    // and a submit in flight and lets the photos go.
    setTimeout(() => {
      if (this.isConnected) return;
      this.lifetime.abort();
      this.cardsPart.value?.forget();
    });
  }

  protected override willUpdate(): void {
    const locale = this.resolvedLocale;
    if (isSpanish(locale)) this.spanish.get();
    if (locale !== this.epochLocale) {
      this.epochLocale = locale;
      this.epoch += 1;
    }
    this.todayCache = undefined;
  }

  protected override updated(): void {
    const focus = this.afterRender;
    this.afterRender = undefined;
    // After this update settles: moving focus blurs a field, which may validate and re-render.
    if (focus) queueMicrotask(focus);
  }

  // ------------------------------------------------------------------ loading

  /** Adds the styles of a part loaded on demand to this shadow root, then builds the part. */
  private withStyles<M extends { styles: CSSResult }, T>(module: M, build: (module: M) => T): T {
    const root = this.renderRoot as ShadowRoot | undefined;
    const sheet = module.styles.styleSheet;
    if (root && sheet && 'adoptedStyleSheets' in root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return build(module);
  }

  private async load(token: string | undefined, adapter: PxmAdapter | undefined, definition: FormDefinition | undefined, signal: AbortSignal): Promise<Loaded> {
    // A Spanish speaker never sees the form in English first.
    if (isSpanish(this.resolvedLocale)) await this.spanish.ready().catch(() => undefined);
    if (!token) {
      if (!definition) return { kind: 'none' };
      const check = checkFormDefinition(definition);
      if (!check.definition) return { kind: 'invalid', formId: (definition as { id?: string }).id, problems: check.problems };
      return { kind: 'form', definition: check.definition, engine: new FormEngine(check.definition, this.prefill ?? {}), session: undefined };
    }
    if (!adapter) return { kind: 'no-adapter' };
    // The one parse of the reply (the definition included): AdapterCalls, with the contract's schema.
    const session = await this.calls.run('loadForm', (api, callSignal) => api.loadForm(token, { signal: callSignal }), { signal });
    if (session.status === 'submitted') return { kind: 'submitted', formId: session.formId, responseId: session.responseId };
    // What the schema cannot say, on the value it already parsed.
    const problems = definitionRuleProblems(session.definition);
    if (problems.length > 0) return { kind: 'invalid', formId: session.formId, problems };
    return { kind: 'form', definition: session.definition, engine: new FormEngine(session.definition, session.draft?.answers ?? {}), session };
  }

  private async loadLatestDraft(signal: AbortSignal, report = false): Promise<Draft | null> {
    const session = await this.calls.run('loadForm', (api, callSignal) => api.loadForm(this.token!, { signal: callSignal }), { signal, report });
    return session.draft;
  }

  /** Takes over a freshly loaded form: page to resume on, autosave, a clean slate. */
  private adopt(loaded: Loaded): void {
    this.resetTransientState();
    this.response = undefined;
    this.alreadySubmitted = false;
    this.submitError = undefined;
    this.idempotencyKey = undefined;
    if (loaded.kind === 'invalid') {
      this.problemsPart.get();
      console.error(`[pxm] <pxm-intake-form>: the form definition is invalid:\n${loaded.problems.map((problem) => `- ${problem.message}`).join('\n')}`);
      this.emitError(
        new AdapterError('validation', 'The form definition is invalid.', { operation: 'intake.definition' }),
        'intake.definition',
        [...new Set(loaded.problems.flatMap((problem) => problem.itemIds ?? (problem.itemId ? [problem.itemId] : [])))],
        loaded.formId,
      );
    }
    if (loaded.kind !== 'form') {
      this.loaded = undefined;
      this.autosave.stop();
      return;
    }
    this.loaded = loaded;
    const types = new Set(loaded.engine.index.itemIds.map((id) => loaded.engine.index.items.get(id)!.item.type));
    if (types.has('consent') || types.has('signature')) this.signingPart.get();
    if (types.has('insurance-card')) this.cardsPart.get();
    this.reviewPart.get();
    const draft = loaded.session?.draft ?? null;
    const pages = loaded.engine.visiblePages();
    this.pageId = draft?.pageId === REVIEW_PAGE_ID ? REVIEW_PAGE_ID : pages.some((page) => page.id === draft?.pageId) ? draft!.pageId! : (pages[0]?.id ?? '');
    this.resumedAt = draft ? draft.savedAt : undefined;
    if (this.token) this.autosave.start(draft?.version ?? 0, draft?.savedAt);
    else this.autosave.stop();
  }

  private resetTransientState(): void {
    this.epoch += 1;
    this.shownErrors.clear();
    this.summary = [];
    this.numberTexts.clear();
    this.unreadableDates.clear();
    this.cardsPart.value?.forget();
    this.signingPart.value?.forget();
    this.returnToReview = false;
  }

  // ------------------------------------------------------------------ errors and events

  /** Fires `pxm-error` with ids only; returns the normalized error (undefined when aborted). */
  private emitError(error: unknown, operation: string, itemIds?: string[], formId = this.loaded?.definition.id): AdapterError | undefined {
    if (isAbortError(error)) return undefined;
    const failure = toAdapterError(error, operation);
    const detail: IntakeErrorDetail = {
      code: failure.code,
      operation: failure.operation ?? operation,
      ...(formId ? { formId } : {}),
      ...(this.response ? { responseId: this.response.id } : {}),
      ...(itemIds && itemIds.length > 0 ? { itemIds } : {}),
    };
    this.dispatchEvent(new PxmErrorEvent(detail));
    return failure;
  }

  private announce(message: string): void {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.announcement = message;
      this.requestUpdate();
    });
  }

  // ------------------------------------------------------------------ answers

  private get engine(): FormEngine {
    return this.loaded!.engine;
  }

  /** The patient's today, worked out once per update (zone lookups are not free on a long page). */
  private todayCache: { at: number; value: string } | undefined;

  private get today(): string {
    const now = Date.now();
    if (!this.todayCache || now - this.todayCache.at > 1_000) this.todayCache = { at: now, value: localDateIn(now, this.resolvedTimeZone) };
    return this.todayCache.value;
  }

  private pageOf(key: string): string | undefined {
    return this.engine.index.items.get(parseItemKey(key).id)?.pageId;
  }

  private validateKey(key: string): ValidationResult | undefined {
    const item = this.engine.itemOf(key);
    if (!item || !this.engine.isVisible(key)) return undefined;
    if (item.type === 'number') {
      const text = this.numberTexts.get(key);
      if (text !== undefined && text.trim() !== '' && parseNumber(text) === undefined) return { code: 'not_a_number' };
    }
    if (item.type === 'date' && this.unreadableDates.has(key)) return { code: 'not_a_date' };
    const consentId = item.type === 'signature' ? item.consentItemId : undefined;
    const consent = consentId ? this.engine.itemOf(consentId) : undefined;
    return validateAnswer(item, this.engine.getAnswer(key), {
      required: this.engine.isRequired(key),
      today: this.today,
      consent: consent?.type === 'consent' ? consent : undefined,
    });
  }

  /** Problems on a page: the engine's, plus text typed that never became a number or date. */
  private issuesOn(pageId: string): FieldIssue[] {
    const issues = this.engine.validatePage(pageId, { today: this.today });
    const known = new Set(issues.map((issue) => issue.key));
    for (const key of [...this.numberTexts.keys(), ...this.unreadableDates]) {
      if (known.has(key) || this.pageOf(key) !== pageId) continue;
      const result = this.validateKey(key);
      if (result) {
        issues.push({ key, itemId: parseItemKey(key).id, ...result });
        known.add(key);
      }
    }
    const order = (key: string) => this.engine.index.items.get(parseItemKey(key).id)?.order ?? 0;
    return issues.sort((a, b) => order(a.key) - order(b.key) || (a.key < b.key ? -1 : 1));
  }

  private setAnswer(key: string, value: AnswerValue | undefined): void {
    if (!this.loaded) return;
    this.engine.setAnswer(key, value);
    this.autosave.changed(parseItemKey(key).id);
    if (this.shownErrors.has(key)) this.refreshError(key);
    if (this.summary.length > 0) this.summary = this.summary.filter((issue) => this.shownErrors.has(issue.key) && this.engine.isVisible(issue.key));
    this.requestUpdate();
  }

  private refreshError(key: string, includeRequired = true): void {
    const result = this.validateKey(key);
    if (result && (includeRequired || result.code !== 'required' || this.shownErrors.has(key))) this.shownErrors.set(key, result);
    else this.shownErrors.delete(key);
  }

  private errorFor(key: string): string | undefined {
    const result = this.shownErrors.get(key);
    const item = result && this.engine.isVisible(key) ? this.engine.itemOf(key) : undefined;
    return item && result ? validationMessage(this.l10n, item, result) : undefined;
  }

  private focusKey(key: string): void {
    const targets = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-focus]')].filter((element) => element.dataset.focus === key);
    const target = targets.find((element) => (element as HTMLInputElement).checked) ?? targets[0];
    target?.focus();
  }

  private focusSelector(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private showIssues(issues: FieldIssue[]): void {
    for (const issue of issues) this.shownErrors.set(issue.key, issue);
    this.summary = issues;
    const first = issues[0];
    if (first) this.afterRender = () => this.focusKey(first.key);
    this.requestUpdate();
  }

  // ------------------------------------------------------------------ navigation

  private visiblePages(): FormPage[] {
    return this.engine.visiblePages();
  }

  private goTo(pageId: string, options: { returnToReview?: boolean } = {}): void {
    this.pageId = pageId;
    this.summary = [];
    // What was announced ("Back photo uploaded.") belongs to the page being left.
    this.announcement = '';
    this.returnToReview = options.returnToReview ?? (pageId === REVIEW_PAGE_ID ? false : this.returnToReview);
    this.resumedAt = undefined;
    this.afterRender = () => {
      const heading = this.renderRoot.querySelector<HTMLElement>('#page-title');
      heading?.focus();
      heading?.scrollIntoView?.({ block: 'start' });
    };
    if (this.token) this.autosave.changed('*');
    void this.autosave.flush();
    this.requestUpdate();
  }

  private next(): void {
    const issues = this.issuesOn(this.pageId);
    if (issues.length > 0) {
      this.showIssues(issues);
      return;
    }
    if (this.returnToReview) return this.goTo(REVIEW_PAGE_ID);
    const pages = this.visiblePages();
    const index = pages.findIndex((page) => page.id === this.pageId);
    this.goTo(pages[index + 1]?.id ?? REVIEW_PAGE_ID);
  }

  private back(): void {
    const pages = this.visiblePages();
    if (this.pageId === REVIEW_PAGE_ID) return this.goTo(pages[pages.length - 1]!.id);
    const index = pages.findIndex((page) => page.id === this.pageId);
    if (index > 0) this.goTo(pages[index - 1]!.id, { returnToReview: false });
  }

  private onFormSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.pageId === REVIEW_PAGE_ID) void this.submit();
    else this.next();
  }

  // ------------------------------------------------------------------ submit

  private async submit(): Promise<void> {
    if (this.submitting || !this.loaded) return;
    for (const page of this.visiblePages()) {
      const issues = this.issuesOn(page.id);
      if (issues.length === 0) continue;
      this.goTo(page.id, { returnToReview: true });
      this.showIssues(issues);
      return;
    }
    const { definition, engine } = this.loaded;
    if (!this.token) {
      this.finish({ id: `local-${createId()}`, formId: definition.id, formVersion: definition.version, submittedAt: new Date().toISOString() });
      return;
    }
    this.submitting = true;
    this.submitError = undefined;
    this.idempotencyKey ??= createToken(16);
    this.requestUpdate();
    try {
      const token = this.token;
      const request = { answers: engine.responseAnswers(), idempotencyKey: this.idempotencyKey };
      this.finish(await this.calls.run('submit', (api, signal) => api.submit(token, request, { signal }), { timeout: SUBMIT_TIMEOUT_MS }));
    } catch (error) {
      const failure = isAbortError(error) ? undefined : toAdapterError(error, 'intake.submit');
      if (failure?.code === 'already_submitted') {
        this.autosave.stop();
        this.alreadySubmitted = true;
        this.afterRender = () => this.focusSelector('[data-done-title]');
      } else if (failure) {
        this.submitError = failure;
      }
    } finally {
      this.submitting = false;
      this.requestUpdate();
    }
  }

  private finish(response: IntakeResponse): void {
    this.autosave.stop();
    this.response = response;
    this.announcement = '';
    this.dispatchEvent(new PxmIntakeSubmittedEvent({ formId: response.formId, responseId: response.id, submittedAt: response.submittedAt }));
    this.afterRender = () => this.focusSelector('[data-done-title]');
    this.requestUpdate();
  }

  // ------------------------------------------------------------------ conflict

  private async useSavedAnswers(): Promise<void> {
    this.resolvingConflict = true;
    this.requestUpdate();
    try {
      const draft = await this.loadLatestDraft(this.lifetime.signal, true);
      this.resetTransientState();
      this.engine.replaceAnswers(draft?.answers ?? {});
      this.autosave.adopt(draft);
      const pages = this.visiblePages();
      if (this.pageId !== REVIEW_PAGE_ID && !pages.some((page) => page.id === this.pageId)) this.pageId = pages[0]?.id ?? '';
      this.announce(this.l10n.t('saveSaved'));
    } catch {
      // Reported as `pxm-error` by the call.
    } finally {
      this.resolvingConflict = false;
      this.requestUpdate();
    }
  }

  private async keepMyAnswers(): Promise<void> {
    this.resolvingConflict = true;
    this.requestUpdate();
    try {
      await this.autosave.keepMine();
    } catch (error) {
      this.emitError(error, 'intake.loadForm');
    } finally {
      this.resolvingConflict = false;
      this.requestUpdate();
    }
  }

  // ------------------------------------------------------------------ the host the parts see

  private readonly host: FeatureHost = this.createHost();

  private createHost(): FeatureHost {
    // Getters read the element's current state through these arrows.
    const read = {
      engine: () => this.engine,
      l10n: () => this.l10n,
      today: () => this.today,
      timeZone: () => this.resolvedTimeZone,
      epoch: () => this.epoch,
      signing: () => this.signingPart.value,
      cards: () => this.cardsPart.value,
      token: () => this.token,
      signal: () => this.lifetime.signal,
    };
    return {
      element: this,
      get engine() {
        return read.engine();
      },
      get l10n() {
        return read.l10n();
      },
      get today() {
        return read.today();
      },
      get timeZone() {
        return read.timeZone();
      },
      get epoch() {
        return read.epoch();
      },
      get signing(): Signing | undefined {
        return read.signing();
      },
      get cards(): CardPhotos | undefined {
        return read.cards();
      },
      get token() {
        return read.token();
      },
      get signal() {
        return read.signal();
      },
      uploadAttachment: (file, upload) => this.calls.run('uploadAttachment', (api, signal) => api.uploadAttachment(this.token!, file, upload, { signal }), { report: false, timeout: UPLOAD_TIMEOUT_MS }),
      canUpload: () => Boolean(this.token && this.resolvedAdapter?.intake),
      // Fields report failures without their item ids: a field's presence can depend on answers.
      emitError: (error, operation) => this.emitError(error, operation),
      errorText: (error) => this.errorMessage(error),
      announce: (message) => this.announce(message),
      afterRender: (action) => {
        this.afterRender = action;
        this.requestUpdate();
      },
      focusKey: (key) => this.focusKey(key),
      focusSelector: (selector) => this.focusSelector(selector),
      formatInstant: (instant) => this.l10n.dateTime(instant, this.resolvedTimeZone, { dateStyle: 'medium', timeStyle: 'short' }),
      errorFor: (key) => this.errorFor(key),
      numberText: (key) => this.numberTexts.get(key),
      setAnswer: (key, value) => this.setAnswer(key, value),
      setNumberText: (key, text) => {
        this.numberTexts.set(key, text);
        this.setAnswer(key, text.trim() === '' ? undefined : parseNumber(text));
      },
      setUnreadableDate: (key, unreadable) => {
        if (unreadable) this.unreadableDates.add(key);
        else this.unreadableDates.delete(key);
      },
      touch: (key) => {
        // Blur also fires when a re-render removes a focused field: re-render only on a change.
        const before = this.shownErrors.get(key)?.code;
        this.refreshError(key, false);
        if (this.shownErrors.get(key)?.code !== before) this.requestUpdate();
      },
      addInstance: (groupKey, item) => {
        const index = this.engine.addInstance(groupKey);
        if (index < 0) return;
        this.autosave.changed(item.id);
        this.shownErrors.delete(groupKey);
        this.announce(this.l10n.t('instanceAdded', item.label ?? this.l10n.t('defaultInstanceLabel'), index + 1));
        this.afterRender = () => this.focusSelector(`[data-instance="${groupKey}[${index}]"] [data-focus]`);
        this.requestUpdate();
      },
      removeInstance: (groupKey, index, item) => {
        this.engine.removeInstance(groupKey, index);
        // Keys of later entries shift by one: drop what was kept per entry of this group.
        const prefix = `${groupKey}[`;
        for (const map of [this.numberTexts, this.shownErrors]) {
          for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
        }
        for (const key of [...this.unreadableDates]) if (key.startsWith(prefix)) this.unreadableDates.delete(key);
        this.signingPart.value?.forget(prefix);
        this.cardsPart.value?.forget(prefix);
        this.autosave.changed(item.id);
        this.announce(this.l10n.t('instanceRemoved', item.label ?? this.l10n.t('defaultInstanceLabel'), index + 1));
        this.afterRender = () => this.focusSelector(`[data-add="${groupKey}"]`);
        this.requestUpdate();
      },
    };
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    return html`<div class="intake surface" part="base">
      ${this.loader.render({
        initial: () => renderLoading(this.l10n.t('loadingForm')),
        pending: () => renderLoading(this.l10n.t('loadingForm')),
        error: (error) => {
          const failure = toAdapterError(error, 'intake.loadForm');
          return renderFailure({
            message: this.errorMessage(failure),
            ...(failure.retryable ? { retryLabel: this.common.t('retry'), onRetry: () => void this.loader.run() } : {}),
          });
        },
        complete: (loaded) => this.renderLoaded(loaded),
      })}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderLoaded(loaded: Loaded): TemplateResult {
    switch (loaded.kind) {
      case 'none':
        return html`<p class="notice">${this.l10n.t('noForm')}</p>`;
      case 'no-adapter':
        return html`<p class="notice">${this.common.t('noAdapter')}</p>`;
      case 'invalid':
        return this.problemsPart.get()?.render(loaded.problems) ?? renderLoading(this.common.t('loading'));
      case 'submitted':
        return this.renderAlreadySubmitted();
      default:
        if (this.alreadySubmitted) return this.renderAlreadySubmitted();
        return this.response ? this.renderDone(this.response) : this.renderForm();
    }
  }

  private renderAlreadySubmitted(): TemplateResult {
    return html`<div class="done" part="done">
      ${heading(headingLevelOf(this.headingLevel), this.l10n.t('alreadySubmittedTitle'), { className: 'done-title', focusTarget: true, doneTitle: true })}
      <p>${this.l10n.t('alreadySubmittedBody')}</p>
    </div>`;
  }

  /** Scores with the change from baseline; the backend's scores win over ours when it sent them. */
  private renderScores(response?: IntakeResponse): TemplateResult | typeof nothing {
    const review = this.reviewPart.get();
    const { definition, session } = this.loaded!;
    if (!review) return nothing;
    const lines = review.scoreLines(definition).map((line) => ({ ...line, score: response?.scores?.find((score) => score.instrument === line.instrument)?.score ?? line.score }));
    return review.renderScores(definition, lines, session?.priorScores ?? []);
  }

  private renderDone(response: IntakeResponse): TemplateResult {
    const { definition, engine } = this.loaded!;
    // Steps that hold for the answers sent: no insurance card for someone paying for themselves.
    const submitted = engine.responseAnswers();
    const conditional = (definition.nextStepsWhen ?? []).filter((step) => evaluateCondition(step.when, (itemId) => submitted[itemId]));
    return html`<div class="done" part="done">
      <div class="done-heading">
        <svg class="success-mark" part="success-mark" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11"></circle>
          <path d="M6.5 12.5 10.5 16.5 17.5 8.5"></path>
        </svg>
        ${heading(headingLevelOf(this.headingLevel), this.l10n.t('doneTitle'), { className: 'done-title', focusTarget: true, doneTitle: true })}
      </div>
      ${heading(headingLevelOf(this.headingLevel, 1), this.l10n.t('nextStepsTitle'), { className: 'next-steps-title' })}
      <div class="next-steps">
        ${paragraphs(definition.nextSteps ?? this.l10n.t('defaultNextSteps'))} ${conditional.map((step) => paragraphs(step.text))}
      </div>
      ${this.signingPart.value?.renderSaveCopy(definition) ?? nothing} ${this.renderScores(response)}
      <p class="hint reference" part="reference">${this.l10n.t('reference', humanReference(response.id))}</p>
    </div>`;
  }

  private renderSaveStatus(): TemplateResult | typeof nothing {
    if (!this.token) return nothing;
    const { status, savedAt } = this.autosave;
    let content: TemplateResult | string | typeof nothing = nothing;
    if (status === 'pending' || status === 'saving') content = html`<span class="dot saving" aria-hidden="true"></span>${this.l10n.t('saveSaving')}`;
    else if (status === 'saved')
      content = html`<span class="dot saved" aria-hidden="true"></span>${savedAt ? this.l10n.t('saveSavedAt', this.l10n.dateTime(savedAt, this.resolvedTimeZone, { timeStyle: 'short' })) : this.l10n.t('saveSaved')}`;
    else if (status === 'error' && this.autosave.error && !this.autosave.error.retryable)
      // Trying again cannot help (an expired link): say what happened; the answers stay on screen.
      content = html`<span role="alert" class="save-failed"
        ><span class="dot failed" aria-hidden="true"></span>${this.l10n.t('saveFailed')}: ${this.errorMessage(this.autosave.error)}</span
      >`;
    else if (status === 'error')
      content = html`<span role="alert" class="save-failed"
        ><span class="dot failed" aria-hidden="true"></span>${this.l10n.t('saveFailed')}
        <button type="button" class="button link retry-save" @click=${() => void this.autosave.flush()}>${this.l10n.t('saveRetry')}</button></span
      >`;
    return html`<p class="save-status" part="save-status" data-status=${status}>${content}</p>`;
  }

  private renderConflict(): TemplateResult | typeof nothing {
    if (this.autosave.status !== 'conflict') return nothing;
    return html`<div class="notice warning conflict" role="alert" part="conflict">
      <p><strong>${this.l10n.t('conflictTitle')}</strong></p>
      <p>${this.l10n.t('conflictBody')}</p>
      <div class="actions">
        <button type="button" class="button" ?disabled=${this.resolvingConflict} @click=${() => void this.useSavedAnswers()}>${this.l10n.t('conflictLoadLatest')}</button>
        <button type="button" class="button primary" ?disabled=${this.resolvingConflict} @click=${() => void this.keepMyAnswers()}>${this.l10n.t('conflictKeepMine')}</button>
      </div>
    </div>`;
  }

  /**
   * The nearest titled section or repeating-group entry around an answer, so "Name" in the
   * error summary reads "Emergency contact – Name".
   */
  private contextOf(key: string): string | undefined {
    const { items } = this.engine.index;
    const { scope, id } = parseItemKey(key);
    for (let parent = items.get(id)?.parent; parent && items.has(parent); parent = items.get(parent)!.parent) {
      const container = items.get(parent)!.item;
      if (container.type === 'section' && container.title) return container.title;
      if (container.type === 'group') {
        // The innermost group around the item is the last step of its scope.
        const label = container.label ?? this.l10n.t('defaultInstanceLabel');
        const index = /\[(\d+)\]$/.exec(scope)?.[1];
        return index === undefined ? label : this.l10n.t('instanceLegend', label, Number(index) + 1);
      }
    }
    return undefined;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const issues = this.summary.filter((issue) => this.engine.isVisible(issue.key) && this.shownErrors.has(issue.key));
    if (issues.length === 0) return nothing;
    return html`<div class="notice error summary" part="error-summary" role="alert">
      <p><strong>${this.l10n.t('errorSummary', issues.length)}</strong></p>
      <ul>
        ${issues.map((issue) => {
          const item = this.engine.itemOf(issue.key)!;
          const label = item.type === 'consent' ? item.title : (item.label ?? item.id);
          const context = this.contextOf(issue.key);
          return html`<li>
            <button type="button" class="button link" @click=${() => this.focusKey(issue.key)}>${context ? this.l10n.t('inContext', context, label) : label}: ${this.errorFor(issue.key)}</button>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const { definition, engine } = this.loaded!;
    const pages = this.visiblePages();
    if (this.pageId !== REVIEW_PAGE_ID && !pages.some((page) => page.id === this.pageId)) this.pageId = pages[0]?.id ?? REVIEW_PAGE_ID;
    const onReview = this.pageId === REVIEW_PAGE_ID;
    const page = pages.find((candidate) => candidate.id === this.pageId);
    const step = onReview ? pages.length + 1 : pages.indexOf(page!) + 1;
    const progress = engine.requiredProgress();
    const pageTitle = onReview ? this.l10n.t('reviewTitle') : page!.title;
    const hasRequired = page ? engine.requiredProgress(page.id).required > 0 : false;

    return html`<header class="header" part="header">
        ${heading(headingLevelOf(this.headingLevel), definition.title, { className: 'title', part: 'title' })}
        ${definition.description && step === 1 ? html`<p class="description">${definition.description}</p>` : nothing}
        <div class="status-row">
          <div class="progress" part="progress">
            <p class="step">${this.l10n.t('stepOf', step, pages.length + 1)}</p>
            ${progress.required > 0
              ? html`<progress
                    max=${progress.required}
                    .value=${progress.answered}
                    aria-label=${this.l10n.t('requiredProgress', progress.answered, progress.required)}
                  ></progress>
                  <p class="hint required-progress">${this.l10n.t('requiredProgress', progress.answered, progress.required)}</p>`
              : nothing}
          </div>
          ${this.renderSaveStatus()}
        </div>
      </header>
      ${this.renderConflict()}
      ${this.resumedAt
        ? html`<p class="notice resumed" role="status">${this.l10n.t('resumed', this.l10n.dateTime(this.resumedAt, this.resolvedTimeZone, { dateStyle: 'medium', timeStyle: 'short' }))}</p>`
        : nothing}
      <form class="page-form" novalidate @submit=${this.onFormSubmit}>
        ${this.renderSummary()}
        <section class="page" part="page" aria-labelledby="page-title">
          ${heading(headingLevelOf(this.headingLevel, 1), pageTitle, {
            id: 'page-title',
            className: `page-title ${pageTitle === definition.title ? 'visually-hidden' : ''}`,
            part: 'page-title',
            focusTarget: true,
          })}
          ${onReview
            ? (this.reviewPart.get()?.render(
                pages,
                (pageId) => this.goTo(pageId, { returnToReview: true }),
                (pageId) => this.issuesOn(pageId).length > 0,
              ) ?? renderLoading(this.common.t('loading')))
            : nothing}
          ${onReview ? this.renderScores() : nothing}
          ${onReview
            ? nothing
            : html`${page!.description ? html`<div class="page-description">${paragraphs(page!.description)}</div>` : nothing}
              ${hasRequired ? html`<p class="hint required-note">${this.l10n.t('requiredNote')}</p>` : nothing}
              ${renderItems(this.host, page!.items, '')}`}
        </section>
        ${this.submitError
          ? html`<div class="notice error" role="alert">
              <p>${this.errorMessage(this.submitError)}</p>
            </div>`
          : nothing}
        <div class="nav" part="nav">
          ${step > 1 ? html`<button type="button" class="button back" part="back" @click=${() => this.back()}>${this.common.t('back')}</button>` : html`<span></span>`}
          ${onReview
            ? // aria-disabled, not disabled: a disabled button would throw keyboard focus out to the page while sending.
              html`<button type="submit" class="button primary submit" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'} aria-busy=${this.submitting ? 'true' : 'false'}>
                ${this.submitting ? html`<span class="spinner small" aria-hidden="true"></span>${this.l10n.t('submitting')}` : this.submitError?.retryable ? this.common.t('retry') : this.l10n.t('submit')}
              </button>`
            : html`<button type="submit" class="button primary next" part="next">
                ${this.returnToReview ? this.l10n.t('backToReview') : pages[pages.length - 1] === page ? this.l10n.t('toReview') : this.common.t('next')}
              </button>`}
        </div>
      </form>`;
  }
}
