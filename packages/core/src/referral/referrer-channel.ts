import type { ReferralChannel } from '../schemas/referral-inbox.js';

/**
 * How the practice writes back to a referrer: Direct first (secure, structured), then fax (what
 * most offices have), then email only where the practice allows it (plain email is not a secure
 * channel for a plan of care). Undefined: nowhere to send, staff must call.
 */
export function referrerChannel(
  referrer: { directAddress?: string | undefined; fax?: string | undefined; email?: string | undefined },
  policy: { emailAllowed: boolean },
): { channel: ReferralChannel; recipient: string } | undefined {
  if (referrer.directAddress) return { channel: 'direct', recipient: referrer.directAddress };
  if (referrer.fax) return { channel: 'fax', recipient: referrer.fax };
  if (referrer.email && policy.emailAllowed) return { channel: 'email', recipient: referrer.email };
  return undefined;
}
