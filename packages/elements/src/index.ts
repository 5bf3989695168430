/**
 * `@pxm/elements`: the element classes, events, contexts and localization API. Importing this
 * registers nothing; import `@pxm/elements/define` (or one `define/<tag>`) for that.
 */
export { PxmElement, type PxmTheme } from './base/pxm-element.js';
export { PxmProvider } from './provider/provider.js';
export { PxmBooking } from './booking/booking.js';
export {
  PxmBookingAttendanceConfirmedEvent,
  PxmBookingBeforeConfirmEvent,
  PxmBookingCancelledEvent,
  PxmBookingConfirmedEvent,
  PxmBookingRescheduledEvent,
  PxmWaitlistJoinedEvent,
  type BookingBeforeConfirmDetail,
  type BookingCancelledDetail,
  type BookingConfirmedDetail,
  type BookingRescheduledDetail,
  type BookingVisitDetail,
  type WaitlistJoinedDetail,
} from './booking/booking.events.js';
export type { BookingPrefill } from './booking/booking-state.js';
export { PxmSurvey } from './survey/survey.js';
export {
  PxmSurveySubmittedEvent,
  PxmSurveyReviewClickEvent,
  type SurveySubmittedDetail,
  type SurveyReviewClickDetail,
} from './survey/survey.events.js';
export { surveyEn, type SurveyMessages } from './survey/survey.messages.en.js';
export { surveyEs } from './survey/survey.messages.es.js';
export { PxmHepViewer, type HepView } from './hep-viewer/hep-viewer.js';
export {
  PxmHepActivityLoggedEvent,
  PxmHepReminderRequestEvent,
  type HepActivityLoggedDetail,
  type HepPainAlert,
  type HepReminderRequestDetail,
} from './hep-viewer/hep-viewer.events.js';
export { hepViewerEn, type HepViewerMessages } from './hep-viewer/hep-viewer.messages.en.js';
export { hepViewerEs } from './hep-viewer/hep-viewer.messages.es.js';
export { PxmProgress } from './progress/progress.js';
export {
  PxmProgressGoalRatedEvent,
  PxmProgressMeasureTakenEvent,
  PxmProgressPrintEvent,
  type ProgressGoalRatedDetail,
  type ProgressMeasureTakenDetail,
  type ProgressPrintDetail,
} from './progress/progress.events.js';
export { progressEn, type ProgressMessages } from './progress/progress.messages.en.js';
export { progressEs } from './progress/progress.messages.es.js';
export { PxmReferral } from './referral/referral.js';
export { PxmReferralSubmittedEvent, type ReferralSubmittedDetail } from './referral/referral.events.js';
export { referralEn, type ReferralMessages } from './referral/referral.messages.en.js';
export { referralEs } from './referral/referral.messages.es.js';
export { PxmIntakeForm, REVIEW_PAGE_ID } from './intake-form/intake-form.js';
export {
  PxmIntakeDraftSavedEvent,
  PxmIntakeSubmittedEvent,
  type IntakeDraftSavedDetail,
  type IntakeSubmittedDetail,
  type IntakeErrorDetail,
} from './intake-form/intake-form.events.js';
export { intakeFormEn, type IntakeFormMessages } from './intake-form/intake-form.messages.en.js';
export { intakeFormEs } from './intake-form/intake-form.messages.es.js';
export { pxmConfigContext, type PxmConfig } from './context/pxm-config.js';
export { PxmErrorEvent, type PxmErrorDetail } from './events/pxm-error-event.js';
export { defineElement } from './internal/define-element.js';
export {
  registerTranslation,
  type Catalog,
  type Message,
  type Translation,
} from './l10n/translation-registry.js';
export { LocalizeController } from './l10n/localize-controller.js';
export { commonEn, type CommonMessages } from './l10n/common.en.js';
export { commonEs } from './l10n/common.es.js';
export { hostStyles } from './styles/host.styles.js';
export { controlStyles } from './styles/controls.styles.js';
