import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { AdapterError, createId, requireCapability, type SurveyApi } from '@pxm/core';
import {
  characterCount,
  isAnswerEmpty,
  readSurveyInvitation,
  readSurveyResponse,
  sanitizeSurveyAnswers,
  segmentOfAnswers,
  segmentedText,
  textLimitOf,
  validateSurveyAnswers,
  type NpsSegment,
  type SubmitSurveyRequest,
  type SurveyAnswerProblem,
  type SurveyAnswerValue,
  type SurveyAnswers,
  type SurveyInvitation,
  type SurveyQuestion,
} from '@pxm/core/survey';
import { PxmElement } from '../base/pxm-element.js';
import { Loader } from '../internal/loader.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderChoice } from './choice-question.js';
import { PartialSaver, type SaveStatus } from './partial-saver.js';
import { renderScale, scaleKeyTarget, type ScaleChoice } from './rating-scale.js';
import { REVIEW_SITE_NAMES, renderReviewPrompt } from './review-prompt.js';
import { PxmSurveyReviewClickEvent, PxmSurveySubmittedEvent } from './survey.events.js';
import { surveyEn } from './survey.messages.en.js';
import { loadSurveyLanguage } from './survey-languages.js';
import { surveyStyles } from './survey.styles.js';
import { counterText, describedBy, renderTextField } from './text-field.js';

/** After the form: thanks (with the segment when this page sent it), or closed. */
type Outcome = { kind: 'thanks'; segment?: NpsSegment | undefined } | { kind: 'closed' };

type Notice = { text: string; retry: boolean };

const NOTE_LIMIT = 2000;
/** Waits between automatic resends of a submit that could not get through. */
const RESEND_DELAYS_MS = [3_000, 10_000, 30_000, 60_000];

/** The offline queue is needed only with `offline-queue` and a failed submit: it loads then. */
const pendingSubmits = () => import('./pending-submit.js');
const dropQueued = (token: string) => void pendingSubmits().then((queue) => queue.dropPendingSubmit(token));

/**
 * A satisfaction survey opened from an invitation link: NPS 0-10, CSAT, free text and choices,
 * saved as the patient goes, sent exactly once, then thanks with the practice's review links
 * (shown to every respondent, whatever the score) beside a private note to the practice.
 *
 * @summary NPS and satisfaction survey with an honest review prompt.
 * @tag pxm-survey
 *
 * @csspart base - The wrapper of every state.
 * @csspart form - The survey form.
 * @csspart title - The survey's (or the state's) heading.
 * @csspart question - One question, with its prompt, control and messages.
 * @csspart prompt - A question's prompt.
 * @csspart scale - The NPS or CSAT radio group.
 * @csspart scale-option - One option of a scale.
 * @csspart scale-ends - The labels of the NPS scale's two ends.
 * @csspart choice - One single- or multiple-choice option.
 * @csspart textarea - A free-text box.
 * @csspart counter - The character counter under a text box.
 * @csspart notice - Messages about the whole survey (resumed, expired, could not send).
 * @csspart submit - The send button.
 * @csspart save-status - "Your answers so far are saved."
 * @csspart thanks - The thank-you state.
 * @csspart review - The review prompt with its links.
 * @csspart review-link - One review site's link.
 * @csspart feedback - The private note to the practice.
 * @csspart feedback-send - The button that sends the private note.
 * @csspart closed - The expired and not-valid states.
 * @csspart loading - The loading state.
 * @csspart error - A loading failure.
 * @csspart retry - The "Try again" button of a loading failure.
 *
 * @cssproperty --pxm-survey-option-size - Size of a scale option; at least 44 px (2.75rem, the default).
 * @cssproperty --pxm-survey-scale-gap - Space between scale options (default 0.25rem).
 * @cssproperty --pxm-survey-selected-color - Fill of the chosen scale option (default the primary color).
 *
 * @event pxm-survey-submitted - The response was stored: `{ responseId, submittedAt }`.
 * @event pxm-survey-review-click - A review link was opened: `{ site }`.
 * @event pxm-error - An adapter call failed: `{ code, operation }`.
 */
