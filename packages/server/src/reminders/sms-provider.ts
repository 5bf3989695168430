/**
 * An SMS provider, as the outbox and the callback routes see one: send a text, and tell a real
 * callback (delivery status, inbound message) from a forged one. One implementation ships
 * (twilio-provider.ts); another provider fits behind the same interface.
 */

export interface SmsSendRequest {
  to: string;
  body: string;
  /** The outbox id: carried in the status callback URL so each report finds its message. */
  messageId: string;
  /** Where the provider reports delivery status for this message. */
  statusCallbackUrl?: string;
}

export interface SmsSendResult {
  providerMessageId: string;
  status: 'queued' | 'sent';
}

/** Delivery states as this server keeps them, whatever the provider calls them. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'undeliverable';

export interface SmsStatusReport {
  providerMessageId: string;
  status: DeliveryStatus;
  /** The provider's error code, when it gave one. */
  errorCode?: string;
  /** The number itself cannot take messages (landline, unknown, blocked): stop writing to it. */
  numberUnreachable: boolean;
}

export interface SmsInbound {
  providerMessageId: string;
  from: string;
  body: string;
}

export interface SmsProvider {
  readonly name: string;
  send(request: SmsSendRequest, signal: AbortSignal): Promise<SmsSendResult>;
  /** True only when the callback's signature proves it came from the provider. */
  verifyCallback(url: string, params: Readonly<Record<string, string>>, headers: { get(name: string): string | null | undefined }): boolean;
  parseStatus(params: Readonly<Record<string, string>>): SmsStatusReport | undefined;
  parseInbound(params: Readonly<Record<string, string>>): SmsInbound | undefined;
  /** The HTTP reply to an inbound message that answers the patient with `text` (or nothing). */
  inboundReply(text: string | undefined): { contentType: string; body: string };
}
