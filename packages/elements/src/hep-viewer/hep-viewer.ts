import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import { AdapterError, hepReplySchemas } from '@pxm/core';
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import { PxmElement, browserTimeZone } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { whenIdle } from '../internal/when-idle.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { DeferredLogSync } from './deferred-log-sync.js';
import { HepLocalizeController } from './hep-localize.js';
import type { CardHandlers } from './exercise-card.js';
import { initialMediaState, warnMissingCaptions, type MediaState } from './exercise-media.js';
import { ExerciseLogging } from './exercise-logging.js';
import { createDayModel, createLogMerger, type HepDay } from './hep-day.js';
import { PxmHepActivityLoggedEvent, PxmHepReminderRequestEvent, type HepPainAlert, type HepReminderRequestDetail } from './hep-viewer.events.js';
import { MidnightWatch } from './midnight-watch.js';
import { hepViewerEn } from './hep-viewer.messages.en.js';
import { hepViewerStyles } from './hep-viewer.styles.js';
import { PrintCopy } from './print-copy.js';
import { loadProgram, type LoadedProgram } from './load-program.js';
import { renderLoadError, renderProgramView, type HepView } from './program-view.js';

export type { HepView } from './program-view.js';

const DEFAULT_PAIN_THRESHOLD = 7;

/** The viewer's namespace; its later parts' strings are in it too (`HepLocalizeController`). */
const NAMESPACE = 'pxm-hep-viewer';

/** Parts loaded on demand, each fetched once per page whichever viewer asks first. */
const importProgress = () => import('./progress/progress-view.js');
const importRating = () => import('./rating-form.js');

/** Save-Data hint from the browser (Network Information API, where it exists). */
function browserSavesData(): boolean {
  const connection = (globalThis.navigator as Navigator & { connection?: { saveData?: boolean } } | undefined)?.connection;
  return connection?.saveData === true;
}

/**
 * The home exercise program a patient opens from the link the practice sent: today's exercises
 * with video and dosage, logging in one tap with undo, pain and difficulty ratings, adherence and
 * pain trends, offline logging that syncs later, a print copy and calendar reminders.
 *
 * @summary Home exercise program: today's exercises, logging, adherence, offline, print.
 * @tag pxm-hep-viewer
 *
 * @csspart base - The wrapper of every state.
 * @csspart header - The program's title, practice and "updated on" line.
 * @csspart title - The program's title.
 * @csspart sync - The sync status (waiting, offline, not saved).
 * @csspart tabs - The Today / All exercises / Progress switcher.
 * @csspart tab - One tab.
 * @csspart summary - Today's date, count done and streak.
 * @csspart exercise - One exercise card.
 * @csspart exercise-name - The exercise's name.
 * @csspart media - The exercise's video or pictures.
 * @csspart video - The native video element.
 * @csspart images - The still pictures.
 * @csspart image - One picture.
 * @csspart dosage - The dosage list (sets, reps, hold, how often, side, load, equipment).
 * @csspart instructions - The therapist's instructions.
 * @csspart note - The therapist's personal note.
 * @csspart log - The logging area of a card.
 * @csspart done - The Done button.
 * @csspart set-done - The per-set button.
 * @csspart undo - The Undo button.
 * @csspart sync-badge - "Waiting to sync" / "Not saved" on a card.
 * @csspart rating-saved - The "Rating saved" mark on a card once a pain or difficulty rating is stored.
 * @csspart rating - The pain and difficulty form.
 * @csspart pain-scale - The 0-10 pain radio group.
 * @csspart difficulty-scale - The 1-5 difficulty radio group.
 * @csspart rating-save - The rating's Save button.
 * @csspart rating-skip - The rating's Not now button.
 * @csspart pain-alert - The practice's guidance after high pain.
 * @csspart call - The call-the-clinic link in the pain alert.
 * @csspart progress - The Progress view.
 * @csspart adherence - One adherence figure.
 * @csspart streak - The streak.
 * @csspart pain-trend - The pain trend.
 * @csspart chart - A chart with its table.
 * @csspart actions - Print and reminders.
 * @csspart print - The printed copy (only present while printing).
 * @csspart loading - The loading state.
 * @csspart error - A failure state.
 * @csspart retry - The try-again button of a failure state.
 *
 * @slot header - Above the program's title: a practice's logo or an introduction.
 *
 * @cssproperty --pxm-hep-viewer-card-background - Background of exercise cards.
 * @cssproperty --pxm-hep-viewer-accent - Colour of progress, charts and completed cards.
 * @cssproperty --pxm-hep-viewer-media-ratio - Aspect ratio of videos and pictures (default 16 / 9).
 * @cssproperty --pxm-hep-viewer-padding - Space inside the viewer's own surface (default: `--pxm-surface-padding`).
 *
 * @event pxm-hep-activity-logged - A session or set was logged, rated or undone. Detail: ids, the time, sets and `queued`.
 * @event pxm-hep-reminder-request - The patient asked for reminders (cancelable: prevent it to handle reminders yourself). Detail: weekdays and times.
 * @event pxm-error - An adapter call failed. Detail: `code`, `operation`.
 */
