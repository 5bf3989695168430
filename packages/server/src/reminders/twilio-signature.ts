/**
 * The provider's webhook signature, as its documentation defines it: take the full URL of the
 * callback, append each POST parameter's name and value sorted by name, HMAC-SHA1 it with the
 * account's auth token, base64 it; the result is the X-Twilio-Signature header.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export function verifyTwilioSignature(authToken: string, url: string, params: Readonly<Record<string, string>>, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const presented = Buffer.from(header);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
