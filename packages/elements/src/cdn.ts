/**
 * `@pxm/elements/cdn`: the file a page with no build step loads with one script tag. It registers
 * every element (Lit included): booking, intake, HEP and survey at once, `<pxm-progress>` and
 * `<pxm-referral>` as soon as the page uses the tag (its code is a file beside this one; `defineElementsIn(shadowRoot)`
 * for tags inside a shadow root). It exports what such a page may script: the element and event
 * classes, `registerTranslation` to add a language, `registerAdapter` to choose an adapter by
 * attribute (see `cdn/adapter-attributes.ts`), and `AdapterError` for adapters written by hand.
 * Parts an element needs only later (further booking steps, Spanish, charts) load on demand from
 * files next to it.
 *
 * ```html
 * <script type="module" src="https://cdn.jsdelivr.net/npm/@pxm/elements/cdn/pxm-elements.js"></script>
 * <script type="module" src="https://cdn.jsdelivr.net/npm/@pxm/elements/cdn/pxm-adapter-memory.js"></script>
 * <pxm-booking adapter="memory"></pxm-booking>
 * ```
 */
// The four elements most pages use are defined at once; the others when a page first uses them.
import './define/pxm-provider.js';
import './define/pxm-intake-form.js';
import './define/pxm-booking.js';
import './define/pxm-survey.js';
import './define/pxm-hep-viewer.js';
import { defineElementsOnDemand } from './cdn/on-demand-elements.js';
import { reportMissingAdapters } from './cdn/adapter-attributes.js';

export { AdapterError, isAbortError, type AdapterErrorCode, type PxmAdapter } from '@pxm/core';
export { PxmElement } from './base/pxm-element.js';
export { PxmProvider } from './provider/provider.js';
export { PxmBooking } from './booking/booking.js';
export {
  PxmBookingAttendanceConfirmedEvent,
  PxmBookingBeforeConfirmEvent,
  PxmBookingCancelledEvent,
  PxmBookingConfirmedEvent,
  PxmBookingRescheduledEvent,
  PxmWaitlistJoinedEvent,
} from './booking/booking.events.js';
export { PxmIntakeForm } from './intake-form/intake-form.js';
export { PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent } from './intake-form/intake-form.events.js';
export { PxmHepViewer } from './hep-viewer/hep-viewer.js';
export { PxmHepActivityLoggedEvent, PxmHepReminderRequestEvent } from './hep-viewer/hep-viewer.events.js';
export { PxmSurvey } from './survey/survey.js';
export { PxmSurveyReviewClickEvent, PxmSurveySubmittedEvent } from './survey/survey.events.js';
export { PxmProgressGoalRatedEvent, PxmProgressMeasureTakenEvent, PxmProgressPrintEvent } from './progress/progress.events.js';
export { PxmReferralSubmittedEvent } from './referral/referral.events.js';
export { PxmErrorEvent } from './events/pxm-error-event.js';
export { registerTranslation, type Translation } from './l10n/translation-registry.js';
export { registerAdapter, type AdapterAttributes, type AdapterFactory } from './cdn/adapter-attributes.js';
export { defineElementsIn } from './cdn/on-demand-elements.js';

reportMissingAdapters();
defineElementsOnDemand();
