import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import { AdapterError, createId, hepReplySchemas, isAbortError, localDateIn, toZonedIso, type ActivityLogEntry, type Exercise, type HepProgram } from '@pxm/core';
import { PxmElement, browserTimeZone } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { cardHas, focusInCard } from './card-focus.js';
import { DeferredLogSync } from './deferred-log-sync.js';
import type { CardHandlers } from './exercise-card.js';
import { exercisesMissingCaptions, initialMediaState, type MediaState } from './exercise-media.js';
import { createDayModel, createLogMerger, type HepDay } from './hep-day.js';
import { PxmHepActivityLoggedEvent, type HepPainAlert } from './hep-viewer.events.js';
import { hepViewerEn } from './hep-viewer.messages.en.js';
import { hepViewerStyles } from './hep-viewer.styles.js';
import { HEP_NAMESPACE as NAMESPACE } from './part-text.js';
import { renderProgramView, type HepView, type LoadedProgram } from './program-view.js';
import type { RatingDraft } from './rating-form.js';
import { UndoWindows } from './undo-windows.js';

export type { HepView } from './program-view.js';

/** Two taps on Done within this time are one tap (a double click), not two sessions. */
const DOUBLE_TAP_MS = 800;
const DEFAULT_PAIN_THRESHOLD = 7;

/** Parts loaded on demand, each fetched once per page whichever viewer asks first. */
const importProgress = () => import('./progress/progress-view.js');
const importPrint = () => import('./print-view.js');
const importRating = () => import('./rating-form.js');

/** Save-Data hint from the browser (Network Information API, where it exists). */
function browserSavesData(): boolean {
  const connection = (globalThis.navigator as Navigator & { connection?: { saveData?: boolean } } | undefined)?.connection;
  return connection?.saveData === true;
}

