/**
 * What the patient said about SMS and email reminders, as one Consent per channel: an active
 * privacy consent whose provision permits (opt-in) or denies (opt-out) that channel, dated when
 * the patient answered.
 */
import type { ReminderConsent } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { token } from '../fhir/elements.js';
import { LOINC_PATIENT_CONSENT, REQUEST_KEY_IDENTIFIER, REMINDER_CHANNEL_CODE_SYSTEM, CONSENT_SCOPE_SYSTEM, LOINC_SYSTEM, ACT_CODE_SYSTEM } from '../fhir/namespace.js';
import type { Consent } from '../fhir/types.js';

export function reminderConsentKey(requestKey: string, channel: string): string {
  return `${requestKey}:${channel}`;
}

export function toReminderConsent(consent: ReminderConsent, patientId: string, requestKey: string): Consent {
  return {
    resourceType: 'Consent',
    identifier: [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: reminderConsentKey(requestKey, consent.channel) }],
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [
      { coding: [{ system: LOINC_SYSTEM, code: LOINC_PATIENT_CONSENT, display: 'Patient Consent' }] },
      { text: `Appointment reminders by ${consent.channel === 'sms' ? 'text message' : 'email'}` },
    ],
    patient: { reference: `Patient/${patientId}` },
    dateTime: consent.recordedAt,
    policyRule: { coding: [{ system: ACT_CODE_SYSTEM, code: consent.granted ? 'OPTIN' : 'OPTOUT' }] },
    provision: {
      type: consent.granted ? 'permit' : 'deny',
      code: [{ coding: [{ system: REMINDER_CHANNEL_CODE_SYSTEM, code: consent.channel }] }],
    },
  };
}

/** Creates the patient's reminder Consents, each once per request key and channel (`If-None-Exist`). */
export function createReminderConsents(ctx: FhirContext, consents: readonly ReminderConsent[], patientId: string, requestKey: string, operation: string, signal?: AbortSignal): Array<Promise<unknown>> {
  return consents.map((consent) =>
    ctx.client.create(operation, toReminderConsent(consent, patientId, requestKey), {
      ifNoneExist: { identifier: token(REQUEST_KEY_IDENTIFIER, reminderConsentKey(requestKey, consent.channel)) },
      signal,
    }),
  );
}
