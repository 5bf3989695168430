/**
 * SMS through Twilio's official SDK. `apiBaseUrl` points the SDK elsewhere (the tests' stand-in
 * of the Messages endpoint); in production it is left out.
 */
import twilio from 'twilio';
import type SdkRequestClientType from 'twilio/lib/base/RequestClient.js';
import { MessageSendError } from './reminder-sender.js';
import type { DeliveryStatus, SmsProvider, SmsSendRequest, SmsSendResult } from './sms-provider.js';
import { verifyTwilioSignature } from './twilio-signature.js';

export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164), or use `messagingServiceSid`. */
  from?: string;
  messagingServiceSid?: string;
  /** Another origin for the REST API (a local stand-in in tests). */
  apiBaseUrl?: string;
  timeoutMs?: number;
}

const SdkRequestClient = twilio.RequestClient;

/** Routes every SDK request to `base` instead of api.twilio.com, keeping path and query. */
class RedirectingRequestClient extends SdkRequestClient {
  private readonly base: URL;
  constructor(base: URL, options: ConstructorParameters<typeof SdkRequestClient>[0]) {
    super(options);
    this.base = base;
  }
  override request<TData>(options: SdkRequestClientType.RequestOptions<TData>) {
    const target = new URL(options.uri);
    return super.request<TData>({ ...options, uri: `${this.base.origin}${target.pathname}${target.search}` });
  }
}

const STATUS: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'undeliverable',
  canceled: 'failed',
};

/** Error codes that mean the number itself is no good (unknown, landline, blocked, opted out at the carrier). */
const UNREACHABLE_CODES = new Set(['30003', '30005', '30006', '30004', '21610', '21211', '21614']);
/** REST errors on create that will not change on a retry. */
const PERMANENT_CREATE_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614]);

export function createTwilioProvider(options: TwilioProviderOptions): SmsProvider {
  if (!options.from && !options.messagingServiceSid) throw new Error('The SMS provider needs a sending number (from) or a messaging service.');
  const httpClient = options.apiBaseUrl ? new RedirectingRequestClient(new URL(options.apiBaseUrl), { timeout: options.timeoutMs ?? 15_000 }) : undefined;
  const client = twilio(options.accountSid, options.authToken, { ...(httpClient ? { httpClient } : {}), timeout: options.timeoutMs ?? 15_000 });
  return {
    name: 'twilio',
    async send(request: SmsSendRequest, signal: AbortSignal): Promise<SmsSendResult> {
      signal.throwIfAborted();
      try {
        const created = await client.messages.create({
          to: request.to,
          body: request.body,
          ...(options.messagingServiceSid ? { messagingServiceSid: options.messagingServiceSid } : { from: options.from! }),
          ...(request.statusCallbackUrl ? { statusCallback: request.statusCallbackUrl } : {}),
        });
        return { providerMessageId: created.sid, status: created.status === 'sent' ? 'sent' : 'queued' };
      } catch (error) {
        const detail = error as { status?: number; code?: number; message?: string };
        const text = `SMS provider: ${detail.message ?? String(error)}`.slice(0, 300);
        if (detail.status === undefined) {
          // No HTTP answer: the request may or may not have reached the provider.
          throw new MessageSendError(text, 'unknown', { cause: error });
        }
        if (detail.status === 429 || detail.status >= 500) throw new MessageSendError(text, 'retry', { cause: error });
        throw new MessageSendError(text, 'permanent', { undeliverable: detail.code !== undefined && PERMANENT_CREATE_CODES.has(detail.code), cause: error });
      }
    },
    verifyCallback: (url, params, headers) => verifyTwilioSignature(options.authToken, url, params, headers.get('x-twilio-signature')),
    parseStatus(params) {
      const status = STATUS[params.MessageStatus ?? params.SmsStatus ?? ''];
      if (!params.MessageSid || !status) return undefined;
      const errorCode = params.ErrorCode || undefined;
      return { providerMessageId: params.MessageSid, status, ...(errorCode ? { errorCode } : {}), numberUnreachable: errorCode !== undefined && UNREACHABLE_CODES.has(errorCode) };
    },
    parseInbound(params) {
      if (!params.MessageSid || !params.From || params.Body === undefined) return undefined;
      return { providerMessageId: params.MessageSid, from: params.From, body: params.Body };
    },
    inboundReply(text) {
      // TwiML: the provider sends the <Message> back to the patient.
      const escaped = (text ?? '').replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
      return { contentType: 'text/xml', body: `<?xml version="1.0" encoding="UTF-8"?><Response>${text ? `<Message>${escaped}</Message>` : ''}</Response>` };
    },
  };
}
