/**
 * The inbound-fax callback's signature, as Phaxio (Sinch Fax's v2 API) documents it for its
 * `X-Phaxio-Signature` header: HMAC-SHA1, keyed with the account's callback token, over the
 * callback URL exactly as configured at the provider, then each form field's name and value
 * (fields sorted by name, no separators), then each file field's name and the SHA-1 hex digest of
 * its bytes (sorted by name); the header carries the hex digest.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedCallback {
  url: string;
  fields: ReadonlyArray<readonly [string, string]>;
  files: ReadonlyArray<readonly [string, Uint8Array]>;
}

const byName = (a: readonly [string, unknown], b: readonly [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function faxCallbackSignature(callback: SignedCallback, callbackToken: string): string {
  let signed = callback.url;
  for (const [name, value] of [...callback.fields].sort(byName)) signed += name + value;
  for (const [name, bytes] of [...callback.files].sort(byName)) signed += name + createHash('sha1').update(bytes).digest('hex');
  return createHmac('sha1', callbackToken).update(signed, 'utf8').digest('hex');
}

/** Constant-time comparison of the presented header with the expected signature. */
export function isFaxCallbackSigned(callback: SignedCallback, callbackToken: string, presented: string | undefined): boolean {
  if (!presented || !/^[0-9a-f]{40}$/i.test(presented)) return false;
  const expected = Buffer.from(faxCallbackSignature(callback, callbackToken), 'hex');
  return timingSafeEqual(expected, Buffer.from(presented, 'hex'));
}
