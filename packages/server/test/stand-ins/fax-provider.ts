/**
 * A local stand-in for the fax provider: it posts inbound-fax and delivery callbacks to the server
 * the way Phaxio does (multipart form, `fax` as JSON, the PDF as `file`), signed with the
 * provider's documented scheme, written here independently of the server's verifier; and it takes
 * outbound faxes as a `FaxSender` (in process), or over HTTP as Phaxio's v2.1 send API does
 * (`startApi`): HTTP Basic api_key:api_secret, multipart `to`, `file`, `callback_url`, tags,
 * answering `{ success, message, data: { id } }`, with the list of sent faxes filtered by tag.
 * `completeFax` later posts the signed status callback to the address the fax named.
 */
import { createHash, createHmac } from 'node:crypto';
import type { FaxSender, OutboundMessage } from '../../src/referrals/outbound-channels.js';
import { serveStandIn, type StandInApi } from './http-stand-in.js';

/** A fax taken over the send API. */
export interface ApiFax {
  id: number;
  to: string;
  callbackUrl: string;
  headerText: string;
  tags: Record<string, string>;
  file: { name: string; type: string; bytes: Uint8Array };
  status: 'queued' | 'success' | 'failure';
}

export interface FaxProviderStandIn extends FaxSender {
  sent: OutboundMessage[];
  /** Posts a received fax; `signWith` overrides the token (a forgery), `tamper` changes the PDF after signing. */
  deliverInboundFax(serverUrl: string, fax: { id: number; from: string; pdf: Uint8Array }, forge?: { signWith?: string; tamper?: boolean }): Promise<Response>;
  reportDelivery(serverUrl: string, faxId: string, success: boolean): Promise<Response>;
  failNext: number;
  /** The send API on loopback, answering to these credentials. */
  startApi(credentials: { apiKey: string; apiSecret: string }): Promise<StandInApi>;
  /** Faxes taken over the API, in order. */
  apiFaxes: ApiFax[];
  /** The next N sends over the API answer 503 (the provider is down); nothing is kept. */
  apiFailNext: number;
  /** The next send over the API is kept, and its answer lost (the connection is cut). */
  apiDropAnswerNext: number;
  /** Phaxio's status callback for a fax sent over the API, signed, posted to the server behind the fax's callback URL. */
  completeFax(serverUrl: string, id: number, outcome: { success: boolean; errorType?: string }, forge?: { signWith?: string }): Promise<Response>;
}

function sign(token: string, url: string, fields: Record<string, string>, files: Record<string, Uint8Array>): string {
  const sortedFields = Object.keys(fields).sort().map((name) => name + fields[name]);
  const sortedFiles = Object.keys(files).sort().map((name) => name + createHash('sha1').update(files[name]!).digest('hex'));
  return createHmac('sha1', token).update(url + sortedFields.join('') + sortedFiles.join('')).digest('hex');
}

