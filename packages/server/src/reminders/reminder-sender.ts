/** Where due messages go: an SMS or email service. The outbox hands each one over once it is due. */
import type { ReminderChannel } from '@pxm/core/booking';
import type { MessageLanguage, MessageStep } from './message-templates.js';
import type { MessageKind } from './rules/consent-standing.js';

export interface ReminderMessage {
  /** Stable per message: a receiver can drop duplicates on it. */
  id: string;
  channel: ReminderChannel;
  /** A visit reminder, or another care message (a journey step). */
  kind: MessageKind;
  step: MessageStep;
  language: MessageLanguage;
  /** Phone number (sms) or email address (email). */
  to: string;
  /** Minutes before the visit this reminder is for (0 for journey steps). */
  offsetMinutes: number;
  patientFirstName?: string;
  /** The patient's link to view, reschedule or cancel. */
  manageToken: string;
  /** The link the message carries: the manage link, or the intake, program or survey link. */
  link?: string;
  /** Email only: where one click stops these emails. */
  unsubscribeUrl?: string;
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

/** What a provider said when it took the message. */
export interface SendReceipt {
  providerMessageId?: string;
  /** `queued` or `sent` (SMTP accepted); later states arrive by callback. */
  deliveryStatus?: 'queued' | 'sent';
}

/**
 * How a send failed. `retry`: the provider refused it for now and has not taken it (try again
 * later). `permanent`: it never will (a bad address: `undeliverable` marks it). `unknown`: the
 * provider may have taken it (a timeout after the request went out); it is never sent again,
 * because a second copy is worse than a missing one, and a delivery callback may still settle it.
 */
export class MessageSendError extends Error {
  readonly outcome: 'retry' | 'permanent' | 'unknown';
  readonly undeliverable: boolean;
  constructor(message: string, outcome: 'retry' | 'permanent' | 'unknown', options: { undeliverable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MessageSendError';
    this.outcome = outcome;
    this.undeliverable = options.undeliverable ?? false;
  }
}

export interface ReminderSender {
  readonly name: string;
  /**
   * Resolves once the message is accepted; rejects to have the outbox retry later (a plain error,
   * or a `MessageSendError` that says whether to retry).
   */
  send(message: ReminderMessage, signal: AbortSignal): Promise<void | SendReceipt>;
  /**
   * True when whoever receives this message drops a second copy by its `id` (the signed webhook
   * sends it as the Idempotency-Key). Such a message is sent again after a sender died mid-send:
   * exactly once in effect. Otherwise (SMS, email) a message handed over is never sent again.
   */
  dropsDuplicates?(message: ReminderMessage): boolean;
}
