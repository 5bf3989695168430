import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { AdapterError, surveyReplySchemas } from '@pxm/core';
import { requireShowableSurvey } from '@pxm/core/survey';
import {
  isAnswerEmpty,
  sanitizeSurveyAnswers,
  segmentOfAnswers,
  textLimitOf,
  validateSurveyAnswers,
  type NpsSegment,
  type SubmitSurveyRequest,
  type SurveyAnswerProblem,
  type SurveyAnswerValue,
  type SurveyAnswers,
  type SurveyInvitation,
  type SurveyResponse,
  type SurveyQuestion,
} from '@pxm/core/survey';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { PartialSaver, type SaveStatus } from './partial-saver.js';
import { scaleKeyTarget, type ScaleChoice } from './rating-scale.js';
import { PxmSurveyReviewClickEvent, PxmSurveySubmittedEvent } from './survey.events.js';
import { surveyEn } from './survey.messages.en.js';
import { renderClosed, renderLoadFailure } from './survey-closed-view.js';
import { renderSurveyForm } from './survey-form-view.js';
import { SurveySubmission, dropQueuedSubmit, queuedSubmitFor } from './survey-submission.js';
import { PrivateNote } from './private-note.js';
import { NOTE_LIMIT, renderSurveyThanks } from './survey-thanks-view.js';
import { surveyStyles } from './survey.styles.js';
import { counterText } from './text-field.js';

/** After the form: thanks (with the segment when this page sent it), or closed. */
type Outcome = { kind: 'thanks'; segment?: NpsSegment | undefined } | { kind: 'closed' };

