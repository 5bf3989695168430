/**
 * Patient messaging from the environment (one practice per server): SMTP and DKIM, the SMS
 * provider's credentials, the public origin for callbacks, and the practice's page addresses.
 */
import { readFileSync } from 'node:fs';
import type { MessagingOptions } from '../server.js';
import { createTwilioProvider } from './twilio-provider.js';

export function messagingFromEnv(env: NodeJS.ProcessEnv): { options: MessagingOptions; describe: string } | undefined {
  const options: MessagingOptions = {};
  const parts: string[] = [];
  if (env.PXM_SMTP_URL) {
    if (!env.PXM_EMAIL_FROM) throw new Error('PXM_SMTP_URL is set but PXM_EMAIL_FROM is not: emails need a sender address.');
    const privateKey = env.PXM_DKIM_PRIVATE_KEY_FILE ? readFileSync(env.PXM_DKIM_PRIVATE_KEY_FILE, 'utf8') : env.PXM_DKIM_PRIVATE_KEY;
    if (privateKey && (!env.PXM_DKIM_DOMAIN || !env.PXM_DKIM_SELECTOR)) throw new Error('A DKIM key needs PXM_DKIM_DOMAIN and PXM_DKIM_SELECTOR.');
    options.email = {
      smtp: env.PXM_SMTP_URL,
      from: env.PXM_EMAIL_FROM,
      ...(privateKey ? { dkim: { domainName: env.PXM_DKIM_DOMAIN!, keySelector: env.PXM_DKIM_SELECTOR!, privateKey } } : {}),
    };
    parts.push(`email via ${new URL(env.PXM_SMTP_URL).host}${privateKey ? ' (DKIM)' : ''}`);
  }
  if (env.PXM_TWILIO_ACCOUNT_SID) {
    if (!env.PXM_TWILIO_AUTH_TOKEN) throw new Error('PXM_TWILIO_ACCOUNT_SID is set but PXM_TWILIO_AUTH_TOKEN is not.');
    options.sms = createTwilioProvider({
      accountSid: env.PXM_TWILIO_ACCOUNT_SID,
      authToken: env.PXM_TWILIO_AUTH_TOKEN,
      ...(env.PXM_TWILIO_FROM ? { from: env.PXM_TWILIO_FROM } : {}),
      ...(env.PXM_TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.PXM_TWILIO_MESSAGING_SERVICE_SID } : {}),
      ...(env.PXM_TWILIO_API_URL ? { apiBaseUrl: env.PXM_TWILIO_API_URL } : {}),
    });
    parts.push(`SMS via Twilio${env.PXM_TWILIO_API_URL ? ` at ${new URL(env.PXM_TWILIO_API_URL).origin}` : ''}`);
  }
  if (parts.length === 0) return undefined;
  if (env.PXM_PUBLIC_URL) options.publicUrl = env.PXM_PUBLIC_URL;
  options.links = {
    ...(env.PXM_LINK_MANAGE ? { manage: env.PXM_LINK_MANAGE } : {}),
    ...(env.PXM_LINK_INTAKE ? { intake: env.PXM_LINK_INTAKE } : {}),
    ...(env.PXM_LINK_HEP ? { hep: env.PXM_LINK_HEP } : {}),
    ...(env.PXM_LINK_SURVEY ? { survey: env.PXM_LINK_SURVEY } : {}),
  };
  const webhookUrl = env.PXM_PRACTICE_WEBHOOK_URL || env.PXM_REMINDER_WEBHOOK_URL;
  const webhookSecret = env.PXM_PRACTICE_WEBHOOK_SECRET || env.PXM_REMINDER_WEBHOOK_SECRET;
  if (webhookUrl && webhookSecret) options.practiceWebhook = { url: webhookUrl, secret: webhookSecret };
  return { options, describe: parts.join(', ') };
}
