/**
 * A local stand-in for a HISP's REST API: it posts inbound Direct messages and delivery
 * notifications to the server's webhook, signed with the shared secret (timestamp and HMAC-SHA256,
 * written here independently of the server's verifier), and takes outbound messages as a
 * `HispClient` (in process) or over HTTP (`startApi`): bearer token, `POST /messages` deduplicated
 * on `Idempotency-Key` (a repeated key answers the first message's id and sends nothing), and the
 * inbox a practice without a webhook polls (`GET /inbox`, `POST /inbox/{id}/ack`).
 */
import { createHmac } from 'node:crypto';
import type { HispClient } from '../../src/referrals/direct-hisp.js';
import { serveStandIn, type StandInApi } from './http-stand-in.js';

type SentMessage = Parameters<HispClient['sendMessage']>[0];

/** A message taken over the API: the JSON body as posted. */
export interface ApiMessage {
  messageId: string;
  idempotencyKey: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

interface InboxMessage {
  event: 'message.received';
  messageId: string;
  from: string;
  to: string;
  subject: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

export interface HispStandIn extends HispClient {
  sent: SentMessage[];
  startApi(token: string): Promise<StandInApi>;
  /** Messages taken over the API (one per idempotency key). */
  apiMessages: ApiMessage[];
  /** The next N sends answer 503; nothing is kept. */
  apiFailNext: number;
  /** The next send is kept and its answer lost (the connection is cut). */
  apiDropAnswerNext: number;
  /** Puts a received message in the inbox the practice polls. */
  queueInbound(message: { messageId: string; from: string; pdf?: Uint8Array }): void;
  /** Received messages not yet acknowledged, oldest first. */
  inbox: InboxMessage[];
  /** How many times each message id was acknowledged. */
  acknowledged: Map<string, number>;
  postMessage(serverUrl: string, message: { messageId: string; from: string; pdf: Uint8Array }, forge?: { secret?: string; timestampSeconds?: number }): Promise<Response>;
  reportStatus(serverUrl: string, messageId: string, status: 'processed' | 'dispatched' | 'delivered' | 'failed', extra?: { reason?: string; secret?: string }): Promise<Response>;
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
  const byKey = new Map<string, ApiMessage>();
  const api = async (request: Request, token: string): Promise<Response | 'drop'> => {
    const url = new URL(request.url);
    if (request.headers.get('authorization') !== `Bearer ${token}`) return Response.json({ error: 'unauthorized' }, { status: 401 });
    if (request.method === 'POST' && url.pathname === '/messages') {
      if (standIn.apiFailNext > 0) {
        standIn.apiFailNext -= 1;
        return Response.json({ error: 'unavailable' }, { status: 503 });
      }
      const key = request.headers.get('idempotency-key');
      const earlier = key ? byKey.get(key) : undefined;
      if (earlier) return Response.json({ messageId: earlier.messageId }, { status: 200 });
      const body = (await request.json()) as Omit<ApiMessage, 'messageId' | 'idempotencyKey'>;
      if (!body.to || !body.from) return Response.json({ error: 'to and from are required' }, { status: 422 });
      nextId += 1;
      const message: ApiMessage = { ...body, messageId: `hisp-out-${nextId}`, idempotencyKey: key };
      standIn.apiMessages.push(message);
      if (key) byKey.set(key, message);
      if (standIn.apiDropAnswerNext > 0) {
        standIn.apiDropAnswerNext -= 1;
        return 'drop';
      }
      return Response.json({ messageId: message.messageId }, { status: 201 });
    }
    if (request.method === 'GET' && url.pathname === '/inbox') {
      const limit = Number(url.searchParams.get('limit') ?? '20');
      return Response.json({ messages: standIn.inbox.slice(0, limit) });
    }
    const ack = /^\/inbox\/([^/]+)\/ack$/.exec(url.pathname);
    if (request.method === 'POST' && ack) {
      const messageId = decodeURIComponent(ack[1]!);
      standIn.acknowledged.set(messageId, (standIn.acknowledged.get(messageId) ?? 0) + 1);
      standIn.inbox = standIn.inbox.filter((message) => message.messageId !== messageId);
      return new Response(null, { status: 204 });
    }
    return Response.json({ error: 'not found' }, { status: 404 });
  };
  const standIn: HispStandIn = {
    sent: [],
    apiMessages: [],
    apiFailNext: 0,
    apiDropAnswerNext: 0,
    inbox: [],
    acknowledged: new Map(),
    startApi: (token) => serveStandIn((request) => api(request, token)),
    queueInbound(message) {
      standIn.inbox.push({
        event: 'message.received',
        messageId: message.messageId,
        from: message.from,
        to: 'intake@direct.clinic.example',
        subject: 'Referral',
        attachments: message.pdf ? [{ filename: 'order.pdf', contentType: 'application/pdf', content: Buffer.from(message.pdf).toString('base64') }] : [],
      });
    },
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
    reportStatus(serverUrl, messageId, status, extra = {}) {
      return post(serverUrl, '/webhooks/direct/status', { event: 'message.status', messageId, status, ...(extra.reason ? { reason: extra.reason } : {}) }, extra.secret ? { secret: extra.secret } : {});
    },
  };
  return standIn;
}
