/**
 * Events of `<pxm-referral>`. They bubble and cross shadow roots, so any script on the page reads
 * them: details carry the reference and times only, never the patient, the referrer or a code.
 */

export interface ReferralSubmittedDetail {
  /** The quotable reference, e.g. `REF-7K2M-9QXD`. */
  reference: string;
  /** ISO-8601 instant the backend received it. */
  receivedAt: string;
  /** How many files went with it. */
  attachmentCount: number;
}

/** The referral was received; the confirmation with its reference is on screen. */
export class PxmReferralSubmittedEvent extends CustomEvent<ReferralSubmittedDetail> {
  static readonly eventName = 'pxm-referral-submitted';
  constructor(detail: ReferralSubmittedDetail) {
    super(PxmReferralSubmittedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-referral-submitted': PxmReferralSubmittedEvent;
  }
}
