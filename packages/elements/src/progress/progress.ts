import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import { AdapterError } from '@pxm/core';
import { progressReplySchemas } from '@pxm/core/progress';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import type { PxmIntakeSubmittedEvent } from '../intake-form/intake-form.events.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { whenIdle } from '../internal/when-idle.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderDue } from './due-view.js';
import { GoalRatings } from './goal-ratings.js';
import { renderGoals } from './goals-view.js';
import { renderMeasures } from './measures-view.js';
import { latestPatientRating, requireRatedGoal, type DueMeasure, type Goal, type ProgressView } from '@pxm/core/progress';
import { renderLoadFailure } from './progress-failure.js';
import { dayOf } from './progress-format.js';
import { PxmProgressGoalRatedEvent, PxmProgressMeasureTakenEvent, PxmProgressPrintEvent } from './progress.events.js';
import { progressEn } from './progress.messages.en.js';
import { progressStyles } from './progress.styles.js';
import type { SummaryVersion } from './summary-view.js';

/** Parts loaded on demand, each fetched once per page whichever element asks first. */
const importIntake = () => import('../define/pxm-intake-form.js');
const importSummary = () => import('./summary-view.js');

/** A progress view as loaded for one link. */
interface Loaded {
  token: string;
  view: ProgressView;
}

/**
 * One episode of care as the patient sees it: their goals in their own words (with Goal
 * Attainment Scaling levels where the practice uses them) and their own rating beside the
 * therapist's; each outcome measure over time, with the band of a meaningful change, a table of
 * the same numbers and a plain-language reading; the measures due again, taken right here in
 * `<pxm-intake-form>`; and a printable summary for the patient and for the referring physician.
 *
 * @summary Goals and outcome measures over an episode of care, with what is due and a printable summary.
 * @tag pxm-progress
 *
 * @slot header - Above the episode's title: a practice's logo or an introduction.
 * @csspart base - The wrapper of every state.
 * @csspart header - The episode's title, practice and dates.
 * @csspart title - The episode's title.
 * @csspart goals - The goals section.
 * @csspart goal - One goal.
 * @csspart goal-status - A goal's status (in progress, reached...).
 * @csspart patient-rating - The patient's latest rating of a goal.
 * @csspart therapist-rating - The therapist's latest rating of a goal.
 * @csspart rate - The patient's rating form of a goal.
 * @csspart scale - The Goal Attainment Scaling levels (a radio group).
 * @csspart rate-save - The rating's Save button.
 * @csspart rating-error - Why a rating was not saved.
 * @csspart measures - The outcome measures section.
 * @csspart measure - One measure.
 * @csspart reading - A measure's plain-language reading of its change.
 * @csspart chart - A measure's chart.
 * @csspart chart-toggle - The button that switches a chart to its table and back.
 * @csspart due - The measures due again.
 * @csspart due-item - One measure due.
 * @csspart take-now - The "Take it now" button.
 * @csspart close-measure - The button that closes an open questionnaire.
 * @csspart intake - The `<pxm-intake-form>` of an open questionnaire.
 * @csspart adherence - Home exercise adherence, when the practice has it.
 * @csspart actions - The print buttons.
 * @csspart print-patient - "Print my summary".
 * @csspart print-physician - "Print for my doctor".
 * @csspart summary - The printed summary (only present while printing).
 * @csspart closed - The not-valid and expired link states.
 * @csspart loading - The loading state.
 * @csspart error - A failure state.
 * @csspart retry - The try-again button of a failure state.
 *
 * @cssproperty --pxm-progress-accent - Colour of the charts' lines and the chosen level (default: the primary colour).
 * @cssproperty --pxm-progress-band-color - Fill of the meaningful-change band on the charts.
 *
 * @event pxm-progress-goal-rated - The patient's rating of a goal was stored: `{ goalId, clientId, ratedAt }`.
 * @event pxm-progress-measure-taken - A due measure was taken here: `{ instrumentId, responseId, submittedAt }`.
 * @event pxm-progress-print - The patient asked to print a summary: `{ version }` (`patient` or `physician`).
 * @event pxm-error - An adapter call failed: `{ code, operation }`.
 */
