/**
 * The provider's callbacks (inbound SMS, delivery status) and the one-click unsubscribe. A
 * callback is believed only when its signature verifies over this server's public URL of the
 * route and the posted parameters; anything else is refused with 401 and changes nothing.
 */
import { AdapterError } from '@pxm/core';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { SmsProvider } from '../reminders/sms-provider.js';
import type { MessagingService } from '../services/messaging-service.js';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Email preferences</title></head><body>${body}</body></html>`;
const UNSUBSCRIBE_PAGE = page('<h1>Stop these emails?</h1><form method="post"><button type="submit">Unsubscribe from emails</button></form>');
const UNSUBSCRIBED_PAGE = page('<h1>You are unsubscribed</h1><p>No more emails will be sent. Texts, if you get them, stop with STOP.</p>');

async function formParams(c: Context<AppEnv>): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(await c.req.text())) params[name] = value;
  return params;
}

export function messagingRoutes(app: Hono<AppEnv>, messaging: MessagingService, sms: SmsProvider | undefined, publicUrl: string | undefined): void {
  /** The URL the provider signed: this server's public address of the route (behind a proxy the request's own URL differs). */
  const signedUrl = (c: Context<AppEnv>) => {
    const url = new URL(c.req.url);
    return publicUrl ? `${publicUrl.replace(/\/$/, '')}${url.pathname}${url.search}` : url.href;
  };

  async function verified(c: Context<AppEnv>, operation: string): Promise<{ provider: SmsProvider; params: Record<string, string> }> {
    if (!sms) throw new AdapterError('not_found', 'No SMS provider is configured.', { operation });
    const params = await formParams(c);
    if (!sms.verifyCallback(signedUrl(c), params, { get: (name) => c.req.header(name) })) {
      throw new AdapterError('unauthorized', 'The callback signature does not verify.', { operation });
    }
    return { provider: sms, params };
  }

  app.post('/messaging/sms/inbound', async (c) => {
    const operation = 'messaging.inboundSms';
    const { provider, params } = await verified(c, operation);
    const inbound = provider.parseInbound(params);
    if (!inbound) throw new AdapterError('validation', 'Not an inbound message.', { operation });
    const outcome = await messaging.receiveSms(inbound);
    const reply = provider.inboundReply(outcome.reply);
    return c.body(reply.body, 200, { 'Content-Type': reply.contentType });
  });

  app.post('/messaging/sms/status/:messageId', async (c) => {
    const operation = 'messaging.deliveryStatus';
    const { provider, params } = await verified(c, operation);
    const report = provider.parseStatus(params);
    if (!report) throw new AdapterError('validation', 'Not a status report.', { operation });
    await messaging.recordDeliveryStatus(c.req.param('messageId'), report);
    return c.body(null, 204);
  });

  // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` to the header's URL.
  app.post('/messaging/unsubscribe/:token', async (c) => {
    await messaging.unsubscribe(c.req.param('token'));
    return c.html(UNSUBSCRIBED_PAGE);
  });

  // The same link opened from the email's text: a page with a button. A GET never unsubscribes,
  // because mail scanners follow links.
  app.get('/messaging/unsubscribe/:token', (c) => c.html(UNSUBSCRIBE_PAGE));
}
