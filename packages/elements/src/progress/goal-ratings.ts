/**
 * The patient's rating of their goals: what they picked and typed (per goal), and sending it.
 * Double-click safe (one send per goal at a time), idempotent (a retry of the same rating reuses
 * its client id, so a lost reply never makes two ratings), and a failure keeps what was typed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, createId, isAbortError } from '@pxm/core';
import type { Goal, GoalLevel, GoalRatingInput } from '@pxm/core/progress';

export const NOTE_LIMIT = 500;

export type RatingStatus = 'editing' | 'sending' | 'failed' | 'saved';

export interface RatingDraft {
  level?: GoalLevel | undefined;
  note: string;
  status: RatingStatus;
  /** Made on the first send of this content; kept for its retries, dropped on any edit. */
  clientId?: string | undefined;
  /** The reason a send failed, for the patient. */
  failure?: string | undefined;
  /** Nothing to send yet: the patient pressed Save on an empty form. */
  empty?: boolean | undefined;
}

export interface GoalRatingsOptions {
  send(rating: GoalRatingInput): Promise<Goal>;
  onSaved(goal: Goal, rating: GoalRatingInput): void;
  failureText(error: AdapterError | undefined): string;
}

const EMPTY: RatingDraft = { note: '', status: 'editing' };

export class GoalRatings implements ReactiveController {
  private drafts: ReadonlyMap<string, RatingDraft> = new Map();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: GoalRatingsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  draftOf(goalId: string): RatingDraft {
    return this.drafts.get(goalId) ?? EMPTY;
  }

  reset(): void {
    this.drafts = new Map();
    this.host.requestUpdate();
  }

  pickLevel(goalId: string, level: GoalLevel): void {
    this.edit(goalId, { level });
  }

  setNote(goalId: string, note: string): void {
    this.edit(goalId, { note });
  }

  /** Sends the goal's rating; resolves true once stored. A second press while sending does nothing. */
  async save(goalId: string): Promise<boolean> {
    const draft = this.draftOf(goalId);
    if (draft.status === 'sending') return false;
    const note = draft.note.trim();
    if (draft.level === undefined && !note) {
      this.set(goalId, { ...draft, empty: true });
      return false;
    }
    const clientId = draft.clientId ?? createId();
    const rating: GoalRatingInput = { clientId, goalId, ...(draft.level !== undefined ? { level: draft.level } : {}), ...(note ? { note } : {}) };
    this.set(goalId, { ...draft, clientId, status: 'sending', failure: undefined, empty: false });
    try {
      const goal = await this.options.send(rating);
      this.set(goalId, { note: '', status: 'saved' });
      this.options.onSaved(goal, rating);
      return true;
    } catch (error) {
      if (isAbortError(error)) {
        this.set(goalId, { ...this.draftOf(goalId), status: 'editing' });
        return false;
      }
      const known = AdapterError.is(error) ? error : undefined;
      this.set(goalId, { ...this.draftOf(goalId), status: 'failed', failure: this.options.failureText(known) });
      return false;
    }
  }

  private edit(goalId: string, change: Partial<RatingDraft>): void {
    const draft = this.draftOf(goalId);
    if (draft.status === 'sending') return;
    // New content is a new rating: it gets its own client id when sent.
    this.set(goalId, { ...draft, ...change, status: 'editing', clientId: undefined, failure: undefined, empty: false });
  }

  private set(goalId: string, draft: RatingDraft): void {
    this.drafts = new Map(this.drafts).set(goalId, draft);
    this.host.requestUpdate();
  }
}