export class PxmProgress extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    token: { type: String, reflect: true },
    tables: { state: true },
    openMeasure: { state: true },
    printVersion: { state: true },
    goalUpdates: { state: true },
    announcement: { state: true },
  };

  static override styles = [hostStyles, controlStyles, progressStyles];

  /** The progress link token. */
  declare token: string | undefined;

  /** Measures the patient switched to their tables. */
  private declare tables: ReadonlySet<string>;
  /** The due measure open in the intake form. */
  private declare openMeasure: DueMeasure | undefined;
  /** The summary being printed. */
  private declare printVersion: SummaryVersion | undefined;
  /** Goals as returned by a rating, newer than the loaded view until it reloads. */
  private declare goalUpdates: ReadonlyMap<string, Goal>;
  private declare announcement: string;

  private printedAt = new Date(0);

  private readonly msg = new LocalizeController(this, 'progress', { en: progressEn });
  private readonly languages = new LanguageLoader(this, 'progress', { es: () => import('./progress.messages.es.js').then((module) => module.progressEs) });
  private readonly calls = new AdapterCalls(this, 'progress', progressReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly intakePart = new LazyPart(this, importIntake);
  private readonly summaryPart = new LazyPart(this, importSummary);
  private readonly ratings = new GoalRatings(this, {
    // A reply that is not the rated goal with the patient's rating is refused (`server`): the note stays.
    send: (rating) =>
      this.calls.run('rateGoal', (api, signal) => api.rateGoal(this.token!, rating, { signal }), { check: (goal, operation) => requireRatedGoal(goal, rating.goalId, operation) }),
    onSaved: (goal, rating) => {
      this.goalUpdates = new Map(this.goalUpdates).set(goal.id, goal);
      this.announce(this.msg.text('ratingSaved'));
      // The reply passed `requireRatedGoal`: it holds the patient's rating, with its time.
      this.dispatchEvent(new PxmProgressGoalRatedEvent({ goalId: goal.id, clientId: rating.clientId, ratedAt: latestPatientRating(goal)!.ratedAt }));
    },
    failureText: (error) => this.errorMessage(error),
  });

  private readonly progressTask = new Task(this, {
    args: () => [this.resolvedAdapter, this.token] as const,
    task: async ([adapter, token], { signal }): Promise<Loaded | typeof initialState> => {
      // No adapter yet (a script-tag page's adapter registers after the elements): wait, it is no failure.
      if (!adapter) return initialState;
      const operation = 'progress.loadProgress';
      if (!token) throw this.reportError(new AdapterError('token_invalid', 'No progress token.', { operation }), operation);
      // The first paint is in the patient's language, not English then Spanish.
      const [view] = await Promise.all([
        this.calls.run('loadProgress', (api, callSignal) => api.loadProgress(token, { signal: callSignal }), { signal }),
        this.languages.ready,
      ]);
      return { token, view };
    },
    onComplete: () => {
      this.goalUpdates = new Map();
      this.preloadSummary();
    },
  });

  constructor() {
    super();
    this.tables = new Set();
    this.goalUpdates = new Map();
    this.announcement = '';
    // A move keeps an open questionnaire; a real removal closes it and stops the announcer.
    new RemovalWatch(this, () => {
      this.openMeasure = undefined;
      clearTimeout(this.announceTimer);
    });
  }

  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.addEventListener?.('afterprint', this.onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.removeEventListener?.('afterprint', this.onAfterPrint);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && changed.get('token') !== undefined) {
      this.ratings.reset();
      this.openMeasure = undefined;
      this.tables = new Set();
    }
  }

  /** The progress as shown: the loaded view with goals a rating has since updated. */
  get progress(): ProgressView | undefined {
    const loaded = this.progressTask.value;
    if (!loaded) return undefined;
    const view = loaded.view;
    if (this.goalUpdates.size === 0) return view;
    return { ...view, goals: view.goals.map((goal) => this.goalUpdates.get(goal.id) ?? goal) };
  }

  /**
   * Prints the patient's summary (`patient`, the default) or the referring physician's
   * (`physician`) through the browser's print dialog. Resolves once the dialog was asked for.
   */
  async print(version: SummaryVersion = 'patient'): Promise<void> {
    const module = await this.summaryPart.load().catch(() => undefined);
    if (!module || !this.progress) return;
    this.printedAt = new Date();
    this.printVersion = version;
    this.dispatchEvent(new PxmProgressPrintEvent({ version }));
    await this.updateComplete;
    globalThis.print?.();
  }

  private readonly onBeforePrint = () => {
    // Ctrl+P without the buttons: the patient's own summary, once its code is here.
    if (this.summaryPart.module && !this.printVersion) {
      this.printedAt = new Date();
      this.printVersion = 'patient';
    }
  };

  private readonly onAfterPrint = () => (this.printVersion = undefined);

  /** The summary's code arrives once the page is idle, ready for Ctrl+P. */
  private preloadSummary(): void {
    whenIdle(() => void this.summaryPart.load().catch(() => undefined));
  }

  // ---- Due measures ----------------------------------------------------------------------

  private take(measure: DueMeasure): void {
    this.openMeasure = measure;
    this.intakePart.load().catch(() => undefined);
  }

  private closeMeasure(focusInstrument: string | undefined): void {
    this.openMeasure = undefined;
    if (focusInstrument) this.focusAfterRender(`[data-instrument="${CSS.escape(focusInstrument)}"] [part~="take-now"]`);
  }

  /** The questionnaire was stored: reload so its score shows, and take the patient to it. */
  private async measureTaken(event: PxmIntakeSubmittedEvent): Promise<void> {
    const measure = this.openMeasure;
    if (!measure) return;
    this.dispatchEvent(new PxmProgressMeasureTakenEvent({ instrumentId: measure.instrumentId, responseId: event.detail.responseId, submittedAt: event.detail.submittedAt }));
    this.openMeasure = undefined;
    this.progressTask.run();
    await this.progressTask.taskComplete.catch(() => undefined);
    this.announce(this.msg.text('measureSent'));
    this.focusAfterRender(`#measure-${CSS.escape(measure.instrumentId)}-title`);
  }

  // ---- Helpers ---------------------------------------------------------------------------

  private announce(message: string): void {
    // Re-announce identical messages: clear first, then set a moment later.
    this.announcement = '';
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = message), 50);
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private toggleTable(instrumentId: string): void {
    const tables = new Set(this.tables);
    if (!tables.delete(instrumentId)) tables.add(instrumentId);
    this.tables = tables;
  }

  // ---- Rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const loading = () => renderLoading(this.msg.text('loading'));
    return html`<div class="base surface" part="base" lang=${this.resolvedLocale}>
      ${this.progressTask.render({
        initial: () => (this.resolvedAdapter ? loading() : renderFailure({ message: this.common.text('noAdapter') })),
        // A reload (after a questionnaire) keeps the progress on screen; another link shows loading.
        pending: () => (this.progressTask.value?.token === this.token && this.progress ? this.renderProgress(this.progress) : loading()),
        complete: () => (this.progress ? this.renderProgress(this.progress) : loading()),
        error: (error) =>
          renderLoadFailure({
            msg: this.msg,
            error,
            expiredText: this.common.text('error_token_expired'),
            retryText: this.common.text('retry'),
            errorMessage: (known) => this.errorMessage(known),
            onRetry: () => void this.progressTask.run(),
          }),
      })}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProgress(view: ProgressView): TemplateResult {
    const { msg } = this;
    const { episode } = view;
    const zone = episode.timeZone;
    const titles = new Map(view.measures.map((series) => [series.instrumentId, series.title]));
    const summary = this.summaryPart.module;
    return html`<div class="screen">
        <header part="header">
          <slot name="header"></slot>
          <h2 part="title">${episode.title}</h2>
          <p class="episode-meta">
            ${episode.therapistName ? msg.text('episodeWith', episode.therapistName, episode.practiceName) : episode.practiceName}
          </p>
          <p class="episode-meta">
            ${msg.text('startedOn', dayOf(msg, episode.startedAt, zone))}${episode.dischargedAt ? html` · ${msg.text('dischargedOn', dayOf(msg, episode.dischargedAt, zone))}` : nothing}
          </p>
          ${view.adherence
            ? html`<p part="adherence">${msg.text('adherence', msg.number(view.adherence.percent / 100, { style: 'percent' }), dayOf(msg, view.adherence.since, zone))}</p>`
            : nothing}
        </header>
        ${renderDue({
          msg,
          due: view.due,
          titleOf: (instrumentId) => titles.get(instrumentId) ?? msg.text('questionnaire'),
          timeZone: zone,
          open: this.openMeasure,
          intakeState: this.intakePart.state,
          adapter: this.resolvedAdapter,
          locale: this.resolvedLocale,
          retryText: this.common.text('retry'),
          onTake: (measure) => this.take(measure),
          onClose: () => this.closeMeasure(this.openMeasure?.instrumentId),
          onSubmitted: (event) => void this.measureTaken(event as PxmIntakeSubmittedEvent),
        })}
        ${renderGoals({
          msg,
          goals: view.goals,
          timeZone: zone,
          draftOf: (goalId) => this.ratings.draftOf(goalId),
          onLevel: (goalId, level) => this.ratings.pickLevel(goalId, level),
          onNote: (goalId, note) => this.ratings.setNote(goalId, note),
          onSave: (goalId) => void this.ratings.save(goalId),
        })}
        ${renderMeasures({ msg, measures: view.measures, timeZone: zone, tables: this.tables, onToggle: (instrumentId) => this.toggleTable(instrumentId) })}
        <section class="section" aria-labelledby="print-heading">
          <h3 id="print-heading">${msg.text('printHeading')}</h3>
          <div class="actions" part="actions">
            <button type="button" class="button" part="print-patient" @click=${() => void this.print('patient')}>${msg.text('printForMe')}</button>
            <button type="button" class="button" part="print-physician" @click=${() => void this.print('physician')}>${msg.text('printForPhysician')}</button>
          </div>
          ${this.summaryPart.state === 'failed' ? html`<p class="error-text" role="alert">${msg.text('printFailed')}</p>` : nothing}
        </section>
      </div>
      ${summary && this.printVersion ? summary.renderSummary(msg, view, this.printVersion, this.printedAt) : nothing}`;
  }
}
