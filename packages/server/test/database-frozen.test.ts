/**
 * PostgreSQL freezes: the host stops answering without closing anything (a stalled VM, a stuck
 * disk, a paused container). The server's connection target is a relay process the test
 * starts; SIGSTOP freezes it for 10 s with every connection open, as a frozen database would
 * be. Meanwhile a request that needs the database answers 503 `retryable` within a few seconds,
 * `/ready` answers (503: not ready), and once the relay runs again (SIGCONT) the server recovers by itself.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, openPostgres, type PxmServer, type RunningServer } from '../src/index.js';
import { recordFigures } from './figures.js';
import { DATABASE_URL, dropSchema, freshSchemaName, manualClock, postgresUnavailable } from './harness.js';

const RANGE = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
const FREEZE_MS = 10_000;

/** A TCP relay in its own process, so it can be frozen (SIGSTOP) like a database host. */
async function startRelay(targetHost: string, targetPort: number): Promise<{ child: ChildProcess; port: number }> {
  const script = `
    const net = require('node:net');
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(process.argv[2]), process.argv[1]);
      for (const socket of [client, upstream]) socket.on('error', () => { client.destroy(); upstream.destroy(); });
      client.pipe(upstream).pipe(client);
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
  `;
  const child = spawn(process.execPath, ['-e', script, targetHost, String(targetPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}`)));
  });
  return { child, port };
}

async function timedFetch(url: string, init?: RequestInit): Promise<{ status: number; ms: number; body: { retryable?: boolean; status?: string } }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as { retryable?: boolean; status?: string };
  return { status: response.status, ms: performance.now() - started, body };
}

const pgMissing = await postgresUnavailable();

describe('PostgreSQL frozen for 10 s (its host stops answering, connections stay open)', { skip: pgMissing ?? false }, () => {
  let relay: { child: ChildProcess; port: number };
  let server: PxmServer;
  let running: RunningServer;
  const schema = freshSchemaName();

  before(async () => {
    const target = new URL(DATABASE_URL);
    relay = await startRelay(target.hostname, Number(target.port || 5432));
    const viaRelay = new URL(DATABASE_URL);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    // The production defaults: statement timeout 5 s (client gives up at 6 s), 3 s to connect.
    const db = await openPostgres({ connectionString: viaRelay.href, schema });
    server = await createPxmServer({ database: db, now: manualClock(CONTRACT_NOW).now, log: false, limits: false, reminders: { pollIntervalMs: false } });
    running = await server.listen({ port: 0 });
  });
  after(async () => {
    relay.child.kill('SIGCONT');
    await running.close();
    await server.close();
    await server.db.close().catch(() => undefined);
    relay.child.kill('SIGTERM');
    await dropSchema(schema);
  });

  it('answers 503 retryable within a few seconds, /ready answers throughout, and recovers when it thaws', async () => {
    const slots = (await timedFetch(`${running.url}/booking/slots?${RANGE}`)).body as unknown as { items: Array<{ id: string }> };
    assert.ok(slots.items.length > 0);
    const frozenAt = performance.now();
    relay.child.kill('SIGSTOP');
    let thawed = false;
    const thaw = setTimeout(() => {
      relay.child.kill('SIGCONT');
      thawed = true;
    }, FREEZE_MS);
    try {
      const [hold, read, health] = await Promise.all([
        timedFetch(`${running.url}/booking/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slots.items[0]!.id }) }),
        timedFetch(`${running.url}/intake/demo-intake-new-patient`),
        timedFetch(`${running.url}/ready`),
      ]);
      assert.ok(!thawed, 'answered while still frozen');
      for (const [name, reply] of Object.entries({ hold, read })) {
        assert.equal(reply.status, 503, name);
        assert.equal(reply.body.retryable, true, name);
        assert.ok(reply.ms < 7_000, `${name}: 503 after ${Math.round(reply.ms)} ms`);
      }
      assert.equal(health.status, 503);
      assert.ok(health.ms < 3_500, `/ready took ${Math.round(health.ms)} ms`);
      // A second health check while still frozen answers as fast.
      const again = await timedFetch(`${running.url}/ready`);
      assert.ok(!thawed, 'still frozen');
      assert.equal(again.status, 503);
      assert.ok(again.ms < 3_500, `/ready took ${Math.round(again.ms)} ms`);

      // Thawed: the same requests succeed with no restart.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, FREEZE_MS - (performance.now() - frozenAt)) + 200));
      let recovered: { status: number; ms: number } | undefined;
      const deadline = performance.now() + 15_000;
      while (performance.now() < deadline) {
        recovered = await timedFetch(`${running.url}/ready`);
        if (recovered.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.equal(recovered?.status, 200, 'healthy again');
      const recoveredAfterMs = performance.now() - frozenAt - FREEZE_MS;
      const held = await timedFetch(`${running.url}/booking/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slots.items[0]!.id }) });
      assert.equal(held.status, 201);
      await recordFigures({
        'server:faults:pg-frozen:seconds': String(FREEZE_MS / 1000),
        'server:faults:pg-frozen:503': `${(Math.max(hold.ms, read.ms) / 1000).toFixed(1)} s`,
        'server:faults:pg-frozen:health': `${(Math.max(health.ms, again.ms) / 1000).toFixed(1)} s`,
        'server:faults:pg-frozen:recovered': `${(Math.max(0, recoveredAfterMs) / 1000).toFixed(1)} s`,
      });
    } finally {
      clearTimeout(thaw);
      relay.child.kill('SIGCONT');
    }
  });
});
