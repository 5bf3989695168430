/**
 * Starts the real server over HTTP on loopback for a test, on a fresh SQLite file or a fresh
 * PostgreSQL schema, with a clock the test moves, and an `@pxm/adapter-rest` pointed at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRestAdapter, type RestAdapterOptions } from '@pxm/adapter-rest';
import { CONTRACT_METHODS, type Capability, type PxmAdapter } from '@pxm/core';
import pg from 'pg';
import { createPxmServer, DEFAULT_LIMITS, openPostgres, type LimitsConfig, openSqlite, type Database, type PxmServer, type PxmServerOptions, type RunningServer } from '../src/index.js';

export const DATABASE_URL = process.env.PXM_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

export type Dialect = 'sqlite' | 'postgres';

export const TEST_LIMITS = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((name) => [name, { points: 1_000_000, seconds: 60 }])) as unknown as LimitsConfig;

export interface ManualClock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  if (!DATABASE_URL) return 'DATABASE_URL is not set (.ci/run starts PostgreSQL and sets it; locally: see packages/server/README.md)';
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at DATABASE_URL is not reachable: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The contract's skip option for a backend that cannot run at all: every capability, with why. */
export function skipEveryCapability(reason: string): Partial<Record<Capability, string>> {
  return Object.fromEntries(Object.keys(CONTRACT_METHODS).map((capability) => [capability, reason]));
}

export function freshSchemaName(): string {
  return `pxm_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    // The job queue (pg-boss) keeps its tables in a schema beside the server's, and so does
    // every practice created beside the default one (`<schema>_p_<id>`, its queue `..._jobs`).
    const practices = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)", [`${schema}_p_`]);
    const names = [schema, `${schema}_jobs`, ...practices.rows.map((row) => row.nspname)];
    await client.query(`DROP SCHEMA IF EXISTS ${names.join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  db: Database;
  dispose(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect): Promise<FreshDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pxm-test-'));
    const db = openSqlite({ path: join(dir, 'pxm.sqlite') });
    return {
      db,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = freshSchemaName();
  const db = await openPostgres({ connectionString: DATABASE_URL, schema, maxConnections: 25 });
  return {
    db,
    async dispose() {
      await db.close();
      await dropSchema(schema);
    },
  };
}

export interface TestServer {
  server: PxmServer;
  running: RunningServer;
  adapter: PxmAdapter;
  clock: ManualClock;
  url: string;
  dispose(): Promise<void>;
}

export async function startTestServer(
  dialect: Dialect,
  options: { now: Date; serverOptions?: Partial<PxmServerOptions>; adapterOptions?: Partial<RestAdapterOptions> },
): Promise<TestServer> {
  const clock = manualClock(options.now);
  const fresh = await freshDatabase(dialect);
  const server = await createPxmServer({
    database: fresh.db,
    now: clock.now,
    log: false,
    reminders: { pollIntervalMs: false },
    // The suites make thousands of requests from one address: limits on, far out of reach.
    limits: TEST_LIMITS,
    ...options.serverOptions,
  });
  const running = await server.listen({ port: 0, hostname: '127.0.0.1' });
  const adapter = createRestAdapter({ baseUrl: running.url, timeoutMs: 15_000, ...options.adapterOptions });
  return {
    server,
    running,
    adapter,
    clock,
    url: running.url,
    async dispose() {
      await server.close();
      await fresh.dispose();
    },
  };
}
