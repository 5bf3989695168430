/**
 * A loopback HTTP server that answers with whatever a test scripts: malformed bundles, error
 * outcomes, hangs, links elsewhere. For the failures a well-behaved FHIR engine never produces.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedRequest {
  method: string;
  /** Path after the FHIR base, with the query (`Task?identifier=...`). */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface ScriptedServer {
  baseUrl: string;
  origin: string;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

const BASE = '/fhir/R4/';

export async function startScriptedServer(answer: (request: ScriptedRequest, base: string) => ScriptedReply): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  let origin = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Raw bodies (binary uploads) stay text.
    }
    const url = req.url ?? '/';
    const request: ScriptedRequest = { method: req.method ?? 'GET', path: url.startsWith(BASE) ? url.slice(BASE.length) : url, headers: req.headers, body };
    requests.push(request);
    const reply = answer(request, `${origin}${BASE}`);
    if (reply.hang) return;
    if (reply.raw !== undefined) {
      res.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers });
      res.end(reply.raw);
      return;
    }
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/fhir+json' }), ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/fhir/R4`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const outcome = (code: string, text: string, expression?: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, details: { text }, ...(expression ? { expression: [expression] } : {}) }],
});

export const searchset = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...extra,
  entry: entries.map((resource) => ({ resource, search: { mode: 'match' } })),
});
