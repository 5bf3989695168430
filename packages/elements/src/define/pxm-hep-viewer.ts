// First, before any library's code runs: tame enumerable Object.prototype properties a page's
// plugins added (zod and bundlers' export helpers enumerate with for...in).
import '@pxm/core/prototype-guard';
import { defineElement } from '../internal/define-element.js';
// The element reads its adapter from a <pxm-provider>: one import defines both.
import './pxm-provider.js';
import { PxmHepViewer } from '../hep-viewer/hep-viewer.js';

defineElement('pxm-hep-viewer', PxmHepViewer);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-hep-viewer': PxmHepViewer;
  }
}

// Re-exported so this entry's types carry the element's typed events (and pxm-error) into
// GlobalEventHandlersEventMap: `addEventListener('pxm-…', (e) => e.detail)` is typed.
export type { HepActivityLoggedDetail } from '../hep-viewer/hep-viewer.events.js';
export type { PxmErrorDetail } from '../events/pxm-error-event.js';
