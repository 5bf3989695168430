/**
 * Logging on the cards: Done (a session or one set), Undo within its window, the pain and
 * difficulty rating that follows, and the practice's guidance after high pain. A controller: it
 * owns the logs made on this page, the open ratings and alerts (replaced, never mutated, so the
 * element renders them) and the Undo windows; entries go to the sync engine it is given.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createId } from '@pxm/core';
import { toZonedIso } from '@pxm/core/time';
import type { ActivityLogEntry, Exercise, HepProgram, TodayItem } from '@pxm/core/hep';
import type { HepLocalizeController } from './hep-localize.js';
import { cardHas, focusInCard } from './card-focus.js';
import type { HepActivityLoggedDetail, HepPainAlert } from './hep-viewer.events.js';
import type { RatingDraft, RatingHandlers } from './rating-form.js';
import { UndoWindows } from './undo-windows.js';

/** Two taps on Done within this time are one tap (a double click), not two sessions. */
const DOUBLE_TAP_MS = 800;

export interface ExerciseLoggingOptions {
  l10n: HepLocalizeController;
  program(): HepProgram | undefined;
  /** Every log as the patient sees it (stored, waiting, made here). */
  logs(): readonly ActivityLogEntry[];
  /** Today's plan for an exercise at `now` (undefined when it is not due). */
  planItem(program: HepProgram, exerciseId: string, now: Date): TodayItem | undefined;
  /** Pain at or above which the guidance shows. */
  painThreshold(program: HepProgram): number;
  /** Hands entries to the sync engine. */
  send(entries: readonly ActivityLogEntry[]): Promise<void>;
  /** The entry has not reached the backend yet. */
  isQueued(entry: ActivityLogEntry): boolean;
  announce(message: string): void;
  /** The rating form's code is wanted now (after a finished session). */
  wantRating(): void;
  onLogged(detail: HepActivityLoggedDetail): void;
  onPainAlert(alert: HepPainAlert): void;
}

/** A copy of `map` without `key`. */
function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

