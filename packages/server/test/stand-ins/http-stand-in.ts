/**
 * A provider's HTTP API on loopback for the stand-ins: each request handed over as a fetch
 * `Request`, answered with a `Response`, or `'drop'`: the connection is cut after the request was
 * taken (the provider acted, its answer was lost), the case idempotency keys exist for.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInApi {
  url: string;
  close(): Promise<void>;
}

async function requestOf(incoming: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(`http://127.0.0.1${incoming.url ?? '/'}`, { method: incoming.method ?? 'GET', headers, ...(body ? { body } : {}) });
}

export async function serveStandIn(handle: (request: Request) => Promise<Response | 'drop'>): Promise<StandInApi> {
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const answer = await handle(await requestOf(incoming)).catch(() => new Response('stand-in error', { status: 500 }));
      if (answer === 'drop') {
        outgoing.socket?.destroy();
        return;
      }
      outgoing.writeHead(answer.status, Object.fromEntries(answer.headers));
      outgoing.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
