import type { AdapterErrorCode } from '@pxm/core';

export interface PxmErrorDetail {
  /** The adapter error code, e.g. `network`, `slot_unavailable`. */
  code: AdapterErrorCode;
  /** The contract operation that failed, e.g. `booking.book`. */
  operation: string;
  /**
   * Set when the element still works but left out or shortened one field of a reply (a link
   * that is not http(s), a text over its limit): the field's path, e.g. `locations.0.mapUrl`.
   */
  field?: string;
}

/** Fired by every element when an adapter call fails. Carries codes only, never patient data. */
export class PxmErrorEvent extends CustomEvent<PxmErrorDetail> {
  static readonly eventName = 'pxm-error';

  constructor(detail: PxmErrorDetail) {
    super(PxmErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-error': PxmErrorEvent;
  }
}
