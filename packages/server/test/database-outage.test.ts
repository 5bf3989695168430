/**
 * The database goes away: requests get 503 with `retryable: true` and `Retry-After` (never a
 * 500, never a half-stored row), the server recovers by itself when the database is back, and
 * the adapter's retries (safe ones only, a booking with its own key) ride out a short outage.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW, expectAdapterError } from '@pxm/adapter-testkit';
import BetterSqlite3 from 'better-sqlite3';
import { createPxmServer, openPostgres, openSqlite, type PxmServer, type RunningServer } from '../src/index.js';
import { DATABASE_URL, dropSchema, freshSchemaName, manualClock, postgresUnavailable } from './harness.js';

const RANGE = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const patient = { kind: 'new' as const, firstName: 'Lee', lastName: 'Chen', dateOfBirth: '1979-09-09', phone: '+1 303-555-0177', email: 'lee@example.com' };

async function expect503(response: Response): Promise<void> {
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '1');
  const body = (await response.json()) as { code: string; retryable: boolean };
  assert.ok(['server', 'timeout'].includes(body.code));
  assert.equal(body.retryable, true);
}

describe('database unavailable (sqlite: another process holds the write lock)', () => {
  let dir: string;
  let server: PxmServer;
  let running: RunningServer;
  let locker: BetterSqlite3.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pxm-outage-'));
    const clock = manualClock(CONTRACT_NOW);
    server = await createPxmServer({ database: openSqlite({ path: join(dir, 'pxm.sqlite'), busyTimeoutMs: 50 }), now: clock.now, log: false, reminders: { pollIntervalMs: false } });
    running = await server.listen({ port: 0 });
    locker = new BetterSqlite3(join(dir, 'pxm.sqlite'));
  });
  after(async () => {
    locker.close();
    await running.close();
    await server.close();
    await server.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 retryable while locked, stores nothing, and works again after', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url, retry: false });
    const slot = (await adapter.booking!.findSlots(RANGE))[0]!;
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const response = await fetch(`${running.url}/booking/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slot.id }) });
      await expect503(response);
      const error = await expectAdapterError(adapter.booking!.holdSlot(slot.id), 'timeout');
      assert.equal(error.retryable, true);
    } finally {
      locker.exec('ROLLBACK');
    }
    assert.equal((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM holds'))!.n, 0);
    assert.equal((await adapter.booking!.holdSlot(slot.id)).slot.id, slot.id);
  });

  it('the adapter retries a booking through a short lock, with its key, and books once', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url, retry: { limit: 4, backoffLimitMs: 400 } });
    const slots = await adapter.booking!.findSlots(RANGE);
    const hold = await adapter.booking!.holdSlot(slots[slots.length - 1]!.id);
    locker.exec('BEGIN EXCLUSIVE');
    setTimeout(() => locker.exec('ROLLBACK'), 250);
    const appointment = await adapter.booking!.book({ holdId: hold.id, patient, consents: [], idempotencyKey: 'outage-booking-1' });
    assert.equal(appointment.status, 'booked');
    assert.equal((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM appointments WHERE hold_id = $1', [hold.id]))!.n, 1);
  });
});

/** A TCP hop between the server and PostgreSQL that the test can cut and restore. */
function cuttableProxy(targetHost: string, targetPort: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve(port);
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server!.close(() => resolve());
    });
  return { start, cut, close: cut };
}

const pgMissing = await postgresUnavailable();

describe('database unavailable (postgres: the connection is cut)', { skip: pgMissing ?? false }, () => {
  let server: PxmServer;
  let running: RunningServer;
  let proxy: ReturnType<typeof cuttableProxy>;
  const schema = freshSchemaName();

  before(async () => {
    const target = new URL(DATABASE_URL);
    proxy = cuttableProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(DATABASE_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    const db = await openPostgres({ connectionString: viaProxy.href, schema, connectTimeoutMs: 500 });
    server = await createPxmServer({ database: db, now: manualClock(CONTRACT_NOW).now, log: false, reminders: { pollIntervalMs: false } });
    running = await server.listen({ port: 0 });
  });
  after(async () => {
    await running.close();
    await server.close();
    await server.db.close().catch(() => undefined);
    await proxy.close();
    await dropSchema(schema);
  });

  it('answers 503 retryable while cut off, then recovers by itself', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url, retry: false });
    const slot = (await adapter.booking!.findSlots(RANGE))[0]!;
    await proxy.cut();
    await expect503(await fetch(`${running.url}/booking/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: slot.id }) }));
    await expect503(await fetch(`${running.url}/intake/demo-intake-new-patient`));
    // Live still (the process answers), not ready (it cannot serve).
    assert.equal((await fetch(`${running.url}/health`)).status, 200);
    const ready = await fetch(`${running.url}/ready`);
    assert.equal(ready.status, 503);
    await proxy.start();
    assert.equal((await fetch(`${running.url}/ready`)).status, 200);
    assert.equal((await adapter.booking!.holdSlot(slot.id)).slot.id, slot.id);
  });

  it('the adapter rides out a short outage: the booking is retried with its key and made once', async () => {
    const adapter = createRestAdapter({ baseUrl: running.url, retry: { limit: 5, backoffLimitMs: 600 } });
    const slots = await adapter.booking!.findSlots(RANGE);
    const hold = await adapter.booking!.holdSlot(slots[slots.length - 1]!.id);
    await proxy.cut();
    setTimeout(() => void proxy.start(), 300);
    const appointment = await adapter.booking!.book({ holdId: hold.id, patient, consents: [], idempotencyKey: 'outage-booking-pg-1' });
    assert.equal(appointment.status, 'booked');
    assert.equal((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM appointments WHERE hold_id = $1', [hold.id]))!.n, 1);
  });
});
