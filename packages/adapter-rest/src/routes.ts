/**
 * Every contract operation and the HTTP request it becomes, in the OpenAPI document's path
 * syntax (docs/api/openapi.yaml). Every one is safe to retry: by a stored idempotency key, a
 * version precondition, a client-made id, or because it changes nothing twice.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `METHOD /path`, e.g. `GET /booking/practice`. */
export type RestRoute = `${HttpMethod} /${string}`;

export const REST_ROUTES = {
  'booking.getPractice': 'GET /booking/practice',
  'booking.listLocations': 'GET /booking/locations',
  'booking.listAppointmentTypes': 'GET /booking/appointment-types',
  'booking.listProviders': 'GET /booking/providers',
  'booking.findSlots': 'GET /booking/slots',
  'booking.holdSlot': 'POST /booking/holds',
  'booking.renewHold': 'POST /booking/holds/{holdId}/renewal',
  'booking.releaseHold': 'DELETE /booking/holds/{holdId}',
  'booking.book': 'POST /booking/appointments',
  'booking.getAppointment': 'GET /booking/appointments/{manageToken}',
  'booking.cancelAppointment': 'POST /booking/appointments/{manageToken}/cancellation',
  'booking.confirmAppointment': 'POST /booking/appointments/{manageToken}/confirmation',
  'booking.rescheduleAppointment': 'POST /booking/appointments/{manageToken}/reschedule',
  'booking.joinWaitlist': 'POST /booking/waitlist',
  'booking.verifyEligibility': 'POST /booking/eligibility',
  'booking.getReferralContext': 'GET /booking/referral-context/{token}',
  'intake.loadForm': 'GET /intake/{token}',
  'intake.saveDraft': 'PUT /intake/{token}/draft',
  'intake.uploadAttachment': 'POST /intake/{token}/attachments',
  'intake.submit': 'POST /intake/{token}/submission',
  'hep.loadProgram': 'GET /hep/{token}',
  'hep.logActivity': 'POST /hep/{token}/activity',
  'hep.listActivity': 'GET /hep/{token}/activity',
  'survey.loadInvitation': 'GET /survey/{token}',
  'survey.savePartial': 'PATCH /survey/{token}/answers',
  'survey.submit': 'POST /survey/{token}/response',
  'survey.sendFeedback': 'POST /survey/{token}/feedback',
  'progress.loadProgress': 'GET /progress/{token}',
  'progress.rateGoal': 'POST /progress/{token}/goal-ratings',
  'referral.submitReferral': 'POST /referrals',
  'referral.uploadReferralAttachment': 'POST /referrals/attachments',
} as const satisfies Record<string, RestRoute>;

export type RestOperation = keyof typeof REST_ROUTES;

export function methodOf(operation: RestOperation): HttpMethod {
  return REST_ROUTES[operation].split(' ')[0] as HttpMethod;
}

/** The route's path with its `{placeholders}` filled in, each value percent-encoded. */
export function pathOf(operation: RestOperation, params: Record<string, string> = {}): string {
  return REST_ROUTES[operation].split(' ')[1]!.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