export class ExerciseLogging implements ReactiveController, RatingHandlers {
  /** Logs made on this page (and undos), on top of what the backend had. */
  localLogs: readonly ActivityLogEntry[] = [];
  /** The rating form open on a card, by exercise. */
  ratings: ReadonlyMap<string, RatingDraft> = new Map();
  /** The pain guidance shown on a card after a high rating, by exercise. */
  alerts: ReadonlyMap<string, { pain: number; clientId: string }> = new Map();
  readonly undoWindows: UndoWindows;
  private readonly lastTapAt = new Map<string, number>();
  /** Focus moved by the viewer itself does not hold the Undo countdown. */
  private movingFocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: ExerciseLoggingOptions,
  ) {
    host.addController(this);
    this.undoWindows = new UndoWindows(host, (exerciseId) => this.undoExpired(exerciseId));
  }

  hostConnected(): void {}

  /** Another program: nothing of the previous one's logging carries over. */
  reset(): void {
    this.localLogs = [];
    this.ratings = new Map();
    this.alerts = new Map();
    this.undoWindows.clear();
  }

  async done(exercise: Exercise, kind: 'session' | 'set'): Promise<void> {
    const program = this.options.program();
    if (!program) return;
    const nowMs = Date.now();
    if (nowMs - (this.lastTapAt.get(exercise.id) ?? 0) < DOUBLE_TAP_MS) return;
    this.lastTapAt.set(exercise.id, nowMs);
    const now = new Date(nowMs);
    const item = this.options.planItem(program, exercise.id, now);
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
    if (kind === 'session' || inProgress + 1 >= (sets ?? 1)) {
      this.ratings = new Map(this.ratings).set(exercise.id, { target: entry.clientId });
      this.options.wantRating();
    }
    this.alerts = without(this.alerts, exercise.id);
    const { l10n } = this.options;
    this.options.announce(kind === 'set' ? l10n.text('announceSet', exercise.name, inProgress + 1, sets ?? 1) : l10n.text('announceLogged', exercise.name));
    await this.rendered();
    // Focus stays on Done while more is due; when Done goes away, it moves to Undo.
    if (!cardHas(this.host.renderRoot, exercise.id, '.done')) this.focusQuietly(exercise.id, '.undo');
    await this.options.send([entry]);
    this.fireLogged(program, entry);
  }

  /**
   * The countdown pauses while the patient is on the Undo button (pointer over it, or focus they
   * moved there), so it never vanishes under them. Focus the viewer moves there itself does not count.
   */
  holdUndo(exerciseId: string, held: boolean): void {
    if (!this.movingFocus) this.undoWindows.hold(exerciseId, held);
  }

  async undo(exerciseId: string): Promise<void> {
    const program = this.options.program();
    const undone = program ? this.undoWindows.take(exerciseId) : undefined;
    if (!program || !undone) return;
    const voided: ActivityLogEntry = { ...undone, voided: true };
    this.localLogs = [...this.localLogs, voided];
    if (this.ratings.get(exerciseId)?.target === undone.clientId) this.ratings = without(this.ratings, exerciseId);
    if (this.alerts.get(exerciseId)?.clientId === undone.clientId) this.alerts = without(this.alerts, exerciseId);
    const exercise = program.exercises.find((candidate) => candidate.id === exerciseId);
    this.options.announce(this.options.l10n.text('announceUndone', exercise?.name ?? ''));
    await this.rendered();
    if (!focusInCard(this.host.renderRoot, exerciseId, '.done')) focusInCard(this.host.renderRoot, exerciseId, 'h3');
    await this.options.send([voided]);
    this.fireLogged(program, voided);
  }

  pick(exerciseId: string, field: 'pain' | 'difficulty', value: number): void {
    const draft = this.ratings.get(exerciseId);
    if (!draft) return;
    this.ratings = new Map(this.ratings).set(exerciseId, { ...draft, [field]: value, empty: false });
    this.host.requestUpdate();
  }

  skip(exerciseId: string): void {
    this.ratings = without(this.ratings, exerciseId);
    void this.rendered().then(() => {
      if (!this.focusQuietly(exerciseId, '.undo')) focusInCard(this.host.renderRoot, exerciseId, 'h3');
    });
  }

  dismissAlert(exerciseId: string): void {
    this.alerts = without(this.alerts, exerciseId);
    this.host.requestUpdate();
  }

  /** Saves the rating as a new log replacing the rated one (a log is never edited in place). */
  async save(exercise: Exercise): Promise<void> {
    const program = this.options.program();
    const draft = this.ratings.get(exercise.id);
    if (!program || !draft) return;
    if (draft.pain === undefined && draft.difficulty === undefined) {
      this.ratings = new Map(this.ratings).set(exercise.id, { ...draft, empty: true });
      await this.rendered();
      focusInCard(this.host.renderRoot, exercise.id, 'input[type="radio"]');
      return;
    }
    const original = this.options.logs().find((log) => log.clientId === draft.target);
    this.ratings = without(this.ratings, exercise.id);
    this.host.requestUpdate();
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
    const threshold = this.options.painThreshold(program);
    const pain = rated.pain;
    const alert = pain !== undefined && pain >= threshold;
    if (alert) this.alerts = new Map(this.alerts).set(exercise.id, { pain, clientId: rated.clientId });
    this.options.announce(this.options.l10n.text('ratingSaved'));
    await this.rendered();
    if (alert) focusInCard(this.host.renderRoot, exercise.id, '.pain-alert .button');
    else if (!this.focusQuietly(exercise.id, '.undo')) focusInCard(this.host.renderRoot, exercise.id, 'h3');
    if (alert) this.options.onPainAlert({ programId: program.id, programVersion: program.version, exerciseId: exercise.id, clientId: rated.clientId, pain, threshold });
    await this.options.send([replaced, rated]);
    this.fireLogged(program, rated, original.clientId);
  }

  private fireLogged(program: HepProgram, entry: ActivityLogEntry, replaces?: string): void {
    this.options.onLogged({
      programId: program.id,
      programVersion: entry.programVersion,
      exerciseId: entry.exerciseId,
      clientId: entry.clientId,
      completedAt: entry.completedAt,
      ...(entry.completedSets !== undefined ? { completedSets: entry.completedSets } : {}),
      ...(entry.voided ? { voided: true } : {}),
      ...(replaces ? { replaces } : {}),
      queued: this.options.isQueued(entry),
    });
  }

  /** An Undo window ran out: never leave keyboard focus on a button that is about to disappear. */
  private undoExpired(exerciseId: string): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (root.activeElement?.classList.contains('undo') === true) void this.rendered().then(() => focusInCard(root, exerciseId, 'h3'));
  }

  /** Renders the new state, then resolves (focus moves only once the cards are there). */
  private rendered(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  private focusQuietly(exerciseId: string, selector: string): boolean {
    this.movingFocus = true;
    try {
      return focusInCard(this.host.renderRoot, exerciseId, selector);
    } finally {
      this.movingFocus = false;
    }
  }
}