export class PxmSurvey extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    token: { type: String, reflect: true },
    offlineQueue: {
      attribute: 'offline-queue',
      converter: { fromAttribute: (value: string | null) => value !== 'off' && value !== 'false' },
    },
    answers: { state: true },
    problems: { state: true },
    outcome: { state: true },
    expiredMidway: { state: true },
    submitting: { state: true },
    notice: { state: true },
    saveStatus: { state: true },
    resumed: { state: true },
    announcement: { state: true },
    note: { state: true },
    noteSending: { state: true },
    noteSent: { state: true },
    noteError: { state: true },
  };

  static override styles = [hostStyles, controlStyles, surveyStyles];

  /** The invitation token from the patient's link. */
  declare token: string | undefined;
  /**
   * Keep a submit that could not be sent in the encrypted offline queue (IndexedDB, AES-GCM,
   * non-extractable key, 7-day expiry, wiped once sent), so it goes out when the patient comes
   * back, even after a reload. On by default; `offline-queue="off"` keeps it in memory only, and
   * then nothing is stored on the device.
   */
  declare offlineQueue: boolean;

  private declare answers: SurveyAnswers;
  private declare problems: Record<string, SurveyAnswerProblem>;
  private declare outcome: Outcome | undefined;
  private declare expiredMidway: boolean;
  private declare submitting: boolean;
  private declare notice: Notice | undefined;
  private declare saveStatus: SaveStatus;
  private declare resumed: boolean;
  private declare announcement: string;
  private declare note: string;
  private declare noteSending: boolean;
  private declare noteSent: boolean;
  private declare noteError: string | undefined;

  private readonly msg = new LocalizeController(this, 'survey', { en: surveyEn });
  private submitKey: string | undefined;
  private noteKey: string | undefined;
  private pending: SubmitSurveyRequest | undefined;
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resendAttempt = 0;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly saver = new PartialSaver({
    read: () => this.answers,
    save: async (changes) => {
      try {
        await this.api.savePartial(this.token!, changes);
      } catch (error) {
        // Quiet retries while offline: report the first failure of a run, not every attempt.
        if (this.saveStatus === 'failed') throw error;
        throw this.reportError(error, 'survey.savePartial') ?? error;
      }
    },
    onStatus: (status) => (this.saveStatus = status),
    onFatal: (error) => this.stopFor(error),
  });

  private readonly load = new Loader(this, {
    args: () => [this.resolvedAdapter, this.token] as const,
    task: async ([adapter, token], { signal }) => {
      this.reset();
      if (!adapter) return undefined;
      try {
        if (!token) throw new AdapterError('token_invalid', 'No survey token.', { operation: 'survey.loadInvitation' });
        const api = requireCapability(adapter, 'survey');
        // The patient's language arrives with the survey, not a moment after it.
        const [reply] = await Promise.all([api.loadInvitation(token, { signal }), loadSurveyLanguage(this.resolvedLocale)]);
        const invitation = readSurveyInvitation(reply);
        this.begin(invitation, token);
        return invitation;
      } catch (error) {
        throw this.reportError(error, 'survey.loadInvitation') ?? error;
      }
    },
  });

  constructor() {
    super();
    this.offlineQueue = true;
    this.reset();
  }

  protected override willUpdate(): void {
    void loadSurveyLanguage(this.resolvedLocale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.resendTimer);
    clearTimeout(this.announceTimer);
    void this.saver.flush();
  }

  private get api(): SurveyApi {
    return requireCapability(this.resolvedAdapter, 'survey');
  }

  private reset(): void {
    this.answers = {};
    this.problems = {};
    this.outcome = undefined;
    this.expiredMidway = false;
    this.submitting = false;
    this.notice = undefined;
    this.saveStatus = 'idle';
    this.resumed = false;
    this.announcement = '';
    this.note = '';
    this.noteSending = false;
    this.noteSent = false;
    this.noteError = undefined;
    this.pending = undefined;
    this.submitKey = undefined;
    clearTimeout(this.resendTimer);
    this.saver.discard();
  }

  /** Sets the form up from a freshly loaded invitation, resuming saved and queued answers. */
  private begin(invitation: SurveyInvitation, token: string): void {
    if (invitation.status === 'answered') {
      this.outcome = { kind: 'thanks' };
      if (this.offlineQueue) dropQueued(token);
      return;
    }
    if (invitation.status === 'expired') {
      this.outcome = { kind: 'closed' };
      if (this.offlineQueue) dropQueued(token);
      return;
    }
    this.answers = sanitizeSurveyAnswers(invitation.definition, invitation.partialAnswers);
    this.resumed = Object.keys(this.answers).length > 0;
    this.saver.resume();
    if (this.offlineQueue) void this.resumeQueued(invitation, token);
  }

  /** A submit queued on this device before a reload is sent now, answers and key unchanged. */
  private async resumeQueued(invitation: SurveyInvitation, token: string): Promise<void> {
    const queued = await (await pendingSubmits()).pendingSubmitFor(token);
    if (!queued || this.load.value !== invitation || this.outcome) return;
    this.answers = sanitizeSurveyAnswers(invitation.definition, queued.request.answers);
    this.submitKey = queued.request.idempotencyKey;
    this.resumed = true;
    await this.submit();
  }

  // ------------------------------------------------------------------ answering

  private setAnswer(question: SurveyQuestion, value: SurveyAnswerValue, saveAfterMs: number): void {
    this.answers = { ...this.answers, [question.id]: value };
    // A changed answer is checked again on send; until then its message would only be stale.
    if (this.problems[question.id]) {
      const { [question.id]: _changed, ...rest } = this.problems;
      this.problems = rest;
    }
    if (this.expiredMidway || this.outcome) return;
    this.saver.change(question.id, saveAfterMs);
  }

  private onScaleKey(question: SurveyQuestion, choices: ScaleChoice[], event: KeyboardEvent): void {
    const from = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index') ?? 0);
    const to = scaleKeyTarget(event.key, from, choices.length, this.isRtl);
    if (to === undefined) return;
    event.preventDefault();
    this.pickScale(question, choices[to]!.value);
  }

  private async pickScale(question: SurveyQuestion, value: number): Promise<void> {
    this.setAnswer(question, value, 250);
    await this.focusQuestion(question.id);
  }

  private onText(question: SurveyQuestion & { type: 'text' }, value: string): void {
    this.setAnswer(question, value, 1_000);
    this.announceCount(textLimitOf(question), value);
  }

  /** The counter for screen readers, once the patient pauses typing. */
  private announceCount(limit: number, value: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = counterText(this.msg, limit, value)), 1_200);
  }

  // ------------------------------------------------------------------ sending

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  private async submit(): Promise<void> {
    const invitation = this.load.value;
    const token = this.token;
    if (!invitation || !token || this.submitting || this.outcome || this.expiredMidway) return;
    const issues = validateSurveyAnswers(invitation.definition, this.answers);
    if (issues.length > 0) {
      this.problems = Object.fromEntries(issues.map((issue) => [issue.questionId, issue.problem]));
      return this.focusQuestion(issues[0]!.questionId);
    }
    this.problems = {};
    this.submitting = true;
    this.notice = undefined;
    clearTimeout(this.resendTimer);
    this.saver.pause();
    const answers: SurveyAnswers = {};
    for (const [id, value] of Object.entries(this.answers)) if (!isAnswerEmpty(value)) answers[id] = value;
    // One key for every attempt: a retry after a lost reply gets the stored response back.
    this.submitKey ??= createId();
    const request: SubmitSurveyRequest = { answers, idempotencyKey: this.submitKey };
    this.pending = request;
    try {
      const response = readSurveyResponse(await this.api.submit(token, request));
      this.pending = undefined;
      if (this.offlineQueue) dropQueued(token);
      this.outcome = { kind: 'thanks', segment: segmentOfAnswers(invitation.definition, answers) };
      // The comment box's character count belongs to the form, not to the thank-you page.
      clearTimeout(this.announceTimer);
      this.announcement = '';
      this.dispatchEvent(
        new PxmSurveySubmittedEvent({ responseId: response.id, submittedAt: response.submittedAt }),
      );
      await this.focusAfterRender('[data-focus-target]');
    } catch (caught) {
      await this.submitFailed(caught, token, request);
    } finally {
      this.submitting = false;
    }
  }

  private async submitFailed(caught: unknown, token: string, request: SubmitSurveyRequest): Promise<void> {
    const error = this.reportError(caught, 'survey.submit');
    if (!error) return;
    if (error.code === 'already_submitted' || error.code === 'token_expired' || error.code === 'token_invalid') {
      this.pending = undefined;
      if (this.offlineQueue) dropQueued(token);
      this.stopFor(error);
      return;
    }
    const retry = error.retryable;
    const queued = retry && this.offlineQueue && (await (await pendingSubmits()).keepPendingSubmit({ token, request }));
    this.notice = {
      text: queued ? this.msg.t('submitQueued') : retry && error.code === 'network' ? this.msg.t('submitOffline') : this.errorMessage(error),
      retry,
    };
    if (retry) {
      const wait = RESEND_DELAYS_MS[Math.min(this.resendAttempt++, RESEND_DELAYS_MS.length - 1)]!;
      this.resendTimer = setTimeout(() => void this.submit(), wait);
    }
    this.saver.resume();
  }

  private onOnline = (): void => {
    if (this.pending && !this.submitting) void this.submit();
    else void this.saver.flush();
  };

  /** A state the form cannot recover from here: answered elsewhere, expired, no longer valid. */
  private stopFor(error: AdapterError): void {
    if (error.code === 'already_submitted' && this.pending && !this.submitting) {
      // Our own submit got through though its reply was lost: the same key fetches the response.
      void this.submit();
      return;
    }
    this.saver.pause();
    clearTimeout(this.resendTimer);
    if (error.code === 'already_submitted') {
      this.outcome = { kind: 'thanks' };
      void this.focusAfterRender('[data-focus-target]');
    } else if (error.code === 'token_expired' || error.code === 'token_invalid') {
      this.expiredMidway = true;
      this.notice = undefined;
    } else {
      this.saveStatus = 'failed';
    }
  }

  private async sendNote(): Promise<void> {
    const api = this.resolvedAdapter?.survey;
    if (!api?.sendFeedback || !this.token || this.noteSending) return;
    const message = this.note.trim();
    this.noteError = !message
      ? this.msg.t('privateEmpty')
      : characterCount(message) > NOTE_LIMIT
        ? this.msg.t('errorTooLong', this.msg.number(NOTE_LIMIT))
        : undefined;
    if (!this.noteError) {
      this.noteSending = true;
      // Same key until it is stored, so a retry after a lost reply is not a second note.
      this.noteKey ??= createId();
      try {
        await api.sendFeedback(this.token, { message, idempotencyKey: this.noteKey });
        this.noteSent = true;
        return;
      } catch (caught) {
        const error = this.reportError(caught, 'survey.sendFeedback');
        if (error) this.noteError = this.errorMessage(error);
      } finally {
        this.noteSending = false;
      }
    }
    await this.focusAfterRender('#private-note');
  }

  // ------------------------------------------------------------------ focus

  /** Moves focus once the next render is done: to a question's control, a heading, a field. */
  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private focusQuestion(id: string): Promise<void> {
    return this.focusAfterRender(`[data-question="${CSS.escape(id)}"] :is([role="radio"][tabindex="0"], textarea, input)`);
  }

  // ------------------------------------------------------------------ rendering

  protected override render() {
    if (!this.resolvedAdapter) {
      return html`<div class="base surface" part="base"><p class="notice">${this.common.t('noAdapter')}</p></div>`;
    }
    return html`<div class="base surface" part="base">
      ${this.load.render({
        // Before the first load starts (a server-rendered first paint): loading, not a blank box.
        initial: () => renderLoading(this.common.t('loading')),
        pending: () => renderLoading(this.common.t('loading')),
        error: (error) => this.renderLoadFailure(error),
        complete: (invitation) => (invitation ? this.renderInvitation(invitation) : nothing),
      })}
    </div>`;
  }

  private renderLoadFailure(caught: unknown): TemplateResult {
    const error = AdapterError.is(caught) ? caught : undefined;
    if (error?.code === 'token_invalid') return this.renderClosed(this.msg.t('invalidTitle'), this.msg.t('invalidText'));
    if (error?.code === 'token_expired') return this.renderClosed(this.msg.t('expiredTitle'), this.common.t('error_token_expired'));
    return renderFailure({
      message: `${this.msg.t('loadFailed')} ${this.errorMessage(error)}`,
      retryLabel: this.common.t('retry'),
      onRetry: error?.code === 'unsupported' ? undefined : () => void this.load.run(),
    });
  }

  private renderClosed(title: string, text: string): TemplateResult {
    return html`<section class="state" part="closed">
      <h2 class="title" part="title">${title}</h2>
      <p>${text}</p>
    </section>`;
  }

  private renderInvitation(invitation: SurveyInvitation): TemplateResult {
    if (this.outcome?.kind === 'thanks') return this.renderThanks(invitation, this.outcome.segment);
    if (this.outcome?.kind === 'closed') {
      const date = this.msg.dateTime(invitation.expiresAt, this.resolvedTimeZone, { dateStyle: 'long' });
      return this.renderClosed(this.msg.t('expiredTitle'), this.msg.t('expiredText', invitation.practiceName, date));
    }
    return this.renderForm(invitation);
  }

  private renderForm(invitation: SurveyInvitation): TemplateResult {
    const { definition } = invitation;
    const segment = segmentOfAnswers(definition, this.answers);
    const problemCount = Object.keys(this.problems).length;
    const blocked = this.expiredMidway;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <h2 class="title" part="title">${definition.title}</h2>
      ${definition.intro ? html`<p class="intro">${definition.intro}</p>` : nothing}
      ${blocked ? html`<div class="notice error" role="alert" part="notice">${this.msg.t('expiredMidway', invitation.practiceName)}</div>` : nothing}
      ${this.resumed && !blocked ? html`<p class="notice" part="notice">${this.msg.t('resumed')}</p>` : nothing}
      ${definition.questions.map((question) => (question.afterScore && !segment ? nothing : this.renderQuestion(question, segment)))}
      <div class="actions">
        <div class="live" role="status">
          ${problemCount > 0 ? html`<p class="error-text">${this.msg.t('needsAttention', problemCount)}</p>` : nothing}
        </div>
        ${this.notice
          ? html`<div class="notice ${this.notice.retry ? 'warning' : 'error'}" role="alert" part="notice">
              <p>${this.notice.text}</p>
              ${this.notice.retry ? html`<button type="button" class="button" @click=${() => void this.submit()}>${this.msg.t('sendNow')}</button>` : nothing}
            </div>`
          : nothing}
        ${blocked
          ? nothing
          : html`<button type="submit" class="button primary" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
              ${this.submitting ? html`<span class="spinner small" aria-hidden="true"></span>${this.msg.t('submitting')}` : this.msg.t('submit')}
            </button>`}
        <p class="hint" part="save-status">${this.saveStatusText()}</p>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    </form>`;
  }

  private saveStatusText(): string {
    const status = this.saveStatus;
    return status === 'idle' ? '' : this.msg.t(status === 'failed' ? 'saveFailed' : status);
  }

  private prompt(text: string, required: boolean | undefined): TemplateResult {
    return html`${text}${required ? html` <span class="required">(${this.msg.t('required')})</span>` : nothing}`;
  }

  private problemText(question: SurveyQuestion): string | undefined {
    const problem = this.problems[question.id];
    if (!problem) return undefined;
    if (problem === 'required') return this.msg.t('errorRequired');
    if (problem === 'too_long' && question.type === 'text') return this.msg.t('errorTooLong', this.msg.number(textLimitOf(question)));
    return this.msg.t('errorChoose');
  }

  private renderQuestion(question: SurveyQuestion, segment: NpsSegment | undefined): TemplateResult {
    const id = `q-${question.id}`;
    const error = this.problemText(question);
    const value = this.answers[question.id];
    let body: TemplateResult;
    switch (question.type) {
      case 'nps':
      case 'csat': {
        const choices = this.scaleChoices(question);
        body = html`<p class="prompt" id="${id}-label" part="prompt">${this.prompt(question.prompt, question.required)}</p>
          ${question.help ? html`<p class="hint" id="${id}-help">${question.help}</p>` : nothing}
          ${renderScale({
            kind: question.type,
            choices,
            value: typeof value === 'number' ? value : undefined,
            labelledBy: `${id}-label`,
            describedBy: describedBy(question.help && `${id}-help`, error && `${id}-error`),
            required: question.required ?? false,
            invalid: Boolean(error),
            onPick: (picked) => void this.pickScale(question, picked),
            onKey: (event) => this.onScaleKey(question, choices, event),
          })}
          ${error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing}`;
        break;
      }
      case 'text': {
        const text = typeof value === 'string' ? value : '';
        body = renderTextField({
          id,
          label: this.prompt(segmentedText(question.prompt, segment) ?? '', question.required),
          help: question.help,
          value: text,
          used: characterCount(text),
          limit: textLimitOf(question),
          counter: counterText(this.msg, textLimitOf(question), text),
          required: question.required ?? false,
          error,
          onInput: (typed) => this.onText(question, typed),
          onBlur: () => void this.saver.flush(),
        });
        break;
      }
      default: {
        const multiple = question.type === 'multiple-choice';
        body = renderChoice({
          id,
          multiple,
          legend: this.prompt(question.prompt, question.required),
          help: question.help,
          options: question.options,
          selected: Array.isArray(value) ? value : typeof value === 'string' ? [value] : [],
          error,
          onChange: (selected) => this.setAnswer(question, multiple ? selected : (selected[0] ?? null), 250),
        });
      }
    }
    return html`<div class="question ${error ? 'invalid' : ''}" part="question" data-question=${question.id}>${body}</div>`;
  }

  private scaleChoices(question: SurveyQuestion & { type: 'nps' | 'csat' }): ScaleChoice[] {
    if (question.type === 'nps') {
      return Array.from({ length: 11 }, (_, score) => ({
        value: score,
        text: this.msg.number(score),
        detail: score === 0 ? (question.lowLabel ?? this.msg.t('npsLow')) : score === 10 ? (question.highLabel ?? this.msg.t('npsHigh')) : undefined,
      }));
    }
    const defaults = [this.msg.t('csat1'), this.msg.t('csat2'), this.msg.t('csat3'), this.msg.t('csat4'), this.msg.t('csat5')];
    return defaults.map((fallback, index) => ({ value: index + 1, text: question.labels?.[index] ?? fallback }));
  }

  private renderThanks(invitation: SurveyInvitation, segment: NpsSegment | undefined): TemplateResult {
    const { definition, practiceName } = invitation;
    const reviewKey = segment === 'detractor' ? 'reviewDetractor' : segment === 'promoter' ? 'reviewPromoter' : 'reviewDefault';
    return html`<section class="thanks" part="thanks">
      <h2 class="title" part="title" tabindex="-1" data-focus-target>${this.msg.t('thanksTitle')}</h2>
      <p>${segmentedText(definition.thankYou, segment) ?? this.msg.t('thanksText')}</p>
      <div class="follow-up">
        ${renderReviewPrompt({
          title: this.msg.t('reviewTitle'),
          text: segmentedText(definition.reviewPrompt, segment) ?? this.msg.t(reviewKey),
          links: invitation.reviewLinks,
          linkText: (link) => this.msg.t('reviewOn', link.label ?? REVIEW_SITE_NAMES[link.site] ?? this.msg.t('siteOther')),
          newTab: this.msg.t('newTab'),
          onOpen: (site) => this.dispatchEvent(new PxmSurveyReviewClickEvent({ site })),
        })}
        <section class="card" part="feedback" aria-labelledby="feedback-title">
          <h3 id="feedback-title">${this.msg.t('privateTitle', practiceName)}</h3>
          ${this.renderNote(practiceName)}
        </section>
      </div>
    </section>`;
  }

  /** A private note to the practice, always beside the review links and never in their place. */
  private renderNote(practiceName: string): TemplateResult {
    if (!this.resolvedAdapter?.survey?.sendFeedback) return html`<p>${this.msg.t('privateFallback', practiceName)}</p>`;
    if (this.noteSent) return html`<p class="notice success" role="status">${this.msg.t('privateSent')}</p>`;
    return html`<p class="hint">${this.msg.t('privateText')}</p>
      ${renderTextField({
        id: 'private-note',
        label: this.msg.t('privateLabel'),
        value: this.note,
        used: characterCount(this.note),
        limit: NOTE_LIMIT,
        counter: counterText(this.msg, NOTE_LIMIT, this.note),
        required: false,
        error: this.noteError,
        onInput: (typed) => {
          this.note = typed;
          this.noteError = undefined;
          this.announceCount(NOTE_LIMIT, typed);
        },
        onBlur: () => undefined,
      })}
      <button type="button" class="button" part="feedback-send" aria-disabled=${this.noteSending ? 'true' : 'false'} @click=${() => void this.sendNote()}>
        ${this.msg.t('privateSend')}
      </button>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}
