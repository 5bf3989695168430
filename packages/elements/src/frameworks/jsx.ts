// Generated from custom-elements.json by `pnpm manifest`. Do not edit: edit the element JSDoc.
/**
 * JSX types for React 19, which sets properties and listens to custom events on custom
 * elements itself. Load once in a React project: `import type {} from '@pxm/elements/jsx';`
 * Events: `onpxm-booking-confirmed={(event) => event.detail.appointmentId}`.
 */
import type * as React from 'react';
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

/** Properties (camelCase), attributes (kebab-case) and `on<event-name>` listeners of one element. */
type PxmJsxProps<E extends HTMLElement, P extends keyof E, A extends string, V> = Partial<Pick<E, P>> &
  Partial<Record<A, string | number | boolean>> &
  V &
  React.HTMLAttributes<E> & { ref?: React.Ref<E>; key?: React.Key; children?: React.ReactNode };

/** Shares the adapter, locale and time zone with descendant PXM elements. */
export type PxmProviderJsxProps = PxmJsxProps<
  PxmProvider,
  'adapter' | 'locale' | 'timeZone' | 'theme',
  'time-zone',
  object
>;

/** Book, reschedule or cancel a therapy visit; join the waitlist; book a plan-of-care series. */
export type PxmBookingJsxProps = PxmJsxProps<
  PxmBooking,
  'location' | 'appointmentType' | 'provider' | 'manageToken' | 'referralToken' | 'manageUrl' | 'mode' | 'open' | 'timeout' | 'benefits' | 'discipline' | 'prefill' | 'adapter' | 'locale' | 'timeZone' | 'theme',
  'appointment-type' | 'manage-token' | 'referral-token' | 'manage-url' | 'time-zone',
  {
    'onpxm-booking-before-confirm'?: (event: PxmBookingBeforeConfirmEvent) => void;
    'onpxm-booking-confirmed'?: (event: PxmBookingConfirmedEvent) => void;
    'onpxm-booking-rescheduled'?: (event: PxmBookingRescheduledEvent) => void;
    'onpxm-booking-cancelled'?: (event: PxmBookingCancelledEvent) => void;
    'onpxm-booking-attendance-confirmed'?: (event: PxmBookingAttendanceConfirmedEvent) => void;
    'onpxm-waitlist-joined'?: (event: PxmWaitlistJoinedEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

/** Multi-page patient intake with autosave, consent, e-signature and outcome measures. */
export type PxmIntakeFormJsxProps = PxmJsxProps<
  PxmIntakeForm,
  'token' | 'definition' | 'autosaveDelay' | 'headingLevel' | 'answers' | 'adapter' | 'locale' | 'timeZone' | 'theme',
  'autosave-delay' | 'heading-level' | 'time-zone',
  {
    'onpxm-intake-draft-saved'?: (event: PxmIntakeDraftSavedEvent) => void;
    'onpxm-intake-submitted'?: (event: PxmIntakeSubmittedEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

/** Home exercise program: today's exercises, logging, adherence, offline, print. */
export type PxmHepViewerJsxProps = PxmJsxProps<
  PxmHepViewer,
  'token' | 'view' | 'painThreshold' | 'saveData' | 'offlineQueue' | 'reminderTimes' | 'painAlertCallback' | 'adapter' | 'locale' | 'timeZone' | 'theme',
  'pain-threshold' | 'save-data' | 'offline-queue' | 'reminder-times' | 'time-zone',
  {
    'onpxm-hep-activity-logged'?: (event: PxmHepActivityLoggedEvent) => void;
    'onpxm-hep-reminder-request'?: (event: PxmHepReminderRequestEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

/** NPS and satisfaction survey with an honest review prompt. */
export type PxmSurveyJsxProps = PxmJsxProps<
  PxmSurvey,
  'token' | 'offlineQueue' | 'adapter' | 'locale' | 'timeZone' | 'theme',
  'offline-queue' | 'time-zone',
  {
    'onpxm-survey-submitted'?: (event: PxmSurveySubmittedEvent) => void;
    'onpxm-survey-review-click'?: (event: PxmSurveyReviewClickEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

/** Goals and outcome measures over an episode of care, with what is due and a printable summary. */
export type PxmProgressJsxProps = PxmJsxProps<
  PxmProgress,
  'token' | 'adapter' | 'locale' | 'timeZone' | 'theme',
  'time-zone',
  {
    'onpxm-progress-goal-rated'?: (event: PxmProgressGoalRatedEvent) => void;
    'onpxm-progress-measure-taken'?: (event: PxmProgressMeasureTakenEvent) => void;
    'onpxm-progress-print'?: (event: PxmProgressPrintEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

/** A referral form for physicians' offices, answered with a quotable reference. */
export type PxmReferralJsxProps = PxmJsxProps<
  PxmReferral,
  'adapter' | 'locale' | 'timeZone' | 'theme',
  'time-zone',
  {
    'onpxm-referral-submitted'?: (event: PxmReferralSubmittedEvent) => void;
    'onpxm-error'?: (event: PxmErrorEvent) => void;
  }
>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'pxm-provider': PxmProviderJsxProps;
      'pxm-booking': PxmBookingJsxProps;
      'pxm-intake-form': PxmIntakeFormJsxProps;
      'pxm-hep-viewer': PxmHepViewerJsxProps;
      'pxm-survey': PxmSurveyJsxProps;
      'pxm-progress': PxmProgressJsxProps;
      'pxm-referral': PxmReferralJsxProps;
    }
  }
}
