/**
 * Another process holds SQLite's write lock for seconds. SQLite's own busy wait would sleep
 * inside a synchronous call and freeze the whole server; instead the wait is asynchronous:
 * `/health` keeps answering at once, and a booking either goes through when the lock is released
 * or gets 503 `retryable` by the deadline.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createPxmServer, openSqlite, type PxmServer, type RunningServer } from '../src/index.js';
import { recordFigures } from './figures.js';
import { manualClock } from './harness.js';

const RANGE = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const patient = { kind: 'new' as const, firstName: 'Lee', lastName: 'Chen', dateOfBirth: '1979-09-09', phone: '+1 303-555-0177', email: 'lee@example.com' };

/** A separate process that takes the write lock (`BEGIN IMMEDIATE`), holds it `holdMs`, then lets go. */
async function holdWriteLock(path: string, holdMs: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, path, String(holdMs)], { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return { child, released };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

for (const lockWaitMs of [5_000, 1_000]) {
  describe(`sqlite: another process holds the write lock for 3 s (lock wait ${lockWaitMs} ms)`, () => {
    let dir: string;
    let path: string;
    let server: PxmServer;
    let running: RunningServer;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pxm-lock-'));
      path = join(dir, 'pxm.sqlite');
      server = await createPxmServer({ database: openSqlite({ path, busyTimeoutMs: lockWaitMs }), now: manualClock(CONTRACT_NOW).now, log: false, limits: false, reminders: { pollIntervalMs: false } });
      running = await server.listen({ port: 0 });
    });
    after(async () => {
      await running.close();
      await server.close();
      await server.db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('/health answers in under 200 ms throughout; the booking waits without freezing the server', async () => {
      const adapter = createRestAdapter({ baseUrl: running.url, retry: false });
      const slots = await adapter.booking!.findSlots(RANGE);
      const hold = await adapter.booking!.holdSlot(slots[0]!.id);
      // A connection kept alive beforehand: the timings below are the server's, not a handshake's.
      await (await fetch(`${running.url}/health`)).body?.cancel();
      const lock = await holdWriteLock(path, 3_000);
      try {
        const booking = timed(() =>
          fetch(`${running.url}/booking/appointments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `lock-${lockWaitMs}` },
            body: JSON.stringify({ holdId: hold.id, patient, consents: [] }),
          }),
        );
        // Health checks while the booking waits for the lock: each one answers at once.
        const healthTimes: number[] = [];
        for (let check = 0; check < 8; check++) {
          const { value, ms } = await timed(() => fetch(`${running.url}/health`));
          assert.equal(value.status, 200);
          await value.body?.cancel();
          healthTimes.push(ms);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert.ok(Math.max(...healthTimes) < 200, `health took ${healthTimes.map((ms) => ms.toFixed(0)).join(', ')} ms`);
        const { value: response, ms } = await booking;
        if (lockWaitMs > 3_000) {
          // The lock went away before the deadline: the booking went through.
          assert.equal(response.status, 201, await response.clone().text());
          assert.ok(ms >= 2_000, `booked after ${ms} ms, before the lock was released`);
          await recordFigures({
            'server:faults:sqlite-lock:health': `${Math.ceil(Math.max(...healthTimes))} ms`,
            'server:faults:sqlite-lock:booked': `${(ms / 1000).toFixed(1)} s`,
          });
        } else {
          assert.equal(response.status, 503);
          assert.equal(response.headers.get('content-type'), 'application/problem+json');
          const problem = (await response.json()) as { retryable: boolean };
          assert.equal(problem.retryable, true);
          assert.ok(ms < lockWaitMs + 500, `503 after ${ms} ms, deadline ${lockWaitMs} ms`);
          await recordFigures({ 'server:faults:sqlite-lock:503': `${(ms / 1000).toFixed(1)} s` });
        }
      } finally {
        await lock.released;
      }
      // Nothing half-stored, and the server writes again once the lock is gone.
      const stored = (await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM appointments WHERE hold_id = $1', [hold.id]))!.n;
      assert.equal(stored, lockWaitMs > 3_000 ? 1 : 0);
      const last = slots[slots.length - 1]!;
      assert.equal((await adapter.booking!.holdSlot(last.id)).slot.id, last.id);
    });
  });
}
