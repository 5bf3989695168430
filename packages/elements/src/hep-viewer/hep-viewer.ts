import { html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import {
  AdapterError,
  cachedLocalDate,
  createId,
  isAbortError,
  localDateIn,
  mergeLogs,
  programStreak,
  hepReplySchemas,
  todayPlan,
  toZonedIso,
  type ActivityLogEntry,
  type Exercise,
  type HepProgram,
  type Streak,
  type TodayPlan,
} from '@pxm/core';
import { PxmElement, browserTimeZone } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderExerciseCard, type CardContext, type CardHandlers, type CardModel } from './exercise-card.js';
import { exercisesMissingCaptions, initialMediaState, type MediaState } from './exercise-media.js';
import { PxmHepActivityLoggedEvent, type HepPainAlert } from './hep-viewer.events.js';
import { hepViewerEn } from './hep-viewer.messages.en.js';
import { hepViewerStyles } from './hep-viewer.styles.js';
import { HEP_NAMESPACE as NAMESPACE } from './part-text.js';
import type { LogSync, LogSyncOptions } from './log-sync.js';
import type * as PrintView from './print-view.js';
import type * as ProgressView from './progress/progress-view.js';
import type * as RatingForm from './rating-form.js';
import type { RatingDraft } from './rating-form.js';

export type HepView = 'today' | 'program' | 'progress';

const VIEWS: HepView[] = ['today', 'program', 'progress'];
const UNDO_MS = 10_000;
/** Two taps on Done within this time are one tap (a double click), not two sessions. */
const DOUBLE_TAP_MS = 800;
const DEFAULT_PAIN_THRESHOLD = 7;

interface Loaded {
  token: string;
  program: HepProgram;
  logs: ActivityLogEntry[];
  /** The history could not be read: the program still works, progress may be incomplete. */
  historyFailed: boolean;
}

interface UndoWindow {
  entry: ActivityLogEntry;
  remainingMs: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  held: boolean;
}

type ProgressModule = typeof ProgressView;
type PrintModule = typeof PrintView;

