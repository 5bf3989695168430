/**
 * A local stand-in for the SMS provider's REST API, enough for the official SDK: the Messages
 * endpoint (`POST /2010-04-01/Accounts/{sid}/Messages.json`, HTTP Basic with the account sid and
 * auth token, form-encoded, answering the message resource as JSON), and the callbacks the
 * provider makes, signed as its documentation says (X-Twilio-Signature: base64 HMAC-SHA1, keyed
 * with the auth token, of the callback URL followed by each POST parameter name and value
 * sorted by name). Written from that description, apart from the server's own verifier.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
}

export interface StandInOptions {
  accountSid: string;
  authToken: string;
  /** Turns a public callback URL (what is signed) into the local address to post to. */
  route(publicUrl: string): string;
}

function sign(authToken: string, url: string, params: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmsStandIn(options: StandInOptions) {
  const messages: StandInMessage[] = [];
  /** What the patient's phone got back in answer to an inbound text (the TwiML replies). */
  const replies: { to: string; body: string }[] = [];
  let counter = 0;
  let nextFailure: { status: number; code: number } | undefined;
  let holdResponses = false;
  const arrivals: ((message: StandInMessage) => void)[] = [];

  const server = createServer(async (request, response) => {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.url ?? '');
    const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    if (!match || request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
      return;
    }
    if (match[1] !== options.accountSid || request.headers.authorization !== expectedAuth) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }));
      return;
    }
    const form = new URLSearchParams(await readBody(request));
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = undefined;
      response.writeHead(failure.status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: failure.code, message: `Error ${failure.code}`, status: failure.status }));
      return;
    }
    const sid = `SM${String(++counter).padStart(32, '0')}`;
    const message: StandInMessage = { sid, to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '', ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}) };
    messages.push(message);
    for (const arrival of arrivals.splice(0)) arrival(message);
    // A held response never comes: the sender is left waiting (and may be killed meanwhile).
    if (holdResponses) return;
    response.writeHead(201, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        sid,
        account_sid: options.accountSid,
        to: message.to,
        from: message.from,
        body: message.body,
        status: 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        api_version: '2010-04-01',
        uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}.json`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Posts a signed callback as the provider would; `forge` signs with the wrong key. */
  async function callback(publicUrl: string, params: Record<string, string>, forge = false): Promise<Response> {
    return fetch(options.route(publicUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(forge ? 'not-the-auth-token' : options.authToken, publicUrl, params) },
      body: new URLSearchParams(params).toString(),
    });
  }

  return {
    url,
    messages,
    replies,
    sign: (publicUrl: string, params: Record<string, string>) => sign(options.authToken, publicUrl, params),
    failNext(status: number, code: number) {
      nextFailure = { status, code };
    },
    holdResponses(hold: boolean) {
      holdResponses = hold;
    },
    nextArrival: () => new Promise<StandInMessage>((resolve) => arrivals.push(resolve)),
    /** The delivery report for a message, to the status callback it was sent with. */
    async report(message: StandInMessage, status: string, errorCode?: string, forge = false): Promise<Response> {
      return callback(message.statusCallback!, {
        AccountSid: options.accountSid,
        MessageSid: message.sid,
        MessageStatus: status,
        To: message.to,
        From: message.from,
        ApiVersion: '2010-04-01',
        ...(errorCode ? { ErrorCode: errorCode } : {}),
      }, forge);
    },
    /** A text from the patient's phone to the practice number; the reply it gets is kept in `replies`. */
    async inbound(publicUrl: string, from: string, body: string, forge = false): Promise<Response> {
      const sid = `SM${String(++counter).padStart(32, '0')}`;
      const response = await callback(publicUrl, { AccountSid: options.accountSid, MessageSid: sid, From: from, To: '+13035550100', Body: body, NumMedia: '0', ApiVersion: '2010-04-01' }, forge);
      const text = await response.clone().text();
      const reply = /<Message>([\s\S]*?)<\/Message>/.exec(text)?.[1];
      if (response.ok && reply) replies.push({ to: from, body: reply.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))) });
      return response;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export type SmsStandIn = Awaited<ReturnType<typeof startSmsStandIn>>;