/**
 * A satisfaction survey opened from an invitation link: NPS 0-10, CSAT, free text and choices,
 * saved as the patient goes, sent exactly once, then thanks with the practice's review links
 * (shown to every respondent, whatever the score) beside a private note to the practice.
 *
 * @summary NPS and satisfaction survey with an honest review prompt.
 * @tag pxm-survey
 *
 * @slot thanks - On the thank-you screen, under the thank-you text: the practice's own words or links.
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
    saveStatus: { state: true },
    resumed: { state: true },
    announcement: { state: true },
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
  private declare saveStatus: SaveStatus;
  private declare resumed: boolean;
  private declare announcement: string;

  private readonly msg = new LocalizeController(this, 'survey', { en: surveyEn });
  private readonly languages = new LanguageLoader(this, 'survey', { es: () => import('./survey.messages.es.js').then((module) => module.surveyEs) });
  private readonly calls = new AdapterCalls(this, 'survey', surveyReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly note = new PrivateNote(this, {
    send: (message, idempotencyKey) =>
      this.calls.send('sendFeedback', (api, signal) => api.sendFeedback!(this.token!, { message, idempotencyKey }, { signal }), { report: false }),
    report: (error) => this.reportError(error, 'survey.sendFeedback'),
    msg: this.msg,
    failureText: (error) => this.errorMessage(error),
  });
  private readonly submission = new SurveySubmission(this, {
    offlineQueue: () => this.offlineQueue,
    send: (token, request) => this.calls.run('submit', (api, signal) => api.submit(token, request, { signal }), { report: false }),
    report: (error) => this.reportError(error, 'survey.submit'),
    resend: () => void this.submit(),
    onSent: (request, response) => this.sent(request, response),
    onStopped: (error) => this.stopFor(error),
    pauseSaving: () => this.saver.pause(),
    resumeSaving: () => this.saver.resume(),
    msg: this.msg,
    failureText: (error) => this.errorMessage(error),
  });
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly saver = new PartialSaver({
    read: () => this.answers,
    // Quiet retries while offline: report the first failure of a run, not every attempt.
    save: (changes) =>
      this.calls.send('savePartial', (api, signal) => api.savePartial(this.token!, changes, { signal }), { report: this.saveStatus !== 'failed' }),
    onStatus: (status) => (this.saveStatus = status),
    onFatal: (error) => this.stopFor(error),
  });

  private readonly invitationTask = new Task(this, {
    args: () => [this.resolvedAdapter, this.token] as const,
    task: async ([adapter, token], { signal }) => {
      this.reset();
      if (!adapter) return undefined;
      const operation = 'survey.loadInvitation';
      if (!token) throw this.reportError(new AdapterError('token_invalid', 'No survey token.', { operation }), operation);
      // The patient's language arrives with the survey; a definition the survey cannot show is `server`.
      const [invitation] = await Promise.all([
        this.calls.run('loadInvitation', (api, callSignal) => api.loadInvitation(token, { signal: callSignal }), { signal, check: requireShowableSurvey }),
        this.languages.ready,
      ]);
      this.begin(invitation, token);
      return invitation;
    },
  });

  constructor() {
    super();
    this.offlineQueue = true;
    this.reset();
    // A move keeps timers running; only a real removal stops them. Writes in flight (the
    // patient's answers) are let finish, each under its deadline.
    new RemovalWatch(this, () => {
      this.submission.cancelResend();
      clearTimeout(this.announceTimer);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    // Leaving the page (or being moved): what was typed is saved now, not after the pause.
    void this.saver.flush();
  }

  private reset(): void {
    this.answers = {};
    this.problems = {};
    this.outcome = undefined;
    this.expiredMidway = false;
    this.submission.reset();
    this.saveStatus = 'idle';
    this.resumed = false;
    this.announcement = '';
    this.note.reset();
    this.saver.discard();
  }

  /** Sets the form up from a freshly loaded invitation, resuming saved and queued answers. */
  private begin(invitation: SurveyInvitation, token: string): void {
    if (invitation.status === 'answered') {
      this.outcome = { kind: 'thanks' };
      if (this.offlineQueue) dropQueuedSubmit(token);
      return;
    }
    if (invitation.status === 'expired') {
      this.outcome = { kind: 'closed' };
      if (this.offlineQueue) dropQueuedSubmit(token);
      return;
    }
    this.answers = sanitizeSurveyAnswers(invitation.definition, invitation.partialAnswers);
    this.resumed = Object.keys(this.answers).length > 0;
    this.saver.resume();
    if (this.offlineQueue) void this.resumeQueued(invitation, token);
  }

  /** A submit queued on this device before a reload is sent now, answers and key unchanged. */
  private async resumeQueued(invitation: SurveyInvitation, token: string): Promise<void> {
    const queued = await queuedSubmitFor(token);
    if (!queued || this.invitationTask.value !== invitation || this.outcome) return;
    this.answers = sanitizeSurveyAnswers(invitation.definition, queued.request.answers);
    this.submission.useKey(queued.request.idempotencyKey);
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
    const invitation = this.invitationTask.value;
    const token = this.token;
    if (!invitation || !token || this.submission.submitting || this.outcome || this.expiredMidway) return;
    const issues = validateSurveyAnswers(invitation.definition, this.answers);
    if (issues.length > 0) {
      this.problems = Object.fromEntries(issues.map((issue) => [issue.questionId, issue.problem]));
      return this.focusQuestion(issues[0]!.questionId);
    }
    this.problems = {};
    const answers: SurveyAnswers = {};
    for (const [id, value] of Object.entries(this.answers)) if (!isAnswerEmpty(value)) answers[id] = value;
    await this.submission.send(token, answers);
  }

  private async sent(request: SubmitSurveyRequest, response: SurveyResponse): Promise<void> {
    const definition = this.invitationTask.value?.definition;
    this.outcome = { kind: 'thanks', segment: definition && segmentOfAnswers(definition, request.answers) };
    // The comment box's character count belongs to the form, not to the thank-you page.
    clearTimeout(this.announceTimer);
    this.announcement = '';
    this.dispatchEvent(new PxmSurveySubmittedEvent({ responseId: response.id, submittedAt: response.submittedAt }));
    await this.focusAfterRender('[data-focus-target]');
  }

  private onOnline = (): void => {
    if (this.submission.hasPending && !this.submission.submitting) void this.submit();
    else void this.saver.flush();
  };

  /** A state the form cannot recover from here: answered elsewhere, expired, no longer valid. */
  private stopFor(error: AdapterError): void {
    if (error.code === 'already_submitted' && this.submission.hasPending && !this.submission.submitting) {
      // Our own submit got through though its reply was lost: the same key fetches the response.
      void this.submit();
      return;
    }
    this.saver.pause();
    this.submission.cancelResend();
    if (error.code === 'already_submitted') {
      this.outcome = { kind: 'thanks' };
      void this.focusAfterRender('[data-focus-target]');
    } else if (error.code === 'token_expired' || error.code === 'token_invalid') {
      this.expiredMidway = true;
      this.submission.notice = undefined;
    } else {
      this.saveStatus = 'failed';
    }
  }

  private async sendNote(): Promise<void> {
    if (!this.resolvedAdapter?.survey?.sendFeedback || !this.token) return;
    if (await this.note.send()) await this.focusAfterRender('#private-note');
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
      return html`<div class="base surface" part="base"><p class="notice">${this.common.text('noAdapter')}</p></div>`;
    }
    // Before the first load starts (a server-rendered first paint): loading, not a blank box.
    const loading = () => renderLoading(this.common.text('loading'));
    return html`<div class="base surface" part="base">
      ${this.invitationTask.status === TaskStatus.INITIAL
        ? loading()
        : this.invitationTask.render({
            pending: loading,
            error: (error) =>
              renderLoadFailure({
                msg: this.msg,
                error,
                expiredText: this.common.text('error_token_expired'),
                retryText: this.common.text('retry'),
                errorMessage: (known) => this.errorMessage(known),
                onRetry: () => void this.invitationTask.run(),
              }),
            complete: (invitation) => (invitation ? this.renderInvitation(invitation) : undefined),
          })}
    </div>`;
  }

  private renderInvitation(invitation: SurveyInvitation): TemplateResult {
    if (this.outcome?.kind === 'thanks') {
      return renderSurveyThanks({
        msg: this.msg,
        invitation,
        segment: this.outcome.segment,
        canSendNote: Boolean(this.resolvedAdapter?.survey?.sendFeedback),
        note: this.note.state,
        announcement: this.announcement,
        onReviewOpen: (site) => this.dispatchEvent(new PxmSurveyReviewClickEvent({ site })),
        onNoteInput: (text) => {
          this.note.input(text);
          this.announceCount(NOTE_LIMIT, text);
        },
        onNoteSend: () => void this.sendNote(),
      });
    }
    if (this.outcome?.kind === 'closed') {
      const date = this.msg.dateTime(invitation.expiresAt, this.resolvedTimeZone, { dateStyle: 'long' });
      return renderClosed(this.msg.text('expiredTitle'), this.msg.text('expiredText', invitation.practiceName, date));
    }
    return renderSurveyForm({
      msg: this.msg,
      invitation,
      answers: this.answers,
      problems: this.problems,
      segment: segmentOfAnswers(invitation.definition, this.answers),
      expiredMidway: this.expiredMidway,
      resumed: this.resumed,
      submitting: this.submission.submitting,
      notice: this.submission.notice,
      saveStatus: this.saveStatus,
      announcement: this.announcement,
      onSubmit: this.onSubmit,
      onSendNow: () => void this.submit(),
      onPick: (question, value) => void this.pickScale(question, value),
      onScaleKey: (question, choices, event) => this.onScaleKey(question, choices, event),
      onText: (question, value) => this.onText(question, value),
      onChoice: (question, value) => this.setAnswer(question, value, 250),
      onTextBlur: () => void this.saver.flush(),
    });
  }
}
