/**
 * Callbacks from the fax provider and the HISP: each verified before anything is read into the
 * database (a forged or replayed callback is 401 and changes nothing). Off (404) unless configured.
 */
import { AdapterError } from '@pxm/core';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { HttpProblem } from '../http/problem.js';
import { strict } from '../http/request-body.js';
import { HispDeliveryStatusSchema, HispInboundMessageSchema, isHispCallbackSigned } from '../referrals/direct-hisp.js';
import { filesOfDirectMessage } from '../referrals/direct-inbox-poll.js';
import { isFaxCallbackSigned } from '../referrals/fax-signature.js';
import { providerReasonCode } from '../referrals/transmission-outbox.js';
import type { ReferralInboxService } from '../services/referral-inbox-service.js';

export interface ReferralWebhookOptions {
  fax?: {
    /** The callback token the fax provider signs with. */
    callbackToken: string;
    /** This server's address as the provider calls it (`https://clinic.example/pxm`): the signature covers the full URL. */
    publicUrl: string;
  };
  direct?: { webhookSecret: string };
}

export interface ReferralWebhookHandlers {
  inbox: ReferralInboxService;
  recordDeliveryStatus(update: { channel: 'fax' | 'direct'; providerMessageId: string; delivered: boolean; reason?: string | undefined }): Promise<boolean>;
  now(): Date;
}

const forged = (operation: string) => new AdapterError('unauthorized', 'The callback signature does not verify.', { operation });

async function signedFaxForm(c: Context<AppEnv>, token: string, url: string, operation: string) {
  const form = await c.req.formData().catch(() => {
    throw new HttpProblem(400, 'validation', 'Send the callback as multipart/form-data.', [{ path: '', message: 'Not a form.' }]);
  });
  const fields: Array<[string, string]> = [];
  const files: Array<[string, Uint8Array, string]> = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields.push([name, value]);
    else files.push([name, new Uint8Array(await value.arrayBuffer()), value.type]);
  }
  if (!isFaxCallbackSigned({ url, fields, files: files.map(([name, bytes]) => [name, bytes] as const) }, token, c.req.header('x-phaxio-signature'))) throw forged(operation);
  const fax = (() => {
    try {
      return JSON.parse(fields.find(([name]) => name === 'fax')?.[1] ?? '') as { id?: unknown; from_number?: unknown; status?: unknown; error_type?: unknown };
    } catch {
      throw new HttpProblem(400, 'validation', 'The fax field is not JSON.', [{ path: 'fax', message: 'Malformed.' }]);
    }
  })();
  if ((typeof fax.id !== 'number' && typeof fax.id !== 'string') || String(fax.id).length > 100) {
    throw new HttpProblem(400, 'validation', 'The fax has no id.', [{ path: 'fax.id', message: 'Required.' }]);
  }
  return { fields: new Map(fields), files, fax: { ...fax, id: String(fax.id) } };
}

export function referralWebhookRoutes(app: Hono<AppEnv>, handlers: ReferralWebhookHandlers, options: ReferralWebhookOptions): void {
  const { fax, direct } = options;
  // Always routed (the contract lists them); unconfigured, each answers not_found.
  const off = (operation: string) => new AdapterError('not_found', 'These callbacks are not configured on this server.', { operation });
  if (!fax) {
    app.post('/webhooks/fax/inbound', () => Promise.reject(off('referral.receiveFax')));
    app.post('/webhooks/fax/status', () => Promise.reject(off('referral.faxStatus')));
  }
  if (!direct) {
    app.post('/webhooks/direct/messages', () => Promise.reject(off('referral.receiveDirect')));
    app.post('/webhooks/direct/status', () => Promise.reject(off('referral.directStatus')));
  }
  if (fax) {
    const base = fax.publicUrl.replace(/\/+$/, '');
    app.post('/webhooks/fax/inbound', async (c) => {
      const operation = 'referral.receiveFax';
      const callback = await signedFaxForm(c, fax.callbackToken, `${base}/webhooks/fax/inbound`, operation);
      // A failed reception or a test fax is acknowledged and stored nowhere.
      if (callback.fields.get('success') !== 'true' || callback.fields.get('is_test') === 'true') return c.json({ accepted: false });
      const sender = typeof callback.fax.from_number === 'string' ? callback.fax.from_number.slice(0, 50) : 'unknown';
      const result = await handlers.inbox.receiveInbound({
        channel: 'fax',
        providerMessageId: callback.fax.id,
        sender,
        files: callback.files.filter(([name]) => name === 'file').map(([, bytes, type]) => ({ bytes, contentType: type || 'application/pdf' })),
      });
      return c.json({ accepted: true, referralId: result.referralId, created: result.created }, result.created ? 201 : 200);
    });
    app.post('/webhooks/fax/status', async (c) => {
      const callback = await signedFaxForm(c, fax.callbackToken, `${base}/webhooks/fax/status`, 'referral.faxStatus');
      const delivered = callback.fields.get('success') === 'true';
      const matched = await handlers.recordDeliveryStatus({ channel: 'fax', providerMessageId: callback.fax.id, delivered, reason: delivered ? undefined : providerReasonCode('fax', callback.fax.error_type) });
      return c.json({ matched });
    });
  }
  if (direct) {
    const verified = async (c: Context<AppEnv>, operation: string): Promise<unknown> => {
      const raw = await c.req.text();
      const headers = { timestamp: c.req.header('x-hisp-timestamp'), signature: c.req.header('x-hisp-signature') };
      if (!isHispCallbackSigned(direct.webhookSecret, raw, headers, handlers.now().getTime())) throw forged(operation);
      try {
        return JSON.parse(raw);
      } catch {
        throw new HttpProblem(400, 'validation', 'The body is not valid JSON.', [{ path: '', message: 'Malformed JSON.' }]);
      }
    };
    app.post('/webhooks/direct/messages', async (c) => {
      const operation = 'referral.receiveDirect';
      const message = strict(HispInboundMessageSchema, await verified(c, operation), operation);
      const result = await handlers.inbox.receiveInbound({
        channel: 'direct',
        providerMessageId: message.messageId,
        sender: message.from,
        files: filesOfDirectMessage(message),
      });
      return c.json({ accepted: true, referralId: result.referralId, created: result.created }, result.created ? 201 : 200);
    });
    app.post('/webhooks/direct/status', async (c) => {
      const operation = 'referral.directStatus';
      const update = strict(HispDeliveryStatusSchema, await verified(c, operation), operation);
      // `processed` says the other HISP has it, not the clinician: the record stays `sent`.
      if (update.status === 'processed') return c.json({ matched: false, final: false });
      const matched = await handlers.recordDeliveryStatus({ channel: 'direct', providerMessageId: update.messageId, delivered: update.status !== 'failed', reason: providerReasonCode('direct', update.reason) });
      return c.json({ matched });
    });
  }
}
