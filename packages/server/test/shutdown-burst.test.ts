/**
 * SIGTERM in the middle of a burst, on a real server process: every request the server had
 * started on is answered (none cut off mid-way, none a 5xx), requests that arrive after are
 * refused at connect (a load balancer sends them elsewhere), and the process exits 0 within the
 * grace period. Each request comes on its own connection, as from a different client.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { recordFigures } from './figures.js';
import { startServerProcess } from './server-process.js';

const BURST = 240;
const RANGE = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00', limit: '500' });

type Outcome = { kind: 'answered'; status: number; afterSignal: boolean } | { kind: 'refused' } | { kind: 'cut'; code: string };

/** One request on a fresh connection; how it ended. */
function send(url: string, method: string, path: string, body: string | undefined, signalSent: () => boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const target = new URL(path, url);
    const request = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, agent: false, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ kind: 'answered', status: response.statusCode ?? 0, afterSignal: signalSent() }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'cut', code: error.code ?? error.message }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'cut', code: error.code ?? error.message }));
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.end(body);
  });
}

describe('SIGTERM during a burst', () => {
  it('answers every request it started on, refuses the rest at connect, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pxm-burst-'));
    const server = await startServerProcess({
      PXM_SQLITE_PATH: join(dir, 'pxm.sqlite'),
      PXM_SEED: 'demo',
      PXM_LIMITS: 'off',
      PXM_NOW: CONTRACT_NOW.toISOString(),
      PXM_NOW_AT: String(Date.now()),
    });
    try {
      const page = (await (await fetch(`${server.url}/booking/slots?${RANGE}`)).json()) as { items: Array<{ id: string }> };
      assert.ok(page.items.length > 40);
      let signalled = false;
      const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) => {
        server.child.once('exit', (code) => resolve({ code, afterMs: performance.now() - signalledAt }));
      });
      let signalledAt = 0;
      let answered = 0;
      const outcomes = Array.from({ length: BURST }, (_, index) => {
        const [method, path, body] =
          index % 3 === 0
            ? ['POST', '/booking/holds', JSON.stringify({ slotId: page.items[index % page.items.length]!.id })]
            : index % 3 === 1
              ? ['GET', `/booking/slots?${RANGE}`, undefined]
              : ['GET', '/intake/demo-intake-new-patient', undefined];
        return send(server.url, method!, path!, body, () => signalled).then((outcome) => {
          // Mid-burst: some answered, most still in the server's hands.
          if (outcome.kind === 'answered' && ++answered === 20) {
            signalledAt = performance.now();
            signalled = true;
            server.child.kill('SIGTERM');
          }
          return outcome;
        });
      });
      const results = await Promise.all(outcomes);
      const exit = await exited;
      assert.ok(signalled, 'SIGTERM was sent mid-burst');
      const count = (kind: Outcome['kind']) => results.filter((outcome) => outcome.kind === kind).length;
      const cut = results.filter((outcome): outcome is Extract<Outcome, { kind: 'cut' }> => outcome.kind === 'cut');
      const drained = results.filter((outcome) => outcome.kind === 'answered' && outcome.afterSignal).length;
      const failed = results.filter((outcome) => outcome.kind === 'answered' && outcome.status >= 500);
      assert.deepEqual(cut.map((outcome) => outcome.code), [], 'no request cut off');
      assert.deepEqual(failed, [], 'no 5xx');
      assert.ok(drained > 0, 'requests in flight at SIGTERM were answered after it');
      assert.equal(exit.code, 0);
      assert.ok(exit.afterMs < 10_000, `exited ${Math.round(exit.afterMs)} ms after SIGTERM`);
      await recordFigures({
        'server:faults:sigterm:requests': BURST,
        'server:faults:sigterm:drained': drained,
        'server:faults:sigterm:refused': count('refused'),
        'server:faults:sigterm:cut': cut.length,
        'server:faults:sigterm:exit': `${(exit.afterMs / 1000).toFixed(1)} s`,
      });
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
