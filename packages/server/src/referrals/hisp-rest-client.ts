/**
 * The HISP's REST API over fetch, in the shape most HISP REST APIs share:
 * - `POST <base>/messages` with a JSON body `{ from, to, subject, text, attachments: [{ filename,
 *   contentType, content (base64) }] }`, `Authorization: Bearer <token>` and `Idempotency-Key`
 *   (the HISP answers a repeated key with the first message's id and sends nothing new);
 *   it answers `{ messageId }`. The delivery notification (MDN processed / dispatched, or a
 *   failure) comes later to this server's signed `/webhooks/direct/status`.
 * - `GET <base>/inbox?limit=N`: messages received and not yet acknowledged, oldest first, each in
 *   the webhook's shape; `POST <base>/inbox/<messageId>/ack` takes one off that list. A practice
 *   whose HISP has no webhook polls these (direct-inbox-poll.ts).
 */
import * as z from 'zod/mini';
import { HispInboundMessageSchema, type HispClient, type HispInboundMessage } from './direct-hisp.js';
import { OutboundSendError } from './outbound-channels.js';

export interface HispRestClientOptions {
  /** The API root, e.g. `https://api.hisp.example/v1`. */
  baseUrl: string;
  /** The bearer token the HISP issued to the practice. */
  token: string;
  fetch?: typeof fetch;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
}

/** Polling a HISP's inbox, for a practice whose HISP offers no webhook. */
export interface HispInbox {
  listInbox(limit: number): Promise<HispInboundMessage[]>;
  acknowledge(messageId: string): Promise<void>;
}

const SentSchema = z.object({ messageId: z.string().check(z.minLength(1), z.maxLength(200)) });
const InboxPageSchema = z.object({ messages: z.array(HispInboundMessageSchema).check(z.maxLength(100)) });

function failureOf(status: number): OutboundSendError {
  if (status === 401 || status === 403) return new OutboundSendError('hisp_unauthorized');
  // The HISP refuses the message itself (an address it cannot route, an attachment too large).
  if (status === 400 || status === 422) return new OutboundSendError('hisp_rejected', { permanent: true });
  if (status === 429) return new OutboundSendError('hisp_rate_limited');
  return new OutboundSendError('hisp_unavailable');
}

export function createHispRestClient(options: HispRestClientOptions): HispClient & HispInbox {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const call = async (path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }): Promise<unknown> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new OutboundSendError('hisp_network', { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw failureOf(response.status);
    }
    if (response.status === 204) return undefined;
    return response.json().catch(() => {
      throw new OutboundSendError('hisp_bad_reply');
    });
  };
  return {
    async sendMessage(message) {
      const reply = await call('/messages', {
        method: 'POST',
        headers: { 'idempotency-key': message.idempotencyKey },
        body: {
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: message.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content).toString('base64') })),
        },
      });
      const parsed = SentSchema.safeParse(reply);
      if (!parsed.success) throw new OutboundSendError('hisp_bad_reply');
      return { messageId: parsed.data.messageId };
    },
    async listInbox(limit) {
      const parsed = InboxPageSchema.safeParse(await call(`/inbox?limit=${limit}`, { method: 'GET' }));
      if (!parsed.success) throw new OutboundSendError('hisp_bad_reply');
      return parsed.data.messages;
    },
    async acknowledge(messageId) {
      await call(`/inbox/${encodeURIComponent(messageId)}/ack`, { method: 'POST' });
    },
  };
}
