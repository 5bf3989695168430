/**
 * Events of `<pxm-progress>`. They bubble and cross shadow roots, so any script on the page reads
 * them: details carry ids, codes and times only, never a goal's words, a level, a note or a score.
 */

export interface ProgressGoalRatedDetail {
  /** The goal rated. */
  goalId: string;
  /** The client id the rating was sent with (the same on a retry). */
  clientId: string;
  /** ISO-8601 instant the backend stored it. */
  ratedAt: string;
}

export interface ProgressMeasureTakenDetail {
  /** The measure's instrument code, e.g. `lefs`. */
  instrumentId: string;
  /** The stored intake response's id. */
  responseId: string;
  /** ISO-8601 instant the intake was stored. */
  submittedAt: string;
}

export interface ProgressPrintDetail {
  /** Which summary was printed: the patient's or the referring physician's. */
  version: 'patient' | 'physician';
}

const init = { bubbles: true, composed: true } as const;

/** The patient's rating of a goal was stored. */
export class PxmProgressGoalRatedEvent extends CustomEvent<ProgressGoalRatedDetail> {
  static readonly eventName = 'pxm-progress-goal-rated';
  constructor(detail: ProgressGoalRatedDetail) {
    super(PxmProgressGoalRatedEvent.eventName, { ...init, detail });
  }
}

/** A due measure was taken here; the progress is reloaded with its new score. */
export class PxmProgressMeasureTakenEvent extends CustomEvent<ProgressMeasureTakenDetail> {
  static readonly eventName = 'pxm-progress-measure-taken';
  constructor(detail: ProgressMeasureTakenDetail) {
    super(PxmProgressMeasureTakenEvent.eventName, { ...init, detail });
  }
}

/** The patient asked to print a summary (the browser's dialog opens next). */
export class PxmProgressPrintEvent extends CustomEvent<ProgressPrintDetail> {
  static readonly eventName = 'pxm-progress-print';
  constructor(detail: ProgressPrintDetail) {
    super(PxmProgressPrintEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-progress-goal-rated': PxmProgressGoalRatedEvent;
    'pxm-progress-measure-taken': PxmProgressMeasureTakenEvent;
    'pxm-progress-print': PxmProgressPrintEvent;
  }
}
