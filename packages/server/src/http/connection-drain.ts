/**
 * Graceful shutdown that loses no request. Node's own `server.close()` also closes every
 * connection it counts as idle, and a connection that was just accepted but whose request bytes
 * have not been read yet counts as idle: under load, a request the client has already sent is
 * cut off (ECONNRESET) the moment shutdown starts. Here the listener closes, connections
 * between two keep-alive requests close at once, a connection that has sent nothing yet gets a
 * short moment for its first request, and every request is answered with `Connection: close`.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** Long enough for the event loop to accept the connections already queued, short enough that new ones are refused. */
const ACCEPT_QUEUED_MS = 20;

export interface DrainOptions {
  /** After this long, whatever is still open is cut. */
  graceMs: number;
  /** How long a connection that has sent nothing yet may take to send its first request. */
  firstRequestMs: number;
}

interface ConnectionState {
  requests: number;
  busy: number;
}

export interface ConnectionDrain {
  /** Stops accepting, answers what was sent, then resolves when every connection is closed. */
  drain(options: DrainOptions): Promise<void>;
}

export function trackConnections(server: HttpServer): ConnectionDrain {
  const connections = new Map<Socket, ConnectionState>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { requests: 0, busy: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (!state) return;
    state.requests++;
    state.busy++;
    if (closing) response.shouldKeepAlive = false;
    response.once('close', () => {
      state.busy--;
      // Answered during shutdown: the connection is not kept for another request.
      if (closing && state.busy === 0) request.socket.end();
    });
  });

  return {
    drain({ graceMs, firstRequestMs }) {
      closing = true;
      return new Promise<void>((resolve) => {
        const timers: NodeJS.Timeout[] = [];
        // Connections the kernel has already completed but this process has not accepted yet
        // would be reset when the listener closes: one more turn of the event loop accepts them.
        // Then the listener only: http.Server#close would also close "idle" connections that
        // are about to deliver their first request.
        setTimeout(() => {
          NetServer.prototype.close.call(server, () => {
            for (const timer of timers) clearTimeout(timer);
            resolve();
          });
        }, ACCEPT_QUEUED_MS);
        for (const [socket, state] of connections) {
          if (state.busy > 0) continue; // ends when its response is sent
          if (state.requests > 0) socket.end(); // between keep-alive requests: nothing was sent
        }
        timers.push(
          setTimeout(() => {
            for (const [socket, state] of connections) if (state.requests === 0 && state.busy === 0) socket.destroy();
          }, firstRequestMs),
          setTimeout(() => {
            for (const socket of connections.keys()) socket.destroy();
          }, graceMs),
        );
        for (const timer of timers) timer.unref();
      });
    },
  };
}
