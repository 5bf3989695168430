/**
 * Direct secure messaging through a HISP (the HISP speaks S/MIME over SMTP with other HISPs; the
 * practice only talks to its HISP's REST API). Inbound messages arrive at a webhook the HISP
 * calls; outbound ones go through `HispClient.sendMessage`. The webhook is signed the way most
 * HISP REST APIs (and webhook senders generally) do it: `X-Hisp-Timestamp` (epoch seconds) and
 * `X-Hisp-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` keyed with the shared
 * webhook secret; a timestamp outside the tolerance is refused, so a captured call cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { DirectSender, OutboundMessage, OutboundReceipt } from './outbound-channels.js';

export const HISP_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** An inbound Direct message as the HISP posts it (attachments inline, base64). */
export const HispInboundMessageSchema = z.object({
  event: z.literal('message.received'),
  messageId: z.string().check(z.minLength(1), z.maxLength(200)),
  from: z.email(),
  to: z.email(),
  subject: z.optional(z.string().check(z.maxLength(500))),
  attachments: z
    .array(z.object({ filename: z.string().check(z.maxLength(300)), contentType: z.string().check(z.maxLength(100)), content: z.base64() }))
    .check(z.maxLength(10)),
});
export type HispInboundMessage = z.infer<typeof HispInboundMessageSchema>;

/**
 * A delivery notification for a message the practice sent, after Direct's MDNs: `processed` (the
 * receiving HISP took it: not yet the clinician's), `dispatched` (handed to the recipient, Direct's
 * positive delivery notification; `delivered` is taken as the same), `failed` (a negative one, or
 * no notification in time).
 */
export const HispDeliveryStatusSchema = z.object({
  event: z.literal('message.status'),
  messageId: z.string().check(z.minLength(1), z.maxLength(200)),
  status: z.enum(['processed', 'dispatched', 'delivered', 'failed']),
  reason: z.optional(z.string().check(z.maxLength(200))),
});

export function hispSignature(secret: string, timestampSeconds: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`, 'utf8').digest('hex')}`;
}

export function isHispCallbackSigned(secret: string, rawBody: string, headers: { timestamp?: string | undefined; signature?: string | undefined }, nowMs: number): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return false;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > HISP_SIGNATURE_TOLERANCE_MS) return false;
  const expected = Buffer.from(hispSignature(secret, timestamp, rawBody));
  const presented = Buffer.from(signature);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** The HISP's REST API as far as the practice uses it. */
export interface HispClient {
  /** Sends a Direct message; the HISP wraps it in S/MIME. Answers the HISP's message id. */
  sendMessage(message: { from: string; to: string; subject: string; text: string; attachments: Array<{ filename: string; contentType: string; content: Uint8Array }>; idempotencyKey: string }): Promise<{ messageId: string }>;
}

/** The Direct channel over a HISP client, from the practice's own Direct address. */
export function directSenderOf(client: HispClient, practiceAddress: string): DirectSender {
  return {
    async sendDirect(message: OutboundMessage): Promise<OutboundReceipt> {
      const sent = await client.sendMessage({
        from: practiceAddress,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.document ? [{ filename: message.document.filename, contentType: message.document.contentType, content: message.document.bytes }] : [],
        idempotencyKey: message.idempotencyKey,
      });
      return { providerMessageId: sent.messageId };
    },
  };
}
