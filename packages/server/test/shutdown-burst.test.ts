/**
 * SIGTERM during a burst, on a real server process, with three kinds of client at that moment:
 *
 * - connected, nothing sent yet (the request is about to go out): answered;
 * - headers and half the body sent: answered once the rest arrives;
 * - a burst of whole requests fired as the signal goes out: none is a 5xx; each is answered, or
 *   refused at connect because the listener had closed (a load balancer sends it elsewhere).
 *
 * No request the server had taken is cut off, a new connection afterwards is refused, and the
 * process exits 0 within the grace period.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { recordFigures } from './figures.js';
import { startServerProcess } from './server-process.js';

const CONNECTED_IDLE = 30;
const HALF_SENT = 30;
const BURST = 180;
const RANGE = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00', limit: '500' });

type Outcome = { kind: 'answered'; status: number } | { kind: 'refused' } | { kind: 'cut'; code: string };

/**
 * One HTTP/1.1 exchange on a raw connection, so the test decides when each byte goes out. The
 * client never half-closes (Node's server drops a request whose client sent FIN before the
 * answer); `Connection: close` has the server close once it has answered.
 */
class RawRequest {
  readonly socket: Socket;
  readonly connected: Promise<void>;
  readonly outcome: Promise<Outcome>;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.connected = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.outcome = new Promise((resolve) => {
      let reply = '';
      this.socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
      this.socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'cut', code: error.code ?? error.message }));
      this.socket.on('close', () => {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1];
        resolve(status ? { kind: 'answered', status: Number(status) } : { kind: 'cut', code: 'closed without an answer' });
      });
    });
    this.connected.catch(() => undefined);
  }

  static text(method: string, path: string, body?: string): string {
    const head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`;
    return body === undefined ? `${head}\r\n` : `${head}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM during a burst', () => {
  it('answers every request the server had taken, refuses new connections, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pxm-burst-'));
    const server = await startServerProcess({
      // SQLite in its own file, whatever DATABASE_URL the test run has (CI sets one for PostgreSQL).
      DATABASE_URL: '',
      PXM_SQLITE_PATH: join(dir, 'pxm.sqlite'),
      PXM_SEED: 'demo',
      PXM_LIMITS: 'off',
      PXM_NOW: CONTRACT_NOW.toISOString(),
      PXM_NOW_AT: String(Date.now()),
    });
    try {
      const port = Number(new URL(server.url).port);
      let childOutput = '';
      server.child.stderr!.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
      server.child.stdout!.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
      const page = (await (await fetch(`${server.url}/booking/slots?${RANGE}`)).json()) as { items: Array<{ id: string }> };
      assert.ok(page.items.length > 40);
      const holdBody = (index: number) => JSON.stringify({ slotId: page.items[index % page.items.length]!.id });

      // Connected and half-sent clients, settled in the server's hands before the signal.
      const idle = Array.from({ length: CONNECTED_IDLE }, () => new RawRequest(port));
      const halves = Array.from({ length: HALF_SENT }, (_, index) => {
        const request = new RawRequest(port);
        const text = RawRequest.text('POST', '/booking/holds', holdBody(index));
        const cut = text.length - 10;
        void request.connected.then(() => request.socket.write(text.slice(0, cut)));
        return { request, rest: text.slice(cut) };
      });
      await Promise.all([...idle, ...halves.map((half) => half.request)].map((request) => request.connected));
      await pause(300);

      // The burst, then the signal while it is under way.
      const burst = Array.from({ length: BURST }, (_, index) => {
        const request = new RawRequest(port);
        const text = index % 2 === 0 ? RawRequest.text('GET', '/intake/demo-intake-new-patient') : RawRequest.text('POST', '/booking/holds', holdBody(index + HALF_SENT));
        void request.connected.then(() => request.socket.write(text));
        return request.outcome;
      });
      await pause(5);
      const signalledAt = performance.now();
      const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) => server.child.once('exit', (code) => resolve({ code, afterMs: performance.now() - signalledAt })));
      server.child.kill('SIGTERM');
      // Wait until the server is surely draining (its listener refuses), then the waiting
      // clients send: connections it took before, which it must still answer.
      const drainingBy = performance.now() + 5_000;
      for (;;) {
        const probe = connect(port, '127.0.0.1');
        const refused = await new Promise<boolean>((resolve) => {
          probe.once('connect', () => resolve(false));
          probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
        });
        probe.destroy();
        if (refused) break;
        assert.ok(performance.now() < drainingBy, 'the listener closes within 5 s of SIGTERM');
        await pause(20);
      }

      // After the signal: the waiting clients send; a newcomer is refused.
      for (const request of idle) request.socket.write(RawRequest.text('GET', '/intake/demo-intake-new-patient'));
      for (const half of halves) half.request.socket.write(half.rest);
      const taken = await Promise.all([...idle, ...halves.map((half) => half.request)].map((request) => request.outcome));
      const burstOutcomes = await Promise.all(burst);
      const newcomer = new RawRequest(port);
      void newcomer.connected.then(() => newcomer.socket.write(RawRequest.text('GET', '/health')));
      assert.equal((await newcomer.outcome).kind, 'refused', 'a new connection after SIGTERM is refused');
      const exit = await exited;

      const problems = taken.filter((outcome) => outcome.kind !== 'answered' || outcome.status >= 500);
      assert.equal(problems.length, 0, `${problems.length} of ${taken.length} connected clients not answered after SIGTERM (${JSON.stringify(problems[0])}); exit ${exit.code} after ${Math.round(exit.afterMs)} ms; server said: ${childOutput.slice(-2000)}`);
      assert.deepEqual(burstOutcomes.filter((outcome) => outcome.kind === 'answered' && outcome.status >= 500), [], 'no 5xx in the burst');
      assert.equal(exit.code, 0);
      assert.ok(exit.afterMs < 10_000, `exited ${Math.round(exit.afterMs)} ms after SIGTERM`);
      const answered = burstOutcomes.filter((outcome) => outcome.kind === 'answered').length;
      await recordFigures({
        'server:faults:sigterm:taken': taken.length,
        'server:faults:sigterm:taken-answered': taken.filter((outcome) => outcome.kind === 'answered').length,
        'server:faults:sigterm:burst': BURST,
        'server:faults:sigterm:burst-answered': answered,
        'server:faults:sigterm:burst-refused': BURST - answered,
        'server:faults:sigterm:exit': `${(exit.afterMs / 1000).toFixed(1)} s`,
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
