// First, before any library's code runs: tame enumerable Object.prototype properties a page's
// plugins added (zod and bundlers' export helpers enumerate with for...in).
import '@pxm/core/prototype-guard';
import { defineElement } from '../internal/define-element.js';
// The element reads its adapter from a <pxm-provider>: one import defines both.
import './pxm-provider.js';
import { PxmReferral } from '../referral/referral.js';

defineElement('pxm-referral', PxmReferral);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-referral': PxmReferral;
  }
}

// Re-exported so this entry's types carry the element's typed events (and pxm-error) into
// GlobalEventHandlersEventMap: `addEventListener('pxm-…', (e) => e.detail)` is typed.
export type { ReferralSubmittedDetail } from '../referral/referral.events.js';
export type { PxmErrorDetail } from '../events/pxm-error-event.js';
