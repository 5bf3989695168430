/**
 * The Undo windows of the cards: after a log (or a rating) its card offers Undo for a while. The
 * countdown pauses while the patient is on the button, so it never vanishes under them. A
 * controller: it owns the timers and renders the element again when a window opens or closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActivityLogEntry } from '@pxm/core/hep';

/** How long Undo is offered. */
export const UNDO_MS = 10_000;

interface UndoWindow {
  entry: ActivityLogEntry;
  remainingMs: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  held: boolean;
}

export class UndoWindows implements ReactiveController {
  private readonly windows = new Map<string, UndoWindow>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A window ran out (not taken): the element moves focus off the vanishing button. */
    private readonly onExpired: (exerciseId: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  has(exerciseId: string): boolean {
    return this.windows.has(exerciseId);
  }

  /** Opens (or restarts) the window of an exercise for `entry`. */
  open(exerciseId: string, entry: ActivityLogEntry, remainingMs = UNDO_MS): void {
    clearTimeout(this.windows.get(exerciseId)?.timer);
    const window: UndoWindow = { entry, remainingMs, startedAt: Date.now(), timer: undefined, held: false };
    window.timer = setTimeout(() => this.expire(exerciseId, window), remainingMs);
    this.windows.set(exerciseId, window);
    this.host.requestUpdate();
  }

  /** Closes the window and returns the entry it would undo (undefined when none is open). */
  take(exerciseId: string): ActivityLogEntry | undefined {
    const window = this.windows.get(exerciseId);
    if (!window) return undefined;
    clearTimeout(window.timer);
    this.windows.delete(exerciseId);
    this.host.requestUpdate();
    return window.entry;
  }

  /** Pauses (held) or resumes the countdown. */
  hold(exerciseId: string, held: boolean): void {
    const window = this.windows.get(exerciseId);
    if (!window || window.held === held) return;
    window.held = held;
    if (held) {
      clearTimeout(window.timer);
      window.remainingMs = Math.max(1_000, window.remainingMs - (Date.now() - window.startedAt));
    } else {
      window.startedAt = Date.now();
      window.timer = setTimeout(() => this.expire(exerciseId, window), window.remainingMs);
    }
  }

  /** Closes every window (another program, or the element was removed). */
  clear(): void {
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
    this.host.requestUpdate();
  }

  private expire(exerciseId: string, window: UndoWindow): void {
    if (this.windows.get(exerciseId) !== window) return;
    this.windows.delete(exerciseId);
    this.onExpired(exerciseId);
    this.host.requestUpdate();
  }
}
