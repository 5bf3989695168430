/**
 * Checks what the patient typed before anything is sent, with the same schemas the backend
 * applies, and turns the draft into contract requests.
 */
import { EmailSchema, LocalDateSchema, PhoneSchema } from '@pxm/core';
import type { Coverage, PatientDetails, ReminderConsent } from '@pxm/core/booking';
import type { FlowHost } from './booking-flow-host.js';
import type { DetailsDraft, DraftField } from './booking-state.js';

/** Error message keys by field; empty when the draft is complete. */
export type DraftErrors = Partial<Record<DraftField, 'errRequired' | 'errEmail' | 'errPhone' | 'errDob' | 'errContact' | 'errCoverage'>>;

function isPastDate(value: string, today: string): boolean {
  return LocalDateSchema.safeParse(value).success && value >= '1900-01-01' && value < today;
}

/** `withCoverage` is false for the waitlist, which asks no insurance questions. */
export function validateDraft(draft: DetailsDraft, today: string, withCoverage = true): DraftErrors {
  const errors: DraftErrors = {};
  const need = (field: DraftField) => {
    if (!String(draft[field]).trim()) errors[field] = 'errRequired';
  };
  need('kind');
  if (draft.kind === 'new') need('firstName');
  need('lastName');
  if (!draft.dateOfBirth) errors.dateOfBirth = 'errRequired';
  else if (!isPastDate(draft.dateOfBirth, today)) errors.dateOfBirth = 'errDob';
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  if (phone && !PhoneSchema.safeParse(phone).success) errors.phone = 'errPhone';
  if (email && !EmailSchema.safeParse(email).success) errors.email = 'errEmail';
  if (draft.kind === 'new') {
    if (!phone) errors.phone = 'errRequired';
    if (!email) errors.email = 'errRequired';
  } else if (draft.kind === 'returning' && !phone && !email) {
    errors.phone = 'errContact';
  }
  if (withCoverage) {
    // A choice, not a text field: the message says what to choose.
    if (!draft.coverage) errors.coverage = 'errCoverage';
    if (draft.coverage === 'insurance') {
      need('payerName');
      need('memberId');
      if (draft.relationship !== 'self') {
        need('subscriberName');
        if (!draft.subscriberDateOfBirth) errors.subscriberDateOfBirth = 'errRequired';
        else if (!isPastDate(draft.subscriberDateOfBirth, today)) errors.subscriberDateOfBirth = 'errDob';
      }
    }
  }
  return errors;
}

export function patientFrom(draft: DetailsDraft): PatientDetails {
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  if (draft.kind === 'returning') {
    return {
      kind: 'returning',
      lastName: draft.lastName.trim(),
      dateOfBirth: draft.dateOfBirth,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    };
  }
  return {
    kind: 'new',
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    dateOfBirth: draft.dateOfBirth,
    phone,
    email,
    ...(draft.reason.trim() ? { reasonForVisit: draft.reason.trim() } : {}),
    ...(draft.referral ? { referralSource: draft.referral } : {}),
  };
}

export function coverageFrom(draft: DetailsDraft): Coverage | undefined {
  if (draft.coverage === 'self-pay') return { kind: 'self-pay' };
  if (draft.coverage !== 'insurance') return undefined;
  const group = draft.groupNumber.trim();
  return {
    kind: 'insurance',
    payerName: draft.payerName.trim(),
    memberId: draft.memberId.trim(),
    ...(group ? { groupNumber: group } : {}),
    relationship: draft.relationship,
    ...(draft.relationship === 'self'
      ? {}
      : { subscriberName: draft.subscriberName.trim(), subscriberDateOfBirth: draft.subscriberDateOfBirth }),
  };
}

/**
 * The consent wording the patient reads (`consentText`): what is sent, how often, how to stop.
 * A new wording gets a new version; the server's consent ledger keeps the version each patient
 * agreed to, and knows which kinds of message it names (reminders and care links).
 */
export const REMINDER_CONSENT_WORDING_VERSION = 'booking-2027-03';
/** The waitlist's own wording (`waitlistConsent`): word that a time opened, nothing else. */
export const WAITLIST_CONSENT_WORDING_VERSION = 'waitlist-2027-03';

/** Both channels are recorded, granted or not, with the moment the patient decided, the wording, its language and the patient's zone. */
export function consentsFrom(
  draft: DetailsDraft,
  nowIso: string,
  reader: { locale?: string; timeZone?: string } = {},
  wordingVersion = REMINDER_CONSENT_WORDING_VERSION,
): ReminderConsent[] {
  const language = (reader.locale ?? 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  // The patient's zone lets the practice keep to quiet hours on the patient's own clock.
  const wording = { wordingVersion, language, ...(reader.timeZone ? { timeZone: reader.timeZone } : {}) } as const;
  return [
    { channel: 'sms', granted: draft.remindSms, recordedAt: draft.remindSmsAt || nowIso, ...wording },
    { channel: 'email', granted: draft.remindEmail, recordedAt: draft.remindEmailAt || nowIso, ...wording },
  ];
}

/** The patient and their consents as a booking or waitlist request carries them, in the patient's language and zone. */
export function patientRequest(host: Pick<FlowHost, 'state' | 'messages' | 'zones'>, wordingVersion?: string): { patient: PatientDetails; consents: ReminderConsent[] } {
  const draft = host.state.draft;
  return { patient: patientFrom(draft), consents: consentsFrom(draft, new Date().toISOString(), { locale: host.messages.locale, timeZone: host.zones.patientZone }, wordingVersion) };
}
