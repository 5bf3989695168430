/**
 * A local stand-in for a HISP's REST API: it posts inbound Direct messages and delivery
 * notifications to the server's webhook, signed with the shared secret (timestamp and HMAC-SHA256,
 * written here independently of the server's verifier), and takes outbound messages as a `HispClient`.
 */
import { createHmac } from 'node:crypto';
import type { HispClient } from '../../src/referrals/direct-hisp.js';

type SentMessage = Parameters<HispClient['sendMessage']>[0];

export interface HispStandIn extends HispClient {
  sent: SentMessage[];
  postMessage(serverUrl: string, message: { messageId: string; from: string; pdf: Uint8Array }, forge?: { secret?: string; timestampSeconds?: number }): Promise<Response>;
  reportStatus(serverUrl: string, messageId: string, status: 'delivered' | 'failed'): Promise<Response>;
}

export function createHispStandIn(options: { webhookSecret: string; now: () => Date }): HispStandIn {
  let nextId = 0;
  const post = (serverUrl: string, path: string, body: unknown, forge: { secret?: string; timestampSeconds?: number } = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = String(forge.timestampSeconds ?? Math.floor(options.now().getTime() / 1000));
    const signature = createHmac('sha256', forge.secret ?? options.webhookSecret).update(`${timestamp}.${raw}`).digest('hex');
    return fetch(`${serverUrl}${path}`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/json', 'x-hisp-timestamp': timestamp, 'x-hisp-signature': `sha256=${signature}` },
    });
  };
  const standIn: HispStandIn = {
    sent: [],
    async sendMessage(message) {
      standIn.sent.push(message);
      nextId += 1;
      return { messageId: `hisp-out-${nextId}` };
    },
    postMessage(serverUrl, message, forge) {
      return post(
        serverUrl,
        '/webhooks/direct/messages',
        {
          event: 'message.received',
          messageId: message.messageId,
          from: message.from,
          to: 'intake@direct.clinic.example',
          subject: 'Referral',
          attachments: [{ filename: 'order.pdf', contentType: 'application/pdf', content: Buffer.from(message.pdf).toString('base64') }],
        },
        forge,
      );
    },
    reportStatus(serverUrl, messageId, status) {
      return post(serverUrl, '/webhooks/direct/status', { event: 'message.status', messageId, status });
    },
  };
  return standIn;
}
