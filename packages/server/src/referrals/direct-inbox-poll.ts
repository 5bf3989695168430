/**
 * Direct messages fetched from the HISP's inbox, for a HISP that offers no webhook: each goes
 * through the same intake as a webhook delivery (`receiveInbound`, idempotent on the HISP's
 * message id), then is acknowledged. A poller that dies between the two leaves the message
 * listed; the next poll takes it in again, finds it known, and acknowledges it: one referral.
 */
import { AdapterError } from '@pxm/core';
import type { ReferralInboxService } from '../services/referral-inbox-service.js';
import type { HispInboundMessage } from './direct-hisp.js';
import type { HispInbox } from './hisp-rest-client.js';

export interface DirectPollResult {
  received: number;
  repeated: number;
  /** Messages with nothing to take in (no PDF or image): acknowledged so they are not fetched forever. */
  rejected: number;
}

export function filesOfDirectMessage(message: HispInboundMessage) {
  return message.attachments.map((file) => ({ contentType: file.contentType.toLowerCase(), bytes: new Uint8Array(Buffer.from(file.content, 'base64')) }));
}

export async function pollDirectInbox(inbox: HispInbox, receive: ReferralInboxService['receiveInbound'], batch = 20): Promise<DirectPollResult> {
  const result: DirectPollResult = { received: 0, repeated: 0, rejected: 0 };
  for (const message of await inbox.listInbox(batch)) {
    try {
      const taken = await receive({ channel: 'direct', providerMessageId: message.messageId, sender: message.from, files: filesOfDirectMessage(message) });
      result[taken.created ? 'received' : 'repeated'] += 1;
    } catch (error) {
      // Anything but a message with no document (the database away, a concurrent intake) stops
      // the poll unacknowledged: the next poll tries again.
      if (!(error instanceof AdapterError && error.code === 'validation')) throw error;
      result.rejected += 1;
    }
    await inbox.acknowledge(message.messageId);
  }
  return result;
}
