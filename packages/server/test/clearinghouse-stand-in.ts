/**
 * A local stand-in for a clearinghouse's raw-X12 eligibility API: it answers a 270 posted as
 * `{ "x12": ... }` with the 271 fixture chosen by the member id inside it, and records what it
 * was sent (URLs and headers) so tests can prove no member id travels outside the body.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RAW_X12_ELIGIBILITY_PATH } from '../src/index.js';

export const STAND_IN_API_KEY = 'test-clearinghouse-key';

/** Member ids the stand-in knows, and the fixture each answers with. */
export const STAND_IN_MEMBERS: Readonly<Record<string, string>> = {
  ZX00000001: '01-active-copay',
  ZX00000003: '03-coinsurance-deductible-not-met',
  ZX00000006: '06-shared-pool',
  ZX00000009: '10-aaa-invalid-member',
  ZX00000011: '11-aaa-payer-unavailable',
  ZX00000012: '12-unknown-segments',
};

export interface StandIn {
  endpoint: string;
  /** `ok` answers; `down` answers 503; `slow` answers after `slowMs`. */
  mode: 'ok' | 'down' | 'slow';
  slowMs: number;
  requests: { url: string; headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

export function fixture271(name: string): string {
  return readFileSync(new URL(`./fixtures/x12-271/${name}.x12`, import.meta.url), 'utf8');
}

export async function startClearinghouseStandIn(): Promise<StandIn> {
  const standIn: StandIn = { endpoint: '', mode: 'ok', slowMs: 2_000, requests: [], close: async () => undefined };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      standIn.requests.push({ url: request.url ?? '', headers: request.headers, body });
      const reply = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.method !== 'POST' || !request.url?.endsWith(RAW_X12_ELIGIBILITY_PATH)) return reply(404, { message: 'not found' });
      if (request.headers.authorization !== STAND_IN_API_KEY) return reply(401, { message: 'unauthorized' });
      if (standIn.mode === 'down') return reply(503, { message: 'unavailable' });
      const x12 = (JSON.parse(body) as { x12: string }).x12;
      const memberId = /NM1\*IL\*1\*[^*]*\*[^*]*\*\*\*\*MI\*([^~*]+)~/.exec(x12)?.[1] ?? '';
      const name = STAND_IN_MEMBERS[memberId] ?? '10-aaa-invalid-member';
      const answer = () => reply(200, { x12: fixture271(name), meta: { traceId: 'stand-in' } });
      if (standIn.mode === 'slow') setTimeout(answer, standIn.slowMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2024-04-01`;
  standIn.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return standIn;
}
