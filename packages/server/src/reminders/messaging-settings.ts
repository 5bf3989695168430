/** How this server reaches patients: shared by the outbox, the callback routes and the admin API. */
import type { FormDefinition } from '@pxm/core/forms';
import type { LinkTemplates } from './message-links.js';
import type { FrequencyCaps } from './rules/frequency-caps.js';
import type { SendingWindow } from './rules/quiet-hours.js';
import type { MessageChannel } from './rules/consent-standing.js';
import type { SmsProvider } from './sms-provider.js';

/** What the practice's own systems are told (by the signed webhook): ids, codes and times only. */
export type PracticeEvent =
  | { kind: 'appointment.confirmed'; appointmentId: string; confirmedAt: string; via: 'sms' | 'manage-link' | 'staff' }
  | { kind: 'contact.undeliverable'; patientId: string; channel: MessageChannel; messageId: string }
  | { kind: 'reply.queued'; replyId: string; patientId?: string };

export interface JourneySettings {
  /** Appointment types whose booking sends the intake link: type id -> the form to fill. */
  intakeFormByAppointmentType: Readonly<Record<string, FormDefinition>>;
  /** How long before the visit the intake link goes out. Default 3 days. */
  intakeLeadMinutes: number;
  /** How long before the visit the nudge goes out when the forms are not in. Default 1 day. */
  nudgeLeadMinutes: number;
}

export interface MessagingSettings {
  /** This server's public origin, for provider callbacks and unsubscribe links. */
  publicUrl?: string;
  links: LinkTemplates;
  window?: SendingWindow;
  caps?: FrequencyCaps;
  journey: JourneySettings;
  /** The SMS provider whose callbacks this server accepts (none: the callback routes answer 404). */
  sms?: SmsProvider;
  notifyPractice(event: PracticeEvent): Promise<void>;
}

export const DEFAULT_JOURNEY: JourneySettings = { intakeFormByAppointmentType: {}, intakeLeadMinutes: 3 * 24 * 60, nudgeLeadMinutes: 24 * 60 };
