/**
 * Posts each reminder as JSON to the practice's own messaging service. The body is signed
 * (HMAC-SHA256 over `timestamp.body`) so the receiver can tell it came from this server, and
 * `Idempotency-Key` carries the reminder id so a redelivery is recognised.
 */
import { createHmac } from 'node:crypto';
import type { ReminderMessage, ReminderSender } from './reminder-sender.js';

export interface WebhookSenderOptions {
  url: string;
  /** Shared secret for the signature header; without it the header is omitted. */
  secret?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Seconds since the epoch, injectable for tests. */
  nowSeconds?: () => number;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createWebhookSender(options: WebhookSenderOptions): ReminderSender {
  const url = new URL(options.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The reminder webhook must be an http(s) URL.');
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'webhook',
    async send(message: ReminderMessage, signal: AbortSignal) {
      const body = JSON.stringify({ type: 'appointment.reminder', reminder: message });
      const timestamp = Math.floor((options.nowSeconds?.() ?? Date.now() / 1000));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': message.id,
        'x-pxm-timestamp': String(timestamp),
      };
      if (options.secret) headers['x-pxm-signature'] = signWebhook(options.secret, timestamp, body);
      const response = await doFetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)]),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`The reminder webhook answered ${response.status}.`);
      await response.body?.cancel();
    },
  };
}