export function createFaxProviderStandIn(options: { callbackToken: string; publicUrl: string }): FaxProviderStandIn {
  let nextId = 90_000;
  const post = async (serverUrl: string, path: string, fields: Record<string, string>, files: Record<string, Uint8Array>, token: string, sent = files) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, bytes] of Object.entries(sent)) form.append(name, new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'fax.pdf');
    const signature = sign(token, `${options.publicUrl}${path}`, fields, files);
    return fetch(`${serverUrl}${path}`, { method: 'POST', body: form, headers: { 'X-Phaxio-Signature': signature } });
  };
  const sentCallback = (id: number, outcome: { success: boolean; errorType?: string }) => ({
    direction: 'sent',
    event_type: 'transmitting_completed',
    fax: JSON.stringify({ id, direction: 'sent', status: outcome.success ? 'success' : 'failure', ...(outcome.errorType ? { error_type: outcome.errorType } : {}) }),
    is_test: 'false',
    success: outcome.success ? 'true' : 'false',
  });
  const sendApi = async (request: Request, credentials: { apiKey: string; apiSecret: string }): Promise<Response | 'drop'> => {
    const url = new URL(request.url);
    const expected = `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`).toString('base64')}`;
    if (request.headers.get('authorization') !== expected) return Response.json({ success: false, message: 'Invalid API credentials' }, { status: 401 });
    if (request.method === 'GET' && url.pathname === '/v2.1/faxes') {
      const tags = [...url.searchParams].filter(([name]) => name.startsWith('tag[')).map(([name, value]) => [name.slice(4, -1), value] as const);
      const found = standIn.apiFaxes.filter((fax) => tags.every(([name, value]) => fax.tags[name] === value));
      return Response.json({ success: true, message: 'Retrieved faxes successfully', data: found.map((fax) => ({ id: fax.id, direction: 'sent', status: fax.status })) });
    }
    if (request.method !== 'POST' || url.pathname !== '/v2.1/faxes') return Response.json({ success: false, message: 'Not found' }, { status: 404 });
    if (standIn.apiFailNext > 0) {
      standIn.apiFailNext -= 1;
      return Response.json({ success: false, message: 'Service unavailable' }, { status: 503 });
    }
    const form = await request.formData();
    const file = form.get('file');
    const to = form.get('to');
    if (typeof to !== 'string' || !(file instanceof Blob)) return Response.json({ success: false, message: 'to and file are required' }, { status: 422 });
    nextId += 1;
    const tags: Record<string, string> = {};
    for (const [name, value] of form) if (name.startsWith('tag[') && typeof value === 'string') tags[name.slice(4, -1)] = value;
    standIn.apiFaxes.push({
      id: nextId,
      to,
      callbackUrl: String(form.get('callback_url') ?? ''),
      headerText: String(form.get('header_text') ?? ''),
      tags,
      file: { name: (file as File).name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
      status: 'queued',
    });
    if (standIn.apiDropAnswerNext > 0) {
      standIn.apiDropAnswerNext -= 1;
      return 'drop';
    }
    return Response.json({ success: true, message: 'Fax queued for sending', data: { id: nextId } });
  };
  const standIn: FaxProviderStandIn = {
    sent: [],
    failNext: 0,
    apiFaxes: [],
    apiFailNext: 0,
    apiDropAnswerNext: 0,
    startApi: (credentials) => serveStandIn((request) => sendApi(request, credentials)),
    completeFax(serverUrl, id, outcome, forge = {}) {
      const fax = standIn.apiFaxes.find((candidate) => candidate.id === id);
      if (!fax || !fax.callbackUrl.startsWith(options.publicUrl)) throw new Error(`fax ${id} has no callback under ${options.publicUrl}`);
      fax.status = outcome.success ? 'success' : 'failure';
      return post(serverUrl, fax.callbackUrl.slice(options.publicUrl.length), sentCallback(id, outcome), {}, forge.signWith ?? options.callbackToken);
    },
    async sendFax(message) {
      if (standIn.failNext > 0) {
        standIn.failNext -= 1;
        throw Object.assign(new Error('provider unavailable'), { code: 'provider_unavailable' });
      }
      standIn.sent.push(message);
      nextId += 1;
      return { providerMessageId: String(nextId) };
    },
    deliverInboundFax(serverUrl, fax, forge = {}) {
      const fields = {
        direction: 'received',
        event_type: 'fax_completed',
        fax: JSON.stringify({ id: fax.id, direction: 'received', num_pages: 1, status: 'success', from_number: fax.from, to_number: '+13035550199' }),
        is_test: 'false',
        success: 'true',
      };
      const files = { file: fax.pdf };
      const sent = forge.tamper ? { file: new Uint8Array([...fax.pdf, 0x20]) } : files;
      return post(serverUrl, '/webhooks/fax/inbound', fields, files, forge.signWith ?? options.callbackToken, sent);
    },
    reportDelivery(serverUrl, faxId, success) {
      return post(serverUrl, '/webhooks/fax/status', sentCallback(Number(faxId), { success }), {}, options.callbackToken);
    },
  };
  return standIn;
}
