/**
 * The reference server under load on loopback (autocannon), on SQLite and, when DATABASE_URL
 * points at one, PostgreSQL: slot searches per second, holds per second and bookings per second,
 * each with p50/p99 latency. The server runs in its own process so the load generator does not
 * share its event loop. Bounded: a few seconds and a fixed number of bookings per database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openPostgres } from '@pxm/server';

const NOW = '2027-03-01T16:00:00Z';
const SEARCH = '/booking/slots?locationId=denver-highlands&appointmentTypeId=follow-up&from=2027-03-08T00:00:00-07:00&to=2027-03-22T00:00:00-06:00';
const CONNECTIONS = 10;
const SEARCH_SECONDS = 6;
const BOOKINGS = 600;
const DATABASE_URL = process.env.PXM_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PXM_ACCESS_LOG: 'off', PXM_REMINDER_POLL_MS: '0', PXM_NOW: NOW, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /server on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

function figuresOf(result: autocannon.Result, ok: number): Figures {
  return {
    perSecond: ok / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function searches(url: string): Promise<Figures> {
  const result = await autocannon({ url: `${url}${SEARCH}`, connections: CONNECTIONS, duration: SEARCH_SECONDS });
  return figuresOf(result, result['2xx']);
}

/** Free slots that do not overlap one another, so every hold can succeed. */
async function bookableSlots(url: string, count: number): Promise<string[]> {
  const picked: string[] = [];
  const busyUntil = new Map<string, number>();
  let cursor: string | null = null;
  const query = '/booking/slots?locationId=phoenix-arcadia&appointmentTypeId=telehealth-check-in&from=2027-03-08T00:00:00-07:00&to=2027-09-01T00:00:00-07:00&limit=2000';
  do {
    const page = (await (await fetch(`${url}${query}${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: Array<{ id: string; providerId: string; start: string; end: string }>; nextCursor: string | null };
    for (const slot of page.items) {
      if (Date.parse(slot.start) < (busyUntil.get(slot.providerId) ?? 0)) continue;
      picked.push(slot.id);
      busyUntil.set(slot.providerId, Date.parse(slot.end));
      if (picked.length === count) return picked;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return picked;
}

async function holds(url: string, slotIds: string[]): Promise<{ figures: Figures; holdIds: string[] }> {
  const holdIds: string[] = [];
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: slotIds.length,
    requests: [
      {
        method: 'POST',
        path: '/booking/holds',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ slotId: slotIds[next++ % slotIds.length] }) }),
        onResponse: (status, body) => {
          if (status === 201) holdIds.push((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  return { figures: figuresOf(result, holdIds.length), holdIds };
}

async function bookings(url: string, holdIds: string[]): Promise<Figures> {
  let next = 0;
  let booked = 0;
  const patient = { kind: 'new', firstName: 'Load', lastName: 'Test', dateOfBirth: '1990-01-01', phone: '+1 303-555-0100', email: 'load@example.com' };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: holdIds.length,
    requests: [
      {
        method: 'POST',
        path: '/booking/appointments',
        setupRequest: (request) => {
          const index = next++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${process.pid}-${index}` },
            body: JSON.stringify({ holdId: holdIds[index % holdIds.length], patient, consents: [{ channel: 'sms', granted: true, recordedAt: NOW }] }),
          };
        },
        onResponse: (status) => {
          if (status === 201) booked++;
        },
      },
    ],
  });
  return figuresOf(result, booked);
}

function row(name: string, figures: Figures): string {
  return `  ${name.padEnd(16)} ${figures.perSecond.toFixed(0).padStart(6)}/s   p50 ${String(figures.p50).padStart(4)} ms   p99 ${String(figures.p99).padStart(4)} ms   (${figures.ok} ok, ${figures.failed} failed)`;
}

async function run(label: string, env: Record<string, string>, cleanup: () => Promise<void>): Promise<void> {
  const { url, child } = await startServer(env);
  try {
    await fetch(`${url}${SEARCH}`); // warm-up: JIT, catalogue cache
    const search = await searches(url);
    const slotIds = await bookableSlots(url, BOOKINGS);
    const held = await holds(url, slotIds);
    const booked = await bookings(url, held.holdIds);
    console.log(`${label}: ${CONNECTIONS} connections on loopback`);
    console.log(row('slot searches', search));
    console.log(row('holds', held.figures));
    console.log(row('bookings', booked));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await cleanup();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pxm-bench-'));
await run('SQLite', { PXM_SQLITE_PATH: join(dir, 'bench.sqlite'), DATABASE_URL: '' }, async () => rmSync(dir, { recursive: true, force: true }));

if (!DATABASE_URL) {
  console.log('PostgreSQL: skipped (set DATABASE_URL to a PostgreSQL database to measure it too)');
} else {
  const schema = `pxm_bench_${process.pid}`;
  await run('PostgreSQL', { DATABASE_URL, PXM_PG_SCHEMA: schema }, async () => {
    const db = await openPostgres({ connectionString: DATABASE_URL });
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  });
}