export class PxmHepViewer extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    token: { type: String },
    view: { type: String, reflect: true },
    painThreshold: { type: Number, attribute: 'pain-threshold' },
    saveData: { type: Boolean, attribute: 'save-data' },
    offlineQueue: {
      attribute: 'offline-queue',
      converter: { fromAttribute: (value: string | null) => value !== 'off' && value !== 'false' },
    },
    reminderTimes: { type: String, attribute: 'reminder-times' },
    announcement: { state: true },
    notice: { state: true },
    media: { state: true },
    chartTables: { state: true },
  };

  static override styles = [hostStyles, controlStyles, hepViewerStyles];

  /** The program's link token. */
  declare token: string | undefined;
  /** Which view shows: `today` (default), `program` (all exercises) or `progress`. */
  declare view: HepView;
  /** Pain (0-10) at or above which the practice's guidance shows. Defaults to the program's, then 7. */
  declare painThreshold: number | undefined;
  /** Show pictures instead of videos (the browser's Save-Data setting does the same). */
  declare saveData: boolean;
  /**
   * Keep logs that could not be sent in the encrypted offline queue (IndexedDB, AES-GCM,
   * non-extractable key, 7-day expiry, wiped once sent). On by default; `offline-queue="off"`
   * keeps them in memory only.
   */
  declare offlineQueue: boolean;
  /** Reminder times for the calendar file, e.g. `"08:00,18:30"`. Defaults follow the program. */
  declare reminderTimes: string | undefined;
  /**
   * Called when a pain rating reaches the threshold, with the ids, the `pain` rating and the
   * `threshold`. Carries health information: set it only from the practice's own code and keep
   * its argument out of analytics, logs and URLs. (There is no event for this on purpose: events
   * reach every script on the page.) The backend also receives the rating with the log.
   */
  painAlertCallback: ((alert: HepPainAlert) => void) | undefined = undefined;

  declare private announcement: string;
  /** About the reminders (ready, nothing to remind about). */
  declare private notice: string | undefined;
  /** Each card's video state (failed, wanted despite Save-Data, speed, loop). */
  declare private media: ReadonlyMap<string, MediaState>;
  /** Progress charts the patient switched to their tables. */
  declare private chartTables: ReadonlySet<string>;

  private readonly l10n = new HepLocalizeController(this, NAMESPACE, { en: hepViewerEn });
  /** Spanish (beside English) is fetched only for patients who read it. */
  private readonly languages = new LanguageLoader(this, NAMESPACE, { es: () => import('./hep-viewer.messages.es.js').then((module) => module.hepViewerEs) });
  private readonly calls = new AdapterCalls(this, 'hep', hepReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly progressPart = new LazyPart(this, importProgress);
  private readonly ratingPart = new LazyPart(this, importRating);
  private readonly printCopy = new PrintCopy(this);
  private readonly logSync = new DeferredLogSync(this, {
    // Failures are reported by onFailure, once per run of retries.
    send: (token, entries) => this.calls.run('logActivity', (api, signal) => api.logActivity(token, entries, { signal }), { report: false }),
    onFailure: (error) => void this.reportError(error, 'hep.logActivity'),
    onRejected: () => void this.reportError(new AdapterError('validation', 'The backend did not accept a log.', { operation: 'hep.logActivity' }), 'hep.logActivity'),
    onSent: (count) => this.announce(this.l10n.text('syncSent', count)),
  });
  private readonly logging = new ExerciseLogging(this, {
    l10n: this.l10n,
    program: () => this.program,
    logs: () => this.logs,
    planItem: (program, exerciseId, now) => this.day(program, now).plan.items.find((item) => item.exerciseId === exerciseId),
    painThreshold: (program) => this.painThreshold ?? program.painAlertThreshold ?? DEFAULT_PAIN_THRESHOLD,
    send: (entries) => this.logSync.send(entries),
    isQueued: (entry) => this.logSync.isQueued(entry),
    announce: (message) => this.announce(message),
    wantRating: () => this.loadPart(this.ratingPart),
    onLogged: (detail) => this.dispatchEvent(new PxmHepActivityLoggedEvent(detail)),
    onPainAlert: (alert) => this.callPainAlert(alert),
  });
  private readonly mergeLogs = createLogMerger();
  private readonly dayModel = createDayModel();

  private readonly programTask = new Task(this, {
    task: async ([adapter, token], { signal }): Promise<LoadedProgram | typeof initialState> => {
      // No adapter yet (a script-tag page's adapter file registers after the elements): wait, it is no failure.
      if (!adapter) return initialState;
      // The first paint is in the patient's language, not English then Spanish.
      return loadProgram({ calls: this.calls, token, signal, languageReady: this.languages.ready, report: (error, operation) => this.reportError(error, operation) });
    },
    args: () => [this.resolvedAdapter, this.token] as const,
    onComplete: (loaded) => {
      warnMissingCaptions(this, loaded.program);
      // The rating follows the first Done: fetch it as soon as the program is there, not when idle,
      // so a patient who goes offline mid-session still gets it.
      this.loadPart(this.ratingPart);
      this.preloadExtras();
    },
  });

  constructor() {
    super();
    this.view = 'today';
    this.saveData = false;
    this.offlineQueue = true;
    this.announcement = '';
    this.media = new Map();
    this.chartTables = new Set();
    new MidnightWatch(this, () => this.program?.timeZone);
    // A move (a framework re-parenting the viewer) keeps the Undo windows; a removal ends them.
    new RemovalWatch(this, () => this.logging.undoWindows.clear());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      this.logging.reset();
      this.logSync.forget();
      this.openSync();
    } else if (changed.has('offlineQueue') && changed.get('offlineQueue') !== undefined) {
      this.openSync();
    }
    if (changed.has('view') && this.view === 'progress') this.loadPart(this.progressPart);
  }

  /** The loaded program, if any. */
  get program(): HepProgram | undefined {
    return this.programTask.value?.program;
  }

  /** Every log as the patient should see it: stored, made here, and still waiting to be sent. */
  private get logs(): ActivityLogEntry[] {
    return this.mergeLogs(this.programTask.value?.logs ?? [], this.logSync.knownEntries, this.logging.localLogs);
  }

  private day(program: HepProgram, now = new Date()): HepDay {
    return this.dayModel(program, this.logs, now);
  }

  private openSync(): void {
    const token = this.token;
    if (token) this.logSync.open(token, this.offlineQueue, () => this.token === token);
  }

  private readonly onOnline = () => {
    this.logSync.retry();
    if (this.ratingPart.state === 'failed') this.loadPart(this.ratingPart);
  };

  /** Starts a lazy part; a failed download is a state the views show (and retry). */
  private loadPart(part: LazyPart<object>): void {
    part.load().catch(() => undefined);
  }

  /**
   * Prints a clean paper copy of the whole program (dosage, pictures and tick boxes), using the
   * browser's print dialog. Resolves when the dialog has been opened.
   */
  print(): Promise<void> {
    return this.printCopy.print();
  }

  /** The reminders as an iCalendar file, or undefined when there is nothing to remind about. */
  async reminderIcs(): Promise<string | undefined> {
    const program = this.program;
    if (!program) return undefined;
    const { reminderIcs } = await import('./hep-extras.js');
    return reminderIcs(program, this.reminderTimes, this.reminderText());
  }

  private announce(message: string): void {
    // Re-announce identical messages: clear first, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = message));
  }

  /**
   * What the first paint does not need arrives once the page is idle: the rating form (shown
   * after the first Done) and the paper copy with its stylesheet, ready for Ctrl+P.
   */
  private preloadExtras(): void {
    whenIdle(() => {
      this.loadPart(this.ratingPart);
      this.printCopy.preload();
    });
  }

  private callPainAlert(alert: HepPainAlert): void {
    try {
      this.painAlertCallback?.(alert);
    } catch {
      // The page's callback failing must not stop the log from being sent; nothing of it is logged (PHI).
      console.error('[pxm] <pxm-hep-viewer>: painAlertCallback threw; the log is still saved.');
    }
  }

  private readonly handlers: CardHandlers = {
    done: (exercise, kind) => void this.logging.done(exercise, kind),
    undo: (exerciseId) => void this.logging.undo(exerciseId),
    holdUndo: (exerciseId, held) => this.logging.holdUndo(exerciseId, held),
    dismissAlert: (exerciseId) => this.logging.dismissAlert(exerciseId),
    pick: (exerciseId, field, value) => this.logging.pick(exerciseId, field, value),
    save: (exercise) => void this.logging.save(exercise),
    skip: (exerciseId) => this.logging.skip(exerciseId),
    state: (exerciseId) => this.media.get(exerciseId) ?? initialMediaState(),
    change: (exerciseId, patch) => {
      this.media = new Map(this.media).set(exerciseId, { ...(this.media.get(exerciseId) ?? initialMediaState()), ...patch });
    },
  };

  // ---- Reminders and print --------------------------------------------------------------

  private async requestReminders(): Promise<void> {
    const program = this.program;
    if (!program) return;
    const { requestReminders } = await import('./hep-extras.js');
    const ask = (detail: HepReminderRequestDetail) => this.dispatchEvent(new PxmHepReminderRequestEvent(detail));
    const outcome = requestReminders(ask, this.renderRoot, program, this.reminderTimes, this.reminderText());
    if (outcome === 'nothing-to-remind') this.notice = this.l10n.text('remindersNone');
    else if (outcome === 'downloaded') this.notice = this.l10n.text('remindersReady');
  }

  private reminderText() {
    return { summary: this.l10n.text('reminderSummary'), description: this.l10n.text('reminderDescription') };
  }

  private selectView(view: HepView, focus: boolean): void {
    this.view = view;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  /** Times are shown in the patient's zone when one is given (`time-zone`, the provider's), else the program's. */
  private displayZone(program: HepProgram): string {
    return this.timeZone || this.providerConfig?.timeZone || program.timeZone;
  }

  // ---- Rendering ------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div class="base surface" part="base" lang=${this.resolvedLocale}>
      ${this.programTask.render({
        initial: () => (this.resolvedAdapter ? renderLoading(this.l10n.text('loading')) : renderFailure({ message: this.common.text('noAdapter') })),
        // A retry keeps the program on screen; another link shows the loading state.
        pending: () =>
          this.programTask.value?.token === this.token && this.programTask.value
            ? this.renderProgram(this.programTask.value)
            : renderLoading(this.l10n.text('loading')),
        complete: (loaded) => this.renderProgram(loaded),
        error: (error) =>
          this.resolvedAdapter
            ? renderLoadError({ l10n: this.l10n, error, message: (known) => this.errorMessage(known), retryText: this.common.text('retry'), onRetry: () => void this.programTask.run() })
            : renderFailure({ message: this.common.text('noAdapter') }),
      })}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProgram(loaded: LoadedProgram): TemplateResult {
    const { program } = loaded;
    const now = new Date();
    const zone = this.displayZone(program);
    return renderProgramView({
      l10n: this.l10n,
      retryText: this.common.text('retry'),
      loadingText: this.common.text('loading'),
      loaded,
      day: this.day(program, now),
      now,
      view: this.view,
      rtl: this.isRtl,
      syncNotice: this.logSync.renderNotice(this.l10n),
      cards: {
        context: {
          l10n: this.l10n,
          handlers: this.handlers,
          media: { saveData: this.saveData || browserSavesData(), language: this.resolvedLocale },
          guidance: { text: program.painGuidance, practiceName: program.practiceName, practicePhone: program.practicePhone },
          timeZone: zone,
          // Named when it differs from the program's or from the device's: either could be assumed.
          showZone: zone !== program.timeZone || zone !== browserTimeZone(),
          rating: this.ratingPart.module,
          ratingFailed: this.ratingPart.state === 'failed',
        },
        ratings: this.logging.ratings,
        alerts: this.logging.alerts,
        undoable: (exerciseId) => this.logging.undoWindows.has(exerciseId),
        logStateOf: (entry) => this.logSync.stateOf(entry),
      },
      progress: {
        module: this.progressPart.module,
        failed: this.progressPart.state === 'failed',
        logs: this.logs,
        tables: this.chartTables,
        onToggle: (chart) => {
          const tables = new Set(this.chartTables);
          if (!tables.delete(chart)) tables.add(chart);
          this.chartTables = tables;
        },
        onRetry: () => this.loadPart(this.progressPart),
      },
      print: { module: this.printCopy.part.module, printing: this.printCopy.printing },
      notice: this.notice,
      onRetryHistory: () => void this.programTask.run(),
      onSelectView: (view, focus) => this.selectView(view, focus),
      onPrint: () => void this.print(),
      onReminders: () => void this.requestReminders(),
    });
  }
}