/** What the views need from the program and the logs, worked out once per change. */
interface Derived {
  plan: TodayPlan;
  /** The latest log of today (not undone) per exercise. */
  latestToday: Map<string, ActivityLogEntry>;
  streak: Streak | undefined;
}

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
    progressModule: { state: true },
    progressFailed: { state: true },
    ratingFailed: { state: true },
    notice: { state: true },
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
  declare private progressModule: ProgressModule | undefined;
  declare private progressFailed: boolean;
  /** The rating form's code could not be fetched (offline before it arrived). */
  declare private ratingFailed: boolean;
  declare private notice: string | undefined;

  private readonly l10n = new LocalizeController(this, NAMESPACE, { en: hepViewerEn });
  /** Spanish (beside English) is fetched only for patients who read it. */
  private readonly languages = new LanguageLoader(this, NAMESPACE, { es: () => import('./hep-viewer.messages.es.js').then((module) => module.hepViewerEs) });
  private readonly calls = new AdapterCalls(this, 'hep', hepReplySchemas, (error, operation) => this.reportError(error, operation));
  private printModule: PrintModule | undefined;
  private ratingModule: typeof RatingForm | undefined;

  /** Logs made on this page (and undos), on top of what the backend had. */
  private localLogs: ActivityLogEntry[] = [];
  private storedLogs: ActivityLogEntry[] = [];
  private readonly undoWindows = new Map<string, UndoWindow>();
  private readonly ratings = new Map<string, RatingDraft>();
  private readonly alerts = new Map<string, { pain: number; clientId: string }>();
  private readonly media = new Map<string, MediaState>();
  private readonly lastTap = new Map<string, number>();
  private readonly chartTables = new Set<string>();
  private warnedCaptions = '';
  private movingFocus = false;
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  private lastToday = '';
  private storedRevision = 0;
  private logsKey = '';
  private mergedLogs: ActivityLogEntry[] = [];
  private derivedKey = '';
  private derived: Derived | undefined;

  /** The sync engine: its code loads right after the first paint, not before it. */
  private sync: LogSync | undefined;
  private syncLoading: Promise<LogSync> | undefined;
  /** Entries made before the sync engine was ready (or while its code could not load). */
  private stranded: ActivityLogEntry[] = [];
  private readonly syncOptions: LogSyncOptions = {
    // Failures are reported by onFailure, once per run of retries.
    send: (token, entries) => this.calls.run('logActivity', (api, signal) => api.logActivity(token, entries, { signal }), { report: false }),
    onFailure: (error) => {
      this.reportError(error, 'hep.logActivity');
    },
    onSent: (count) => {
      this.announce(this.l10n.t('syncSent', count));
    },
  };

  private readonly programTask = new Task(this, {
    task: async ([adapter, token], { signal }): Promise<Loaded | typeof initialState> => {
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
      this.storedLogs = loaded.logs;
      this.storedRevision += 1;
      this.warnAboutCaptions(loaded.program);
      // The rating follows the first Done: fetch it as soon as the program is there, not when idle,
      // so a patient who goes offline mid-session still gets it.
      void this.loadRating();
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
    this.progressFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.addEventListener?.('afterprint', this.onAfterPrint);
    // "Today" moves at midnight in the program's zone, even with the page left open.
    this.clockTimer = setInterval(() => {
      const program = this.program;
      if (program && localDateIn(new Date(), program.timeZone) !== this.lastToday) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.removeEventListener?.('afterprint', this.onAfterPrint);
    clearInterval(this.clockTimer);
    for (const window of this.undoWindows.values()) clearTimeout(window.timer);
    this.undoWindows.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      this.localLogs = [];
      this.storedLogs = [];
      this.storedRevision += 1;
      this.ratings.clear();
      this.alerts.clear();
      for (const window of this.undoWindows.values()) clearTimeout(window.timer);
      this.undoWindows.clear();
      this.stranded = [];
      this.openSync();
    } else if (changed.has('offlineQueue') && changed.get('offlineQueue') !== undefined) {
      this.openSync();
    }
    if (changed.has('view') && this.view === 'progress') this.loadProgress();
  }

  /** The loaded program, if any. */
  get program(): HepProgram | undefined {
    return this.programTask.value?.program;
  }

  /** Every log as the patient should see it: stored, made here, and still waiting to be sent. */
  private get logs(): ActivityLogEntry[] {
    const known = this.sync?.knownEntries ?? [];
    // Recomputed only when something was added: rendering must stay cheap with months of history.
    const key = `${this.storedRevision}|${known.length}|${this.localLogs.length}`;
    if (key !== this.logsKey) {
      this.logsKey = key;
      this.mergedLogs = mergeLogs(this.storedLogs, [...known, ...this.localLogs]);
    }
    return this.mergedLogs;
  }

  private loadSync(): Promise<LogSync> {
    if (!this.syncLoading) {
      this.syncLoading = import('./log-sync.js').then(({ LogSync }) => {
        this.sync = new LogSync(this, this.syncOptions);
        this.requestUpdate();
        return this.sync;
      });
      // Could not fetch the code (offline right after opening): try again when back online.
      this.syncLoading.catch(() => (this.syncLoading = undefined));
    }
    return this.syncLoading;
  }

  private openSync(): void {
    const token = this.token;
    if (!token) return;
    void this.loadSync()
      .then((sync) => (this.token === token ? sync.open(token, this.offlineQueue) : undefined))
      .then(() => this.send([]))
      .catch(() => undefined);
  }

  /** Hands entries to the sync engine (after any that were waiting for it). */
  private async send(entries: ActivityLogEntry[]): Promise<void> {
    this.stranded.push(...entries);
    const sync = await this.loadSync().catch(() => undefined);
    if (!sync || this.stranded.length === 0) return;
    await sync.add(this.stranded.splice(0));
  }

  private readonly onOnline = () => {
    if (this.stranded.length > 0) void this.send([]);
    if (this.ratingFailed) void this.loadRating();
  };

  /**
   * Prints a clean paper copy of the whole program (dosage, pictures and tick boxes), using the
   * browser's print dialog. Resolves when the dialog has been opened.
   */
  async print(): Promise<void> {
    const module = await this.loadPrint();
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

  private loadProgress(): void {
    if (this.progressModule) return;
    this.progressFailed = false;
    import('./progress/progress-view.js')
      .then((module) => {
        this.adoptStyles(module.progressStyles);
        this.progressModule = module;
      })
      .catch(() => (this.progressFailed = true));
  }

  private loadPrint(): Promise<PrintModule | undefined> {
    if (this.printModule) return Promise.resolve(this.printModule);
    return import('./print-view.js')
      .then((module) => {
        if (!this.printModule) {
          this.printModule = module;
          this.adoptStyles(module.printStyles);
        }
        return module;
      })
      .catch(() => undefined);
  }

  private ratingLoading: Promise<unknown> | undefined;

  private loadRating(): Promise<unknown> {
    if (this.ratingModule) return Promise.resolve();
    this.ratingLoading ??= import('./rating-form.js')
      .then((module) => {
        this.adoptStyles(module.ratingStyles);
        this.ratingModule = module;
        this.ratingFailed = false;
        this.requestUpdate();
      })
      .catch(() => {
        // Said on the card that wanted it (the log itself is saved); tried again when back online.
        this.ratingFailed = true;
      })
      .finally(() => (this.ratingLoading = undefined));
    return this.ratingLoading;
  }

  /**
   * What the first paint does not need arrives once the page is idle: the rating form (shown
   * after the first Done) and the paper copy with its stylesheet, ready for Ctrl+P.
   */
  private preloadExtras(): void {
    const load = () => {
      void this.loadRating();
      void this.loadPrint();
    };
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
    if (idle) idle(load);
    else setTimeout(load, 1_500);
  }

  private adoptStyles(style: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = style.styleSheet;
    if (!sheet || !root.adoptedStyleSheets || root.adoptedStyleSheets.includes(sheet)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  // ---- Logging --------------------------------------------------------------------------

  /** Today's plan, streak and latest logs, worked out once per change of program, logs or day. */
  private derive(program: HepProgram, now: Date): Derived {
    const logs = this.logs;
    const today = localDateIn(now, program.timeZone);
    const key = `${program.id}|${program.version}|${today}|${this.logsKey}`;
    if (key !== this.derivedKey || !this.derived) {
      this.derivedKey = key;
      const latestToday = new Map<string, ActivityLogEntry>();
      for (const log of logs) {
        if (!log.voided && cachedLocalDate(log.completedAt, program.timeZone) === today) latestToday.set(log.exerciseId, log);
      }
      const plan = todayPlan(program, logs, now);
      this.derived = { plan, latestToday, streak: plan.phase === 'active' ? programStreak(program, logs, now) : undefined };
    }
    return this.derived;
  }

  private plan(program: HepProgram, now: Date): TodayPlan {
    return this.derive(program, now).plan;
  }

  private async logSession(exercise: Exercise, kind: 'session' | 'set'): Promise<void> {
    const program = this.program;
    const token = this.token;
    if (!program || !token) return;
    const nowMs = Date.now();
    if (nowMs - (this.lastTap.get(exercise.id) ?? 0) < DOUBLE_TAP_MS) return;
    this.lastTap.set(exercise.id, nowMs);
    const now = new Date(nowMs);
    const item = this.plan(program, now).items.find((candidate) => candidate.exerciseId === exercise.id);
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
    this.openUndo(exercise.id, entry);
    const finishesSession = kind === 'session' || inProgress + 1 >= (sets ?? 1);
    if (finishesSession) {
      this.ratings.set(exercise.id, { target: entry.clientId });
      void this.loadRating();
    }
    this.alerts.delete(exercise.id);
    this.announce(kind === 'set' ? this.l10n.t('announceSet', exercise.name, inProgress + 1, sets ?? 1) : this.l10n.t('announceLogged', exercise.name));
    this.requestUpdate();
    await this.updateComplete;
    // Focus stays on Done while more is due; when Done goes away, it moves to Undo.
    if (!this.cardHas(exercise.id, '.done')) this.focusQuietly(exercise.id, '.undo');
    await this.send([entry]);
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
        queued: this.sync === undefined || this.sync.isPending(entry) !== undefined || this.stranded.includes(entry),
      }),
    );
  }

  private openUndo(exerciseId: string, entry: ActivityLogEntry, remainingMs = UNDO_MS): void {
    const previous = this.undoWindows.get(exerciseId);
    if (previous) clearTimeout(previous.timer);
    const window: UndoWindow = { entry, remainingMs, startedAt: Date.now(), timer: undefined, held: false };
    window.timer = setTimeout(() => this.closeUndo(exerciseId, window), remainingMs);
    this.undoWindows.set(exerciseId, window);
  }

  private closeUndo(exerciseId: string, window: UndoWindow): void {
    if (this.undoWindows.get(exerciseId) !== window) return;
    this.undoWindows.delete(exerciseId);
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement?.classList.contains('undo') === true;
    this.requestUpdate();
    // Never leave keyboard focus on a button that is about to disappear.
    if (hadFocus) void this.updateComplete.then(() => this.focusInCard(exerciseId, 'h3'));
  }

  /**
   * The countdown pauses while the patient is on the Undo button (pointer over it, or focus they
   * moved there), so it never vanishes under them. Focus the viewer moves there itself does not count.
   */
  private holdUndo(exerciseId: string, held: boolean): void {
    if (this.movingFocus) return;
    const window = this.undoWindows.get(exerciseId);
    if (!window || window.held === held) return;
    window.held = held;
    if (held) {
      clearTimeout(window.timer);
      window.remainingMs = Math.max(1_000, window.remainingMs - (Date.now() - window.startedAt));
    } else {
      window.startedAt = Date.now();
      window.timer = setTimeout(() => this.closeUndo(exerciseId, window), window.remainingMs);
    }
  }

  private async undo(exerciseId: string): Promise<void> {
    const program = this.program;
    const window = this.undoWindows.get(exerciseId);
    if (!program || !window) return;
    clearTimeout(window.timer);
    this.undoWindows.delete(exerciseId);
    const voided: ActivityLogEntry = { ...window.entry, voided: true };
    this.localLogs = [...this.localLogs, voided];
    if (this.ratings.get(exerciseId)?.target === window.entry.clientId) this.ratings.delete(exerciseId);
    if (this.alerts.get(exerciseId)?.clientId === window.entry.clientId) this.alerts.delete(exerciseId);
    const exercise = program.exercises.find((candidate) => candidate.id === exerciseId);
    this.announce(this.l10n.t('announceUndone', exercise?.name ?? ''));
    this.requestUpdate();
    await this.updateComplete;
    if (!this.focusInCard(exerciseId, '.done')) this.focusInCard(exerciseId, 'h3');
    await this.send([voided]);
    this.fireLogged(program, voided);
  }

  private async saveRating(exercise: Exercise): Promise<void> {
    const program = this.program;
    const draft = this.ratings.get(exercise.id);
    if (!program || !draft) return;
    if (draft.pain === undefined && draft.difficulty === undefined) {
      this.ratings.set(exercise.id, { ...draft, empty: true });
      this.requestUpdate();
      await this.updateComplete;
      this.focusInCard(exercise.id, 'input[type="radio"]');
      return;
    }
    const original = this.logs.find((log) => log.clientId === draft.target);
    this.ratings.delete(exercise.id);
    if (!original || original.voided) {
      this.requestUpdate();
      return;
    }
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
    this.openUndo(exercise.id, rated);
    const threshold = this.painThreshold ?? program.painAlertThreshold ?? DEFAULT_PAIN_THRESHOLD;
    const alert = rated.pain !== undefined && rated.pain >= threshold;
    if (alert) this.alerts.set(exercise.id, { pain: rated.pain!, clientId: rated.clientId });
    this.announce(this.l10n.t('ratingSaved'));
    this.requestUpdate();
    await this.updateComplete;
    if (alert) this.focusInCard(exercise.id, '.pain-alert .button');
    else if (!this.focusQuietly(exercise.id, '.undo')) this.focusInCard(exercise.id, 'h3');
    if (alert) this.callPainAlert({ programId: program.id, programVersion: program.version, exerciseId: exercise.id, clientId: rated.clientId, pain: rated.pain!, threshold });
    await this.send([replaced, rated]);
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

  private cardHas(exerciseId: string, selector: string): boolean {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li.card')].some(
      (card) => card.dataset['exercise'] === exerciseId && card.querySelector(selector) !== null,
    );
  }

  /** Moves focus without it counting as the patient's own (see `holdUndo`). */
  private focusQuietly(exerciseId: string, selector: string): boolean {
    this.movingFocus = true;
    try {
      return this.focusInCard(exerciseId, selector);
    } finally {
      this.movingFocus = false;
    }
  }

  /** Focuses the first match inside an exercise's card; false when there is none. */
  private focusInCard(exerciseId: string, selector: string): boolean {
    const cards = this.renderRoot.querySelectorAll<HTMLElement>('li.card');
    for (const card of cards) {
      if (card.dataset['exercise'] !== exerciseId) continue;
      const target = card.querySelector<HTMLElement>(selector);
      if (target) {
        if (target.tagName === 'H3') target.tabIndex = -1;
        target.focus();
        return true;
      }
    }
    return false;
  }

  private readonly handlers: CardHandlers = {
    done: (exercise, kind) => void this.logSession(exercise, kind),
    undo: (exerciseId) => void this.undo(exerciseId),
    holdUndo: (exerciseId, held) => this.holdUndo(exerciseId, held),
    dismissAlert: (exerciseId) => {
      this.alerts.delete(exerciseId);
      this.requestUpdate();
    },
    pick: (exerciseId, field, value) => {
      const draft = this.ratings.get(exerciseId);
      if (!draft) return;
      this.ratings.set(exerciseId, { ...draft, [field]: value, empty: false });
      this.requestUpdate();
    },
    save: (exercise) => void this.saveRating(exercise),
    skip: (exerciseId) => {
      this.ratings.delete(exerciseId);
      this.requestUpdate();
      void this.updateComplete.then(() => {
        if (!this.focusQuietly(exerciseId, '.undo')) this.focusInCard(exerciseId, 'h3');
      });
    },
    state: (exerciseId) => this.media.get(exerciseId) ?? initialMediaState(),
    change: (exerciseId, patch) => {
      this.media.set(exerciseId, { ...(this.media.get(exerciseId) ?? initialMediaState()), ...patch });
      this.requestUpdate();
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
    if (this.printModule) this.printing = true;
  };

  private readonly onAfterPrint = () => {
    this.printing = false;
  };

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

  private renderProgram(loaded: Loaded): TemplateResult {
    const { program } = loaded;
    const now = new Date();
    const plan = this.plan(program, now);
    this.lastToday = plan.today;
    const l10n = this.l10n;
    const updated = l10n.dateTime(program.updatedAt, program.timeZone, { dateStyle: 'long' });
    return html`
      <div class="screen">
        <header class="header" part="header">
          ${program.practiceName ? html`<p class="practice">${l10n.t('fromPractice', program.practiceName)}</p>` : nothing}
          <h2 class="title" part="title">${program.title}</h2>
          <p class="meta">
            ${program.version > 1
              ? html`${l10n.t('updatedOn', updated)} <span class="version">(${l10n.t('version', program.version)})</span>`
              : l10n.t('startedOn', l10n.date(program.startDate, { dateStyle: 'long' }))}
          </p>
        </header>
        <div class="sync" part="sync">${this.sync?.renderNotice(l10n) ?? nothing}</div>
        ${loaded.historyFailed
          ? html`<div class="notice warning" part="notice">
              <p>${l10n.t('historyUnavailable')}</p>
              <button type="button" class="button" @click=${() => void this.programTask.run()}>${this.common.t('retry')}</button>
            </div>`
          : nothing}
        ${program.exercises.length === 0
          ? html`<p class="notice empty" part="notice">${l10n.t('noExercises')}</p>`
          : html`${this.renderTabs()}
              <div class="panel" role="tabpanel" id="panel" aria-labelledby=${`tab-${this.view}`} tabindex="0">
                ${this.view === 'progress'
                  ? this.renderProgress(program, now)
                  : this.view === 'program'
                    ? this.renderCards(program, plan, program.exercises)
                    : this.renderToday(program, plan)}
              </div>
              ${this.renderActions()}`}
      </div>
      ${this.printing && this.printModule ? this.printModule.renderPrintView(l10n, program, plan.today) : nothing}
    `;
  }

  private renderTabs(): TemplateResult {
    const labels: Record<HepView, string> = {
      today: this.l10n.t('tabToday'),
      program: this.l10n.t('tabProgram'),
      progress: this.l10n.t('tabProgress'),
    };
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${this.l10n.t('views')} @keydown=${this.onTabKey}>
      ${VIEWS.map(
        (view) => html`<button
          type="button"
          role="tab"
          part="tab"
          id=${`tab-${view}`}
          aria-selected=${this.view === view ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${this.view === view ? '0' : '-1'}
          @click=${() => this.selectView(view)}
        >
          ${labels[view]}
        </button>`,
      )}
    </div>`;
  }

  private selectView(view: HepView, focus = false): void {
    this.view = view;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  private readonly onTabKey = (event: KeyboardEvent) => {
    const index = VIEWS.indexOf(this.view);
    const forward = this.isRtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.isRtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === forward) next = (index + 1) % VIEWS.length;
    else if (event.key === backward) next = (index + VIEWS.length - 1) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectView(VIEWS[next]!, true);
  };

  private renderToday(program: HepProgram, plan: TodayPlan): TemplateResult {
    const l10n = this.l10n;
    const byId = new Map(program.exercises.map((exercise) => [exercise.id, exercise]));
    const due = plan.items.map((item) => byId.get(item.exerciseId)!).filter(Boolean);
    const doneCount = plan.items.filter((item) => item.complete).length;
    const { streak } = this.derive(program, new Date());
    let message: string | undefined;
    if (plan.phase === 'not-started') message = l10n.t('notStarted', l10n.date(plan.nextDueDate ?? program.startDate, { dateStyle: 'full' }));
    else if (plan.phase === 'ended') message = l10n.t('ended', l10n.date(program.endDate!, { dateStyle: 'long' }));
    else if (due.length === 0) message = l10n.t('restDay');
    return html`<div class="summary" part="summary">
        <h3 class="today">${l10n.date(plan.today, { weekday: 'long', month: 'long', day: 'numeric' })}</h3>
        ${due.length > 0
          ? html`<p class="count">${doneCount === due.length ? l10n.t('allDone') : l10n.t('doneCount', doneCount, due.length)}</p>`
          : nothing}
        ${streak && streak.current > 0 ? html`<p class="streak-badge">${l10n.t('streak', streak.current)}</p>` : nothing}
      </div>
      ${message ? html`<p class="notice">${message}</p>` : nothing}
      ${plan.phase === 'active' && due.length === 0 && plan.nextDueDate
        ? html`<p class="next">${l10n.t('nextDue', l10n.date(plan.nextDueDate, { weekday: 'long', month: 'long', day: 'numeric' }))}</p>`
        : nothing}
      ${plan.phase === 'active' ? this.renderCards(program, plan, due) : this.renderCards(program, plan, program.exercises)}
      ${plan.phase === 'active' && plan.notDueIds.length > 0
        ? html`<p class="more">
            ${l10n.t('notDueCount', plan.notDueIds.length)}
            <button type="button" class="button link" @click=${() => this.selectView('program', true)}>${l10n.t('seeAll')}</button>
          </p>`
        : nothing}`;
  }

  /** Times are shown in the patient's zone when one is given (`time-zone`, the provider's), else the program's. */
  private displayZone(program: HepProgram): string {
    return this.timeZone || this.providerConfig?.timeZone || program.timeZone;
  }

  private renderCards(program: HepProgram, plan: TodayPlan, exercises: readonly Exercise[]): TemplateResult {
    const { latestToday } = this.derive(program, new Date());
    const context: CardContext = {
      l10n: this.l10n,
      handlers: this.handlers,
      media: { saveData: this.saveData || browserSavesData(), language: this.resolvedLocale },
      guidance: { text: program.painGuidance, practiceName: program.practiceName, practicePhone: program.practicePhone },
      timeZone: this.displayZone(program),
      // Named when it differs from the program's or from the device's: either could be assumed.
      showZone: this.displayZone(program) !== program.timeZone || this.displayZone(program) !== browserTimeZone(),
      rating: this.ratingModule,
      ratingFailed: this.ratingFailed,
    };
    const items = new Map(plan.items.map((item) => [item.exerciseId, item]));
    return html`<ul class="cards" role="list">
      ${exercises.map((exercise) => {
        const lastEntry = latestToday.get(exercise.id);
        const model: CardModel = {
          exercise,
          item: items.get(exercise.id),
          loggable: plan.phase === 'active',
          lastLog: lastEntry
            ? { entry: lastEntry, state: this.stranded.includes(lastEntry) ? 'waiting' : this.sync?.isPending(lastEntry) }
            : undefined,
          undoable: this.undoWindows.has(exercise.id),
          rating: this.ratings.get(exercise.id),
          alert: this.alerts.get(exercise.id),
        };
        return renderExerciseCard(context, model);
      })}
    </ul>`;
  }

  private renderProgress(program: HepProgram, now: Date): TemplateResult {
    if (this.progressFailed) {
      return renderFailure({ message: this.l10n.t('chartsFailed'), retryLabel: this.common.t('retry'), onRetry: () => this.loadProgress() });
    }
    const module = this.progressModule;
    if (!module) return renderLoading(this.common.t('loading'));
    return html`<h3 class="visually-hidden">${this.l10n.t('progressHeading')}</h3>
      ${module.renderProgress(this.l10n, program, this.logs, now, {
        tables: this.chartTables,
        toggle: (chart) => {
          if (this.chartTables.has(chart)) this.chartTables.delete(chart);
          else this.chartTables.add(chart);
          this.requestUpdate();
        },
      })}`;
  }

  private renderActions(): TemplateResult {
    return html`<div class="actions" part="actions" role="group" aria-label=${this.l10n.t('actions')}>
        <button type="button" class="button" @click=${() => void this.print()}>${this.l10n.t('print')}</button>
        <button type="button" class="button" @click=${() => void this.requestReminders()}>${this.l10n.t('reminders')}</button>
      </div>
      ${this.notice ? html`<p class="notice action-notice" role="status">${this.notice}</p>` : nothing}`;
  }
}
