/**
 * Faxes to referrers through Phaxio's v2.1 API: `POST /v2.1/faxes` as multipart/form-data with
 * `to`, `file` (the PDF) and `callback_url`, authenticated with HTTP Basic `api_key:api_secret`;
 * it answers `{ success, message, data: { id } }`. The fax's outcome arrives later at
 * `callback_url` (this server's `/webhooks/fax/status`, signed like every Phaxio callback), which
 * names the same id. A status message without a document goes out as a one-page text PDF; a plan of
 * care goes as it is, with the referral named in Phaxio's page header (`header_text`).
 *
 * Phaxio takes no idempotency key, so each fax carries it as a tag (`tag[pxm_transmission]`) and a
 * send first asks for a fax with that tag: a retry after a lost answer finds the fax already sent
 * and answers its id instead of dialling the referrer twice.
 */
import type { FaxSender, OutboundMessage, OutboundReceipt } from './outbound-channels.js';
import { OutboundSendError } from './outbound-channels.js';
import { textPagePdf } from './notice-pdf.js';

export const PHAXIO_API_URL = 'https://api.phaxio.com';
export const TRANSMISSION_TAG = 'pxm_transmission';

export interface PhaxioFaxSenderOptions {
  apiKey: string;
  apiSecret: string;
  /** Where Phaxio posts the sent fax's outcome: `<public URL>/webhooks/fax/status`. */
  callbackUrl: string;
  /** Default `https://api.phaxio.com` (a stand-in's address in tests). */
  apiBaseUrl?: string;
  fetch?: typeof fetch;
  /** Per request. Default 30 s (an upload of a many-page plan of care). */
  timeoutMs?: number;
}

interface PhaxioReply {
  success?: boolean;
  data?: unknown;
}

/** The outcome of an HTTP status, as a code the outbox records. */
function failureOf(status: number): OutboundSendError {
  if (status === 401 || status === 403) return new OutboundSendError('fax_unauthorized');
  // 422: Phaxio refuses the fax itself (a number it cannot dial, a file it cannot render).
  if (status === 422 || status === 400) return new OutboundSendError('fax_rejected', { permanent: true });
  if (status === 429) return new OutboundSendError('fax_rate_limited');
  return new OutboundSendError('fax_unavailable');
}

export function createPhaxioFaxSender(options: PhaxioFaxSenderOptions): FaxSender {
  const base = (options.apiBaseUrl ?? PHAXIO_API_URL).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString('base64')}`;
  const call = async (path: string, init: RequestInit): Promise<PhaxioReply> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new OutboundSendError('fax_network', { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw failureOf(response.status);
    }
    const reply = (await response.json().catch(() => ({}))) as PhaxioReply;
    if (reply.success !== true) throw new OutboundSendError('fax_rejected', { permanent: true });
    return reply;
  };

  /**
   * A fax this transmission already started (its answer was lost), unless that one failed.
   * Phaxio lists a week back by default: longer than the outbox's whole backoff.
   */
  const alreadySent = async (idempotencyKey: string): Promise<string | undefined> => {
    const query = new URLSearchParams({ direction: 'sent', [`tag[${TRANSMISSION_TAG}]`]: idempotencyKey, per_page: '1' });
    const reply = await call(`/v2.1/faxes?${query}`, { method: 'GET' });
    const found = Array.isArray(reply.data) ? (reply.data[0] as { id?: unknown; status?: unknown } | undefined) : undefined;
    if (!found || (typeof found.id !== 'number' && typeof found.id !== 'string') || found.status === 'failure') return undefined;
    return String(found.id);
  };

  return {
    async sendFax(message: OutboundMessage): Promise<OutboundReceipt> {
      const earlier = await alreadySent(message.idempotencyKey);
      if (earlier) return { providerMessageId: earlier };
      const form = new FormData();
      form.append('to', message.to);
      form.append('callback_url', options.callbackUrl);
      form.append(`tag[${TRANSMISSION_TAG}]`, message.idempotencyKey);
      // One file: the plan of care under a page header naming the referral, or the status text as a page.
      form.append('header_text', message.subject.slice(0, 50));
      const file = message.document ?? { filename: 'status.pdf', contentType: 'application/pdf' as const, bytes: textPagePdf(`${message.subject}\n\n${message.text}`) };
      form.append('file', new Blob([Buffer.from(file.bytes)], { type: file.contentType }), file.filename);
      const reply = await call('/v2.1/faxes', { method: 'POST', body: form });
      const id = (reply.data as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'number' && typeof id !== 'string') throw new OutboundSendError('fax_no_id');
      return { providerMessageId: String(id) };
    },
  };
}
