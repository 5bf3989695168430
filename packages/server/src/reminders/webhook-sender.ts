/**
 * Posts each due reminder to the practice's own messaging service. What leaves this server is
 * the least a receiver needs to act: ids, the kind of event and times. No phone number, email
 * address, name or manage link travels: the receiver looks the appointment up in the practice's
 * own records by its id. Every delivery is signed (HMAC-SHA256 over `timestamp.body`) with a
 * secret the server will not start without, and goes over HTTPS (plain HTTP only to this machine).
 */
import { createHmac } from 'node:crypto';
import type { PracticeEvent } from './messaging-settings.js';
import type { ReminderMessage, ReminderSender } from './reminder-sender.js';

/** Shorter secrets are guessable offline from one signed delivery. */
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

export interface WebhookSenderOptions {
  /** `https://...`; `http://` only for localhost, 127.0.0.1 or ::1. */
  url: string;
  /** Shared secret for the signature header (at least 32 characters). Required. */
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Seconds since the epoch, injectable for tests. */
  nowSeconds?: () => number;
}

/** The body of one delivery: ids, kind and times only. */
export interface ReminderWebhookBody {
  /** Stable per reminder, also in `X-Pxm-Delivery` and `Idempotency-Key`: drop a delivery seen before. */
  deliveryId: string;
  kind: 'appointment.reminder';
  channel: ReminderMessage['channel'];
  offsetMinutes: number;
  appointment: {
    id: string;
    start: string;
    end: string;
    timeZone: string;
  };
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Throws a message an operator can act on when the URL would send reminders in the clear. */
export function assertWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('The reminder webhook URL is not a valid URL.');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new Error('The reminder webhook URL must be https:// (http:// is accepted only for localhost, 127.0.0.1 and ::1).');
}

export function reminderWebhookBody(message: ReminderMessage): ReminderWebhookBody {
  return {
    deliveryId: message.id,
    kind: 'appointment.reminder',
    channel: message.channel,
    offsetMinutes: message.offsetMinutes,
    appointment: {
      id: message.appointment.id,
      start: message.appointment.start,
      end: message.appointment.end,
      timeZone: message.appointment.timeZone,
    },
  };
}

export function createWebhookSender(options: WebhookSenderOptions): ReminderSender {
  const url = assertWebhookUrl(options.url);
  if (typeof options.secret !== 'string' || options.secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new Error(`The reminder webhook needs a signing secret of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters (PXM_REMINDER_WEBHOOK_SECRET).`);
  }
  const secret = options.secret;
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'webhook',
    // The receiver keeps one delivery per Idempotency-Key (the message id).
    dropsDuplicates: () => true,
    async send(message: ReminderMessage, signal: AbortSignal) {
      const body = JSON.stringify(reminderWebhookBody(message));
      const timestamp = Math.floor(options.nowSeconds?.() ?? Date.now() / 1000);
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          'x-pxm-delivery': message.id,
          'x-pxm-timestamp': String(timestamp),
          'x-pxm-signature': signWebhook(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)]),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`The reminder webhook answered ${response.status}.`);
      await response.body?.cancel();
    },
  };
}

/**
 * Tells the practice's systems what patients did (a visit confirmed, a number that bounced, a
 * reply waiting), on the same signed webhook as the reminders. A failure is logged, never thrown:
 * the patient's action is recorded whether or not the practice heard of it at once.
 */
export function createPracticeNotifier(options: WebhookSenderOptions, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  const url = assertWebhookUrl(options.url);
  const doFetch = options.fetch ?? fetch;
  return async (event: PracticeEvent): Promise<void> => {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(options.nowSeconds?.() ?? Date.now() / 1000);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pxm-timestamp': String(timestamp), 'x-pxm-signature': signWebhook(options.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (!response.ok) log(`[pxm] practice webhook answered ${response.status} to ${event.kind}`);
    } catch (error) {
      log(`[pxm] practice webhook failed for ${event.kind}: ${(error as Error).message}`);
    }
  };
}