/** A copy of `map` without `key` (state is replaced, never mutated). */
function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
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
    printing: { state: true },
    notice: { state: true },
    localLogs: { state: true },
    ratings: { state: true },
    alerts: { state: true },
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
  declare private printing: boolean;
  /** About the reminders (ready, nothing to remind about). */
  declare private notice: string | undefined;
  /** Logs made on this page (and undos), on top of what the backend had. */
  declare private localLogs: readonly ActivityLogEntry[];
  /** The rating form open on a card, by exercise. */
  declare private ratings: ReadonlyMap<string, RatingDraft>;
  /** The pain guidance shown on a card after a high rating, by exercise. */
  declare private alerts: ReadonlyMap<string, { pain: number; clientId: string }>;
  /** Each card's video state (failed, wanted despite Save-Data, speed, loop). */
  declare private media: ReadonlyMap<string, MediaState>;
  /** Progress charts the patient switched to their tables. */
  declare private chartTables: ReadonlySet<string>;

  private readonly l10n = new LocalizeController(this, NAMESPACE, { en: hepViewerEn });
  /** Spanish (beside English) is fetched only for patients who read it. */
  private readonly languages = new LanguageLoader(this, NAMESPACE, { es: () => import('./hep-viewer.messages.es.js').then((module) => module.hepViewerEs) });
  private readonly calls = new AdapterCalls(this, 'hep', hepReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly progressPart = new LazyPart(this, importProgress);
  private readonly printPart = new LazyPart(this, importPrint);
  private readonly ratingPart = new LazyPart(this, importRating);
  private readonly undoWindows = new UndoWindows(this, (exerciseId) => this.undoExpired(exerciseId));
  private readonly logSync = new DeferredLogSync(this, {
    // Failures are reported by onFailure, once per run of retries.
    send: (token, entries) => this.calls.run('logActivity', (api, signal) => api.logActivity(token, entries, { signal }), { report: false }),
    onFailure: (error) => void this.reportError(error, 'hep.logActivity'),
    onSent: (count) => this.announce(this.l10n.t('syncSent', count)),
  });
  private readonly mergeLogs = createLogMerger();
  private readonly dayModel = createDayModel();
  /** When Done was last pressed per exercise (a double click is one tap). */
  private readonly lastTapAt = new Map<string, number>();
  /** Focus the viewer moves itself does not hold the Undo countdown (see `holdUndo`). */
  private movingFocus = false;
  /** The program whose missing captions were reported (once per program version). */
  private warnedCaptions = '';
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  /** The program's calendar day the last render showed. */
  private shownDay = '';

  private readonly programTask = new Task(this, {
    task: async ([adapter, token], { signal }): Promise<LoadedProgram | typeof initialState> => {
      // No adapter yet (a script-tag page's adapter file registers after the elements): wait, it is no failure.
      if (!adapter) return initialState;
      try {
        if (!token) throw new AdapterError('token_invalid', 'No program token.', { operation: 'hep.loadProgram' });
        // Each reply is validated once, by the calls; failures are reported here, as they matter.
        const [programResult, logsResult] = await Promise.allSettled([
          this.calls.run('loadProgram', (api, callSignal) => api.loadProgram(token, { signal: callSignal }), { signal, report: false }),
          this.calls.run('listActivity', (api, callSignal) => api.listActivity(token, {}, { signal: callSignal }), { signal, report: false }),
          // The first paint is in the patient's language, not English then Spanish.
          this.languages.ready,
        ]);
        if (programResult.status === 'rejected') throw programResult.reason;
        if (logsResult.status === 'rejected') {
          if (isAbortError(logsResult.reason)) throw logsResult.reason;
          this.reportError(logsResult.reason, 'hep.listActivity');
        }
        const logs = logsResult.status === 'fulfilled' ? logsResult.value : [];
        return { token, program: programResult.value, logs, historyFailed: logsResult.status === 'rejected' };
      } catch (error) {
        if (!isAbortError(error)) this.reportError(error, 'hep.loadProgram');
        throw error;
      }
    },
    args: () => [this.resolvedAdapter, this.token] as const,
    onComplete: (loaded) => {
      this.warnAboutCaptions(loaded.program);
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
    this.printing = false;
    this.localLogs = [];
    this.ratings = new Map();
    this.alerts = new Map();
    this.media = new Map();
    this.chartTables = new Set();
    // A move (a framework re-parenting the viewer) keeps the Undo windows; a removal ends them.
    new RemovalWatch(this, () => this.undoWindows.clear());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.addEventListener?.('afterprint', this.onAfterPrint);
    // "Today" moves at midnight in the program's zone, even with the page left open.
    this.clockTimer = setInterval(() => {
      const program = this.program;
      if (program && localDateIn(new Date(), program.timeZone) !== this.shownDay) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.removeEventListener?.('afterprint', this.onAfterPrint);
    clearInterval(this.clockTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      this.localLogs = [];
      this.ratings = new Map();
      this.alerts = new Map();
      this.undoWindows.clear();
      this.logSync.forget();
      this.openSync();
    } else if (changed.has('offlineQueue') && changed.get('offlineQueue') !== undefined) {
      this.openSync();
    }
    if (changed.has('view') && this.view === 'progress') this.loadPart(this.progressPart);
    const program = this.program;
    this.shownDay = program ? localDateIn(new Date(), program.timeZone) : '';
  }

  /** The loaded program, if any. */
  get program(): HepProgram | undefined {
    return this.programTask.value?.program;
  }

  /** Every log as the patient should see it: stored, made here, and still waiting to be sent. */
  private get logs(): ActivityLogEntry[] {
    return this.mergeLogs(this.programTask.value?.logs ?? [], this.logSync.knownEntries, this.localLogs);
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
  async print(): Promise<void> {
    const module = await this.printPart.load().catch(() => undefined);
    this.printing = true;
    await this.updateComplete;
    await module?.picturesLoaded(this.renderRoot);
    globalThis.print?.();
  }

  /** The reminders as an iCalendar file, or undefined when there is nothing to remind about. */
  async reminderIcs(): Promise<string | undefined> {
    const program = this.program;
    if (!program) return undefined;
    const { reminderIcs } = await import('./reminders.js');
    return reminderIcs(program, this.reminderTimes, this.reminderText());
  }

  private warnAboutCaptions(program: HepProgram): void {
    const key = `${program.id}@${program.version}`;
    if (this.warnedCaptions === key) return;
    this.warnedCaptions = key;
    const missing = exercisesMissingCaptions(program.exercises);
    if (missing > 0) {
      console.warn(
        `[pxm] <pxm-hep-viewer>: ${missing} exercise video(s) in this program have no captions. Add caption tracks (WebVTT) so patients who are deaf or hard of hearing can follow them (WCAG 1.2.2).`,
      );
    }
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
    const load = () => {
      this.loadPart(this.ratingPart);
      this.loadPart(this.printPart);
    };
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
    if (idle) idle(load);
    else setTimeout(load, 1_500);
  }

  // ---- Logging --------------------------------------------------------------------------

  private async logSession(exercise: Exercise, kind: 'session' | 'set'): Promise<void> {
    const program = this.program;
    const token = this.token;
    if (!program || !token) return;
    const nowMs = Date.now();
    if (nowMs - (this.lastTapAt.get(exercise.id) ?? 0) < DOUBLE_TAP_MS) return;
    this.lastTapAt.set(exercise.id, nowMs);
    const now = new Date(nowMs);
    const item = this.day(program, now).plan.items.find((candidate) => candidate.exerciseId === exercise.id);
    const sets = exercise.dosage.sets;
    const inProgress = item?.setsInProgress ?? 0;
    const completedSets = kind === 'set' ? 1 : sets !== undefined ? Math.max(1, sets - inProgress) : undefined;
    const entry: ActivityLogEntry = {
      clientId: createId(),
      exerciseId: exercise.id,
      programVersion: program.version,
      completedAt: toZonedIso(now, program.timeZone),
      ...(completedSets !== undefined ? { completedSets } : {}),
    };
    this.localLogs = [...this.localLogs, entry];
    this.undoWindows.open(exercise.id, entry);
    const finishesSession = kind === 'session' || inProgress + 1 >= (sets ?? 1);
    if (finishesSession) {
      this.ratings = new Map(this.ratings).set(exercise.id, { target: entry.clientId });
      this.loadPart(this.ratingPart);
    }
    this.alerts = without(this.alerts, exercise.id);
    this.announce(kind === 'set' ? this.l10n.t('announceSet', exercise.name, inProgress + 1, sets ?? 1) : this.l10n.t('announceLogged', exercise.name));
    await this.updateComplete;
    // Focus stays on Done while more is due; when Done goes away, it moves to Undo.
    if (!cardHas(this.renderRoot, exercise.id, '.done')) this.focusQuietly(exercise.id, '.undo');
    await this.logSync.send([entry]);
    this.fireLogged(program, entry);
  }

  private fireLogged(program: HepProgram, entry: ActivityLogEntry, replaces?: string): void {
    this.dispatchEvent(
      new PxmHepActivityLoggedEvent({
        programId: program.id,
        programVersion: entry.programVersion,
        exerciseId: entry.exerciseId,
        clientId: entry.clientId,
        completedAt: entry.completedAt,
        ...(entry.completedSets !== undefined ? { completedSets: entry.completedSets } : {}),
        ...(entry.voided ? { voided: true } : {}),
        ...(replaces ? { replaces } : {}),
        queued: this.logSync.isQueued(entry),
      }),
    );
  }

  /** An Undo window ran out: never leave keyboard focus on a button that is about to disappear. */
  private undoExpired(exerciseId: string): void {
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement?.classList.contains('undo') === true;
    if (hadFocus) void this.updateComplete.then(() => focusInCard(this.renderRoot, exerciseId, 'h3'));
  }

  /**
   * The countdown pauses while the patient is on the Undo button (pointer over it, or focus they
   * moved there), so it never vanishes under them. Focus the viewer moves there itself does not count.
   */
  private holdUndo(exerciseId: string, held: boolean): void {
    if (!this.movingFocus) this.undoWindows.hold(exerciseId, held);
  }

  private async undo(exerciseId: string): Promise<void> {
    const program = this.program;
    const undone = program ? this.undoWindows.take(exerciseId) : undefined;
    if (!program || !undone) return;
    const voided: ActivityLogEntry = { ...undone, voided: true };
    this.localLogs = [...this.localLogs, voided];
    if (this.ratings.get(exerciseId)?.target === undone.clientId) this.ratings = without(this.ratings, exerciseId);
    if (this.alerts.get(exerciseId)?.clientId === undone.clientId) this.alerts = without(this.alerts, exerciseId);
    const exercise = program.exercises.find((candidate) => candidate.id === exerciseId);
    this.announce(this.l10n.t('announceUndone', exercise?.name ?? ''));
    await this.updateComplete;
    if (!focusInCard(this.renderRoot, exerciseId, '.done')) focusInCard(this.renderRoot, exerciseId, 'h3');
    await this.logSync.send([voided]);
    this.fireLogged(program, voided);
  }

  private async saveRating(exercise: Exercise): Promise<void> {
    const program = this.program;
    const draft = this.ratings.get(exercise.id);
    if (!program || !draft) return;
    if (draft.pain === undefined && draft.difficulty === undefined) {
      this.ratings = new Map(this.ratings).set(exercise.id, { ...draft, empty: true });
      await this.updateComplete;
      focusInCard(this.renderRoot, exercise.id, 'input[type="radio"]');
      return;
    }
    const original = this.logs.find((log) => log.clientId === draft.target);
    this.ratings = without(this.ratings, exercise.id);
    if (!original || original.voided) return;
    const { voided: _voided, ...kept } = original;
    const rated: ActivityLogEntry = {
      ...kept,
      clientId: createId(),
      ...(draft.pain !== undefined ? { pain: draft.pain } : {}),
      ...(draft.difficulty !== undefined ? { difficulty: draft.difficulty } : {}),
    };
    const replaced: ActivityLogEntry = { ...original, voided: true };
    this.localLogs = [...this.localLogs, replaced, rated];
    // Undo now undoes the rated log, for a full window from the save: rating takes longer than
    // the log's own window, and the patient who just pressed Save must still be able to take it back.
    this.undoWindows.open(exercise.id, rated);
    const threshold = this.painThreshold ?? program.painAlertThreshold ?? DEFAULT_PAIN_THRESHOLD;
    const pain = rated.pain;
    const alert = pain !== undefined && pain >= threshold;
    if (alert) this.alerts = new Map(this.alerts).set(exercise.id, { pain, clientId: rated.clientId });
    this.announce(this.l10n.t('ratingSaved'));
    await this.updateComplete;
    if (alert) focusInCard(this.renderRoot, exercise.id, '.pain-alert .button');
    else if (!this.focusQuietly(exercise.id, '.undo')) focusInCard(this.renderRoot, exercise.id, 'h3');
    if (alert) this.callPainAlert({ programId: program.id, programVersion: program.version, exerciseId: exercise.id, clientId: rated.clientId, pain, threshold });
    await this.logSync.send([replaced, rated]);
    this.fireLogged(program, rated, original.clientId);
  }

  private callPainAlert(alert: HepPainAlert): void {
    try {
      this.painAlertCallback?.(alert);
    } catch {
      // The page's callback failing must not stop the log from being sent; nothing of it is logged (PHI).
      console.error('[pxm] <pxm-hep-viewer>: painAlertCallback threw; the log is still saved.');
    }
  }

  /** Moves focus without it counting as the patient's own (see `holdUndo`). */
  private focusQuietly(exerciseId: string, selector: string): boolean {
    this.movingFocus = true;
    try {
      return focusInCard(this.renderRoot, exerciseId, selector);
    } finally {
      this.movingFocus = false;
    }
  }

  private readonly handlers: CardHandlers = {
    done: (exercise, kind) => void this.logSession(exercise, kind),
    undo: (exerciseId) => void this.undo(exerciseId),
    holdUndo: (exerciseId, held) => this.holdUndo(exerciseId, held),
    dismissAlert: (exerciseId) => (this.alerts = without(this.alerts, exerciseId)),
    pick: (exerciseId, field, value) => {
      const draft = this.ratings.get(exerciseId);
      if (draft) this.ratings = new Map(this.ratings).set(exerciseId, { ...draft, [field]: value, empty: false });
    },
    save: (exercise) => void this.saveRating(exercise),
    skip: (exerciseId) => {
      this.ratings = without(this.ratings, exerciseId);
      void this.updateComplete.then(() => {
        if (!this.focusQuietly(exerciseId, '.undo')) focusInCard(this.renderRoot, exerciseId, 'h3');
      });
    },
    state: (exerciseId) => this.media.get(exerciseId) ?? initialMediaState(),
    change: (exerciseId, patch) => {
      this.media = new Map(this.media).set(exerciseId, { ...(this.media.get(exerciseId) ?? initialMediaState()), ...patch });
    },
  };

  // ---- Reminders and print --------------------------------------------------------------

  private async requestReminders(): Promise<void> {
    const program = this.program;
    if (!program) return;
    const { requestReminders } = await import('./reminders.js');
    const outcome = requestReminders(this, this.renderRoot, program, this.reminderTimes, this.reminderText());
    if (outcome === 'nothing-to-remind') this.notice = this.l10n.t('remindersNone');
    else if (outcome === 'downloaded') this.notice = this.l10n.t('remindersReady');
  }

  private reminderText() {
    return { summary: this.l10n.t('reminderSummary'), description: this.l10n.t('reminderDescription') };
  }

  private readonly onBeforePrint = () => {
    if (this.printPart.module) this.printing = true;
  };

  private readonly onAfterPrint = () => {
    this.printing = false;
  };

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
        initial: () => (this.resolvedAdapter ? renderLoading(this.l10n.t('loading')) : renderFailure({ message: this.common.t('noAdapter') })),
        // A retry keeps the program on screen; another link shows the loading state.
        pending: () =>
          this.programTask.value?.token === this.token && this.programTask.value
            ? this.renderProgram(this.programTask.value)
            : renderLoading(this.l10n.t('loading')),
        complete: (loaded) => this.renderProgram(loaded),
        error: (error) => this.renderError(error),
      })}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderError(error: unknown): TemplateResult {
    if (!this.resolvedAdapter) return renderFailure({ message: this.common.t('noAdapter') });
    const adapterError = AdapterError.is(error) ? error : undefined;
    const code = adapterError?.code;
    const title =
      code === 'token_invalid' ? this.l10n.t('invalidTitle') : code === 'token_expired' ? this.l10n.t('expiredTitle') : this.l10n.t('loadFailedTitle');
    const canRetry = code !== 'token_invalid' && code !== 'token_expired' && code !== 'unsupported';
    return html`<div class="state-card">
      <h2 part="title">${title}</h2>
      ${renderFailure({
        message: this.errorMessage(adapterError),
        ...(canRetry ? { retryLabel: this.common.t('retry'), onRetry: () => void this.programTask.run() } : {}),
      })}
    </div>`;
  }

  private renderProgram(loaded: LoadedProgram): TemplateResult {
    const { program } = loaded;
    const now = new Date();
    const zone = this.displayZone(program);
    return renderProgramView({
      l10n: this.l10n,
      retryText: this.common.t('retry'),
      loadingText: this.common.t('loading'),
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
        ratings: this.ratings,
        alerts: this.alerts,
        undoable: (exerciseId) => this.undoWindows.has(exerciseId),
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
      print: { module: this.printPart.module, printing: this.printing },
      notice: this.notice,
      onRetryHistory: () => void this.programTask.run(),
      onSelectView: (view, focus) => this.selectView(view, focus),
      onPrint: () => void this.print(),
      onReminders: () => void this.requestReminders(),
    });
  }
}
