// Generated from custom-elements.json by `pnpm manifest`. Do not edit: edit the element JSDoc.
/**
 * Vue 3 template types for the tags: props checked against the element, `@pxm-*` events typed.
 * Load once in a Vue project: `import type {} from '@pxm/elements/vue';` (or list it in
 * `compilerOptions.types`), and tell the compiler the tags are custom elements:
 * `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pxm-') } } })`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { PxmBookingAttendanceConfirmedEvent, PxmBookingBeforeConfirmEvent, PxmBookingCancelledEvent, PxmBookingConfirmedEvent, PxmBookingRescheduledEvent, PxmWaitlistJoinedEvent } from '../booking/booking.events.js';
import type { PxmBooking } from '../booking/booking.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import type { PxmHepActivityLoggedEvent, PxmHepReminderRequestEvent } from '../hep-viewer/hep-viewer.events.js';
import type { PxmHepViewer } from '../hep-viewer/hep-viewer.js';
import type { PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent } from '../intake-form/intake-form.events.js';
import type { PxmIntakeForm } from '../intake-form/intake-form.js';
import type { PxmProgressGoalRatedEvent, PxmProgressMeasureTakenEvent, PxmProgressPrintEvent } from '../progress/progress.events.js';
import type { PxmProgress } from '../progress/progress.js';
import type { PxmProvider } from '../provider/provider.js';
import type { PxmReferralSubmittedEvent } from '../referral/referral.events.js';
import type { PxmReferral } from '../referral/referral.js';
import type { PxmSurveyReviewClickEvent, PxmSurveySubmittedEvent } from '../survey/survey.events.js';
import type { PxmSurvey } from '../survey/survey.js';

/** A custom element as Vue templates see it: its properties as props, its events as emits. */
export type PxmVueElement<E extends HTMLElement, P extends keyof E, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated For template type checking only; do not read it from a ref. */
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  /** @deprecated For template type checking only; do not call it from a ref. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'pxm-provider': PxmVueElement<PxmProvider, 'adapter' | 'locale' | 'timeZone' | 'theme', Record<never, never>>;
    'pxm-booking': PxmVueElement<PxmBooking, 'location' | 'appointmentType' | 'provider' | 'manageToken' | 'referralToken' | 'manageUrl' | 'mode' | 'open' | 'timeout' | 'benefits' | 'discipline' | 'prefill' | 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-booking-before-confirm': PxmBookingBeforeConfirmEvent; 'pxm-booking-confirmed': PxmBookingConfirmedEvent; 'pxm-booking-rescheduled': PxmBookingRescheduledEvent; 'pxm-booking-cancelled': PxmBookingCancelledEvent; 'pxm-booking-attendance-confirmed': PxmBookingAttendanceConfirmedEvent; 'pxm-waitlist-joined': PxmWaitlistJoinedEvent; 'pxm-error': PxmErrorEvent }>;
    'pxm-intake-form': PxmVueElement<PxmIntakeForm, 'token' | 'definition' | 'autosaveDelay' | 'headingLevel' | 'answers' | 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-intake-draft-saved': PxmIntakeDraftSavedEvent; 'pxm-intake-submitted': PxmIntakeSubmittedEvent; 'pxm-error': PxmErrorEvent }>;
    'pxm-hep-viewer': PxmVueElement<PxmHepViewer, 'token' | 'view' | 'painThreshold' | 'saveData' | 'offlineQueue' | 'reminderTimes' | 'painAlertCallback' | 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-hep-activity-logged': PxmHepActivityLoggedEvent; 'pxm-hep-reminder-request': PxmHepReminderRequestEvent; 'pxm-error': PxmErrorEvent }>;
    'pxm-survey': PxmVueElement<PxmSurvey, 'token' | 'offlineQueue' | 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-survey-submitted': PxmSurveySubmittedEvent; 'pxm-survey-review-click': PxmSurveyReviewClickEvent; 'pxm-error': PxmErrorEvent }>;
    'pxm-progress': PxmVueElement<PxmProgress, 'token' | 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-progress-goal-rated': PxmProgressGoalRatedEvent; 'pxm-progress-measure-taken': PxmProgressMeasureTakenEvent; 'pxm-progress-print': PxmProgressPrintEvent; 'pxm-error': PxmErrorEvent }>;
    'pxm-referral': PxmVueElement<PxmReferral, 'adapter' | 'locale' | 'timeZone' | 'theme', { 'pxm-referral-submitted': PxmReferralSubmittedEvent; 'pxm-error': PxmErrorEvent }>;
  }
}

export {};
