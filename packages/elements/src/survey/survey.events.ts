/**
 * Events of `<pxm-survey>`. Both bubble and cross shadow roots, so any script on the page reads
 * them: details carry ids, times and the review site only, never a score, an answer or anything
 * derived from one (see docs/csp-and-privacy.md, "Events").
 */
import type { ReviewSite } from '@pxm/core/booking';

export interface SurveySubmittedDetail {
  /** The stored response's id. */
  responseId: string;
  /** ISO-8601 instant the backend stored it. */
  submittedAt: string;
}

export interface SurveyReviewClickDetail {
  /** Which review site the patient opened. */
  site: ReviewSite;
}

const init = { bubbles: true, composed: true } as const;

/** The response was stored (once: a retry that finds it stored does not fire again). */
export class PxmSurveySubmittedEvent extends CustomEvent<SurveySubmittedDetail> {
  static readonly eventName = 'pxm-survey-submitted';
  constructor(detail: SurveySubmittedDetail) {
    super(PxmSurveySubmittedEvent.eventName, { ...init, detail });
  }
}

/** The patient opened a review site's link (it opens in a new tab). */
export class PxmSurveyReviewClickEvent extends CustomEvent<SurveyReviewClickDetail> {
  static readonly eventName = 'pxm-survey-review-click';
  constructor(detail: SurveyReviewClickDetail) {
    super(PxmSurveyReviewClickEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-survey-submitted': PxmSurveySubmittedEvent;
    'pxm-survey-review-click': PxmSurveyReviewClickEvent;
  }
}
