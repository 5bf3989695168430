/**
 * Numbers and addresses that bounced or that the provider says cannot receive: nothing more is
 * sent to them until staff clear them. Kept by matching key (digits of a phone, lower-cased email),
 * not by patient: two records sharing a dead number share its fate.
 */
import type { Queryable } from '../db/database.js';
import { emailKey, phoneKey } from '../services/patients.js';
import type { MessageChannel } from './rules/consent-standing.js';

export function addressKey(channel: MessageChannel, address: string): string {
  return (channel === 'sms' ? phoneKey(address) : emailKey(address)) ?? address;
}

export async function isSuppressed(db: Queryable, channel: MessageChannel, address: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM contact_suppressions WHERE channel = $1 AND address_key = $2', [channel, addressKey(channel, address)])) !== undefined;
}

export async function suppressAddress(db: Queryable, channel: MessageChannel, address: string, reason: string, nowMs: number): Promise<void> {
  await db.run('INSERT INTO contact_suppressions (channel, address_key, reason, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel, address_key) DO NOTHING', [
    channel,
    addressKey(channel, address),
    reason,
    nowMs,
  ]);
}
