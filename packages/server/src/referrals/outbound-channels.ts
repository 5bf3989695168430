/**
 * Where messages to a referrer leave the server: one small interface per channel, so the fax,
 * Direct and email senders of the reminders work can be wired in without touching the inbox.
 * A sender answers with the provider's message id (the delivery callback names it) or throws.
 */
export interface OutboundDocument {
  filename: string;
  contentType: 'application/pdf';
  bytes: Uint8Array;
}

export interface OutboundMessage {
  /** Fax number, Direct address or email address. */
  to: string;
  subject: string;
  text: string;
  document?: OutboundDocument;
  /** Stable per transmission: a provider that deduplicates on it sends a retried job once. */
  idempotencyKey: string;
}

/**
 * A send that did not go: `code` is what the outbox records (never the provider's message, which
 * may quote the recipient); `permanent` ends the transmission at once (a number the provider
 * refuses will not be taken on the fifth try either), otherwise it is retried with backoff.
 */
export class OutboundSendError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  constructor(code: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(code, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'OutboundSendError';
    this.code = code;
    this.permanent = options.permanent ?? false;
  }
}

export interface OutboundReceipt {
  providerMessageId: string;
}

export interface FaxSender {
  sendFax(message: OutboundMessage): Promise<OutboundReceipt>;
}

export interface DirectSender {
  sendDirect(message: OutboundMessage): Promise<OutboundReceipt>;
}

export interface EmailSender {
  sendEmail(message: OutboundMessage): Promise<OutboundReceipt>;
}

/** The channels configured; a transmission whose channel is absent waits (pending) until one is. */
export interface ReferralChannels {
  fax?: FaxSender;
  direct?: DirectSender;
  email?: EmailSender;
}
