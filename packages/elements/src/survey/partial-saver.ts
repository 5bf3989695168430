/**
 * Saves answers through the adapter as the patient goes: changed questions only, one save at a
 * time, a short pause after typing, and quiet retries while offline. What failed stays marked
 * as changed, so the next save carries it; nothing typed is dropped.
 */
import { toAdapterError, type AdapterError } from '@pxm/core';
import type { SurveyAnswers } from '@pxm/core/survey';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface PartialSaverOptions {
  /** The answers as they are now. */
  read(): SurveyAnswers;
  save(changes: SurveyAnswers): Promise<void>;
  onStatus(status: SaveStatus): void;
  /** A failure trying again cannot fix (expired link, answered elsewhere). */
  onFatal(error: AdapterError): void;
}

/** Wait before retrying a save that failed for a reason that may pass (offline, timeout). */
export const SAVE_RETRY_MS = 5_000;

/** The contract's cap on one text answer; a draft over the question's own limit still saves. */
const MAX_SAVED_TEXT = 10_000;

export class PartialSaver {
  private readonly options: PartialSaverOptions;
  private readonly changed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private paused = true;

  constructor(options: PartialSaverOptions) {
    this.options = options;
  }

  /** Marks a question changed and saves after `delayMs` of quiet. */
  change(questionId: string, delayMs: number): void {
    this.changed.add(questionId);
    this.schedule(delayMs);
  }

  /** Saves what is waiting now, after any save in flight. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    if (this.paused || this.changed.size === 0) return;
    this.running = this.saveOnce();
    await this.running;
    this.running = undefined;
  }

  /** Stops saving (while a submit is under way, or for good); replies in flight are ignored. */
  pause(): void {
    this.paused = true;
    clearTimeout(this.timer);
  }

  /** Stops and forgets what was waiting: the answers belonged to another invitation. */
  discard(): void {
    this.pause();
    this.changed.clear();
  }

  resume(): void {
    this.paused = false;
    if (this.changed.size > 0) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.paused) this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  private async saveOnce(): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    const answers = this.options.read();
    const changes: SurveyAnswers = {};
    for (const id of ids) {
      const value = answers[id] ?? null;
      changes[id] = typeof value === 'string' ? value.slice(0, MAX_SAVED_TEXT) : value;
    }
    this.options.onStatus('saving');
    try {
      await this.options.save(changes);
      if (!this.paused) this.options.onStatus(this.changed.size > 0 ? 'saving' : 'saved');
    } catch (caught) {
      for (const id of ids) this.changed.add(id);
      if (this.paused) return;
      const error = toAdapterError(caught);
      if (error.retryable) {
        this.options.onStatus('failed');
        this.schedule(SAVE_RETRY_MS);
      } else {
        this.pause();
        this.options.onFatal(error);
      }
    }
  }
}
