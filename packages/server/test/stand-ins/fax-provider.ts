/**
 * A local stand-in for the fax provider: it posts inbound-fax and delivery callbacks to the server
 * the way Phaxio does (multipart form, `fax` as JSON, the PDF as `file`), signed with the
 * provider's documented scheme, written here independently of the server's verifier; and it takes
 * outbound faxes as a `FaxSender`, keeping what it was given.
 */
import { createHash, createHmac } from 'node:crypto';
import type { FaxSender, OutboundMessage } from '../../src/referrals/outbound-channels.js';

export interface FaxProviderStandIn extends FaxSender {
  sent: OutboundMessage[];
  /** Posts a received fax; `signWith` overrides the token (a forgery), `tamper` changes the PDF after signing. */
  deliverInboundFax(serverUrl: string, fax: { id: number; from: string; pdf: Uint8Array }, forge?: { signWith?: string; tamper?: boolean }): Promise<Response>;
  reportDelivery(serverUrl: string, faxId: string, success: boolean): Promise<Response>;
  failNext: number;
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
  const standIn: FaxProviderStandIn = {
    sent: [],
    failNext: 0,
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
      const fields = {
        direction: 'sent',
        event_type: 'transmitting_completed',
        fax: JSON.stringify({ id: Number(faxId), direction: 'sent', status: success ? 'success' : 'failure' }),
        is_test: 'false',
        success: success ? 'true' : 'false',
      };
      return post(serverUrl, '/webhooks/fax/status', fields, {}, options.callbackToken);
    },
  };
  return standIn;
}
