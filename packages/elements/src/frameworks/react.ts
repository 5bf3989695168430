// Generated from custom-elements.json by `pnpm manifest`. Do not edit: edit the element JSDoc.
/**
 * React components for the elements (`@lit/react`), for React 18 and earlier, which pass
 * everything as attributes and cannot listen to custom events. Importing this registers the
 * elements. Event props are `on` + the event name in PascalCase:
 * `<PxmBooking location="denver-highlands" onPxmBookingConfirmed={(e) => e.detail.appointmentId} />`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PxmProvider as PxmProviderElement } from '../provider/provider.js';
import { PxmBooking as PxmBookingElement } from '../booking/booking.js';
import { PxmIntakeForm as PxmIntakeFormElement } from '../intake-form/intake-form.js';
import { PxmHepViewer as PxmHepViewerElement } from '../hep-viewer/hep-viewer.js';
import { PxmSurvey as PxmSurveyElement } from '../survey/survey.js';
import { PxmProgress as PxmProgressElement } from '../progress/progress.js';
import { PxmReferral as PxmReferralElement } from '../referral/referral.js';
import type { PxmBookingAttendanceConfirmedEvent, PxmBookingBeforeConfirmEvent, PxmBookingCancelledEvent, PxmBookingConfirmedEvent, PxmBookingRescheduledEvent, PxmWaitlistJoinedEvent } from '../booking/booking.events.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import type { PxmHepActivityLoggedEvent, PxmHepReminderRequestEvent } from '../hep-viewer/hep-viewer.events.js';
import type { PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent } from '../intake-form/intake-form.events.js';
import type { PxmProgressGoalRatedEvent, PxmProgressMeasureTakenEvent, PxmProgressPrintEvent } from '../progress/progress.events.js';
import type { PxmReferralSubmittedEvent } from '../referral/referral.events.js';
import type { PxmSurveyReviewClickEvent, PxmSurveySubmittedEvent } from '../survey/survey.events.js';
import '../define/pxm-provider.js';
import '../define/pxm-booking.js';
import '../define/pxm-intake-form.js';
import '../define/pxm-hep-viewer.js';
import '../define/pxm-survey.js';
import '../define/pxm-progress.js';
import '../define/pxm-referral.js';

/** `<pxm-provider>`: Shares the adapter, locale and time zone with descendant PXM elements. */
export const PxmProvider = createComponent({
  react: React,
  tagName: 'pxm-provider',
  elementClass: PxmProviderElement,
  displayName: 'PxmProvider',
});

/** `<pxm-booking>`: Book, reschedule or cancel a therapy visit; join the waitlist; book a plan-of-care series. */
export const PxmBooking = createComponent({
  react: React,
  tagName: 'pxm-booking',
  elementClass: PxmBookingElement,
  displayName: 'PxmBooking',
  events: {
    onPxmBookingBeforeConfirm: 'pxm-booking-before-confirm' as EventName<PxmBookingBeforeConfirmEvent>,
    onPxmBookingConfirmed: 'pxm-booking-confirmed' as EventName<PxmBookingConfirmedEvent>,
    onPxmBookingRescheduled: 'pxm-booking-rescheduled' as EventName<PxmBookingRescheduledEvent>,
    onPxmBookingCancelled: 'pxm-booking-cancelled' as EventName<PxmBookingCancelledEvent>,
    onPxmBookingAttendanceConfirmed: 'pxm-booking-attendance-confirmed' as EventName<PxmBookingAttendanceConfirmedEvent>,
    onPxmWaitlistJoined: 'pxm-waitlist-joined' as EventName<PxmWaitlistJoinedEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});

/** `<pxm-intake-form>`: Multi-page patient intake with autosave, consent, e-signature and outcome measures. */
export const PxmIntakeForm = createComponent({
  react: React,
  tagName: 'pxm-intake-form',
  elementClass: PxmIntakeFormElement,
  displayName: 'PxmIntakeForm',
  events: {
    onPxmIntakeDraftSaved: 'pxm-intake-draft-saved' as EventName<PxmIntakeDraftSavedEvent>,
    onPxmIntakeSubmitted: 'pxm-intake-submitted' as EventName<PxmIntakeSubmittedEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});

/** `<pxm-hep-viewer>`: Home exercise program: today's exercises, logging, adherence, offline, print. */
export const PxmHepViewer = createComponent({
  react: React,
  tagName: 'pxm-hep-viewer',
  elementClass: PxmHepViewerElement,
  displayName: 'PxmHepViewer',
  events: {
    onPxmHepActivityLogged: 'pxm-hep-activity-logged' as EventName<PxmHepActivityLoggedEvent>,
    onPxmHepReminderRequest: 'pxm-hep-reminder-request' as EventName<PxmHepReminderRequestEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});

/** `<pxm-survey>`: NPS and satisfaction survey with an honest review prompt. */
export const PxmSurvey = createComponent({
  react: React,
  tagName: 'pxm-survey',
  elementClass: PxmSurveyElement,
  displayName: 'PxmSurvey',
  events: {
    onPxmSurveySubmitted: 'pxm-survey-submitted' as EventName<PxmSurveySubmittedEvent>,
    onPxmSurveyReviewClick: 'pxm-survey-review-click' as EventName<PxmSurveyReviewClickEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});

/** `<pxm-progress>`: Goals and outcome measures over an episode of care, with what is due and a printable summary. */
export const PxmProgress = createComponent({
  react: React,
  tagName: 'pxm-progress',
  elementClass: PxmProgressElement,
  displayName: 'PxmProgress',
  events: {
    onPxmProgressGoalRated: 'pxm-progress-goal-rated' as EventName<PxmProgressGoalRatedEvent>,
    onPxmProgressMeasureTaken: 'pxm-progress-measure-taken' as EventName<PxmProgressMeasureTakenEvent>,
    onPxmProgressPrint: 'pxm-progress-print' as EventName<PxmProgressPrintEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});

/** `<pxm-referral>`: A referral form for physicians' offices, answered with a quotable reference. */
export const PxmReferral = createComponent({
  react: React,
  tagName: 'pxm-referral',
  elementClass: PxmReferralElement,
  displayName: 'PxmReferral',
  events: {
    onPxmReferralSubmitted: 'pxm-referral-submitted' as EventName<PxmReferralSubmittedEvent>,
    onPxmError: 'pxm-error' as EventName<PxmErrorEvent>,
  },
});
