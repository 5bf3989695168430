/**
 * The senders to referrers from the environment: fax through Phaxio, Direct through a HISP's
 * REST API (its inbox polled where the HISP has no webhook), and whether plain email may carry
 * a plan of care. Email itself goes through the reminders' SMTP settings (`PXM_SMTP_URL`).
 */
import type { PxmServerOptions } from '../server.js';
import { directSenderOf } from './direct-hisp.js';
import { createHispRestClient } from './hisp-rest-client.js';
import type { ReferralChannels } from './outbound-channels.js';
import { createPhaxioFaxSender } from './phaxio-fax-sender.js';

type ReferralOptions = NonNullable<PxmServerOptions['referrals']>;

export interface ReferralSendersFromEnv {
  channels: ReferralChannels;
  directInbox?: ReferralOptions['directInbox'];
  /** For the startup banner: what is on, never a secret. */
  describe: string[];
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got ${raw}).`);
  return value;
}

export function referralSendersFromEnv(env: NodeJS.ProcessEnv): ReferralSendersFromEnv {
  const channels: ReferralChannels = {};
  const describe: string[] = [];
  let directInbox: ReferralOptions['directInbox'];
  const publicUrl = env.PXM_PUBLIC_URL?.replace(/\/+$/, '');
  if (env.PXM_PHAXIO_API_KEY) {
    if (!env.PXM_PHAXIO_API_SECRET) throw new Error('PXM_PHAXIO_API_KEY is set but PXM_PHAXIO_API_SECRET is not.');
    // The fax's outcome comes back only by the signed callback: without it no delivery is ever recorded.
    if (!publicUrl || !env.PXM_FAX_CALLBACK_TOKEN) throw new Error('Sending faxes needs PXM_PUBLIC_URL and PXM_FAX_CALLBACK_TOKEN: the delivery status comes back to the signed fax callback.');
    channels.fax = createPhaxioFaxSender({
      apiKey: env.PXM_PHAXIO_API_KEY,
      apiSecret: env.PXM_PHAXIO_API_SECRET,
      callbackUrl: `${publicUrl}/webhooks/fax/status`,
      ...(env.PXM_PHAXIO_API_URL ? { apiBaseUrl: env.PXM_PHAXIO_API_URL } : {}),
    });
    describe.push(`fax via Phaxio${env.PXM_PHAXIO_API_URL ? ` at ${new URL(env.PXM_PHAXIO_API_URL).origin}` : ''}`);
  }
  if (env.PXM_HISP_API_URL) {
    if (!env.PXM_HISP_API_TOKEN) throw new Error('PXM_HISP_API_URL is set but PXM_HISP_API_TOKEN is not.');
    if (!env.PXM_DIRECT_ADDRESS) throw new Error('PXM_HISP_API_URL is set but PXM_DIRECT_ADDRESS (the practice\'s Direct address) is not.');
    const client = createHispRestClient({ baseUrl: env.PXM_HISP_API_URL, token: env.PXM_HISP_API_TOKEN });
    channels.direct = directSenderOf(client, env.PXM_DIRECT_ADDRESS);
    // Polled by default only where no webhook is configured: the webhook is the HISP's push.
    const pollMs = wholeNumber(env, 'PXM_HISP_POLL_MS') ?? (env.PXM_HISP_WEBHOOK_SECRET ? 0 : 60_000);
    if (pollMs > 0) directInbox = { inbox: client, pollIntervalMs: pollMs };
    describe.push(`Direct via HISP at ${new URL(env.PXM_HISP_API_URL).origin}${pollMs > 0 ? `, inbox polled every ${Math.round(pollMs / 1000)} s` : ''}`);
  }
  if (env.PXM_REFERRAL_EMAIL === 'allowed') {
    describe.push(env.PXM_SMTP_URL ? `email via ${new URL(env.PXM_SMTP_URL).host} (${env.PXM_REFERRAL_EMAIL_PLAN === 'attach' ? 'plan of care attached' : 'plan of care as a notice'})` : 'email allowed but PXM_SMTP_URL unset');
  }
  return { channels, ...(directInbox ? { directInbox } : {}), describe };
}
