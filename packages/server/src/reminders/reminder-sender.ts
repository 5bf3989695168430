/** Where due reminders go: an SMS or email service. The outbox hands each one over once it is due. */
import type { ReminderChannel } from '@pxm/core/booking';

export interface ReminderMessage {
  /** Stable per reminder: a receiver can drop duplicates on it. */
  id: string;
  channel: ReminderChannel;
  /** Phone number (sms) or email address (email). */
  to: string;
  /** Minutes before the visit this reminder is for. */
  offsetMinutes: number;
  patientFirstName?: string;
  /** The patient's link to view, reschedule or cancel. */
  manageToken: string;
  appointment: {
    id: string;
    start: string;
    end: string;
    timeZone: string;
    locationName: string;
    locationAddress: string;
    providerName: string;
    appointmentTypeName: string;
    modality: string;
  };
  practice: { name: string; phone?: string };
}

export interface ReminderSender {
  readonly name: string;
  /** Resolves once the message is accepted; rejects to have the outbox retry later. */
  send(message: ReminderMessage, signal: AbortSignal): Promise<void>;
}
