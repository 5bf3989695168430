/**
 * PostgreSQL through node-postgres: for practices that run several server processes. Instants
 * are `bigint` epoch milliseconds, parsed to numbers (they stay far below 2^53).
 */
import { AdapterError } from '@pxm/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database.js';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-scope.js';
import { databaseUnavailable } from './unavailable.js';

const INT8_OID = 20;
/** Lost a serialization race or a deadlock: running the transaction again is correct. */
const RETRY_CODES = new Set(['40001', '40P01']);
/** How long a health check waits for `SELECT 1`. */
const PING_TIMEOUT_MS = 1_000;
/** Advisory lock key for migrations: "pxm" in ASCII. */
const MIGRATION_LOCK = 7_370_861;

function isConnectionFailure(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return (
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin shutdown
    code === '57P02' ||
    code === '57P03' || // cannot connect now (starting up)
    code === '53300' || // too many connections
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
      String((error as { message?: unknown }).message ?? ''),
    )
  );
}

function translate(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === '57014') return databaseUnavailable(error, true); // statement timeout
  if (/Query read timeout/i.test(String((error as { message?: unknown }).message ?? ''))) return databaseUnavailable(error, true);
  if (isConnectionFailure(error)) return databaseUnavailable(error);
  return error;
}

export interface PostgresPoolOptions {
  connectionString: string;
  maxConnections?: number;
  /** An idle connection is closed after this long (default 30 s). */
  idleTimeoutMs?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** `application_name` of every connection: names this process in `pg_stat_activity`. */
  applicationName?: string;
}

export interface PostgresOptions extends PostgresPoolOptions {
  /** Tables live in this schema (created when missing); tests use one per run. */
  schema?: string;
  /** Create the schema when missing (default); a read replica cannot, and has it from the primary. */
  createSchema?: boolean;
}

export interface SharedPostgresOptions {
  /** A pool made by `createPostgresPool` (another space's `native().pool`): connections are shared, not opened. */
  pool: pg.Pool;
  schema: string;
  createSchema?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One process's connections, shared by every practice space on it: each space sets its own
 * `search_path` on the connection it checks out (see `onSchema`), so the number of connections
 * does not grow with the number of practices.
 */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Statements issued together (several calls before the first is awaited) go out together and
    // are answered in order: one round trip, not one each. The server runs them one after another,
    // as if awaited in turn; each has its own Sync, so one failing fails only itself (and, inside
    // a transaction, those after it, which then roll back with it).
    pipeline: true,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    // A frozen server enforces no statement_timeout: the client gives up on its own, a bit later.
    query_timeout: (options.statementTimeoutMs ?? 5_000) + 1_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost while idle, or while checked out between two queries, must not crash the
  // process: the pool drops it, and the next query on it reports the failure (503).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The schema each connection's `search_path` names now (absent: as it connected). */
const connectionSchemas = new WeakMap<pg.PoolClient, string>();

/** Points the connection at `schema` unless it already is: consecutive queries of one space pay nothing. */
async function onSchema(client: pg.PoolClient, schema: string): Promise<void> {
  if (connectionSchemas.get(client) === schema) return;
  // Forgotten first: a SET that fails leaves the connection's schema unknown, so the next use sets it again.
  connectionSchemas.delete(client);
  await client.query(`SET search_path TO ${schema}`);
  connectionSchemas.set(client, schema);
}

/** SQL text -> statement name, one name per text for the whole process (every pool agrees). */
const statementNames = new Map<string, string>();
/**
 * A named (prepared) statement: each connection parses it once rather than on every request.
 * The texts are the server's own, so there are only as many as it has statements (and list
 * lengths). Without parameters it stays a plain query: a script of several statements needs that.
 */
function statement(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = statementNames.get(sql);
  if (!name) {
    name = `pxm_${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params as unknown[] };
}

function queryable(client: pg.PoolClient): Queryable {
  return {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(statement(sql, params))).rows as T[];
      } catch (error) {
        throw translate(error);
      }
    },
    async get<T>(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(statement(sql, params))).rows[0] as T | undefined;
      } catch (error) {
        throw translate(error);
      }
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(statement(sql, params))).rowCount ?? 0;
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

/** A space with its own pool (closed with it): the default practice's, a test's, a replica's. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid schema name ${options.schema}.`);
  const pool = createPostgresPool(options);
  try {
    // Without a schema, the one the connection lands in (normally `public`), named from now on:
    // a connection of the shared pool may have served another space just before.
    const schema = options.schema ?? (await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? 'public';
    return await spaceOn(pool, schema, options.createSchema !== false && options.schema !== undefined, true);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw translate(error);
  }
}

/** A space on a pool another space owns (a practice's, on the process's shared pool): closing it leaves the pool open. */
export async function openPostgresOnPool(options: SharedPostgresOptions): Promise<Database> {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid schema name ${options.schema}.`);
  return spaceOn(options.pool, options.schema, options.createSchema !== false, false);
}

async function spaceOn(pool: pg.Pool, schema: string, createSchema: boolean, ownsPool: boolean): Promise<Database> {
  const maxConnections = (pool as { options: { max?: number } }).options.max ?? 10;
  if (createSchema) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // IF NOT EXISTS is no lock: processes starting at once on a new database race to create the
      // schema, and the losers are refused with a duplicate. The schema exists then: carry on.
      const code = (error as { code?: unknown }).code;
      if (code !== '23505' && code !== '42P06') throw translate(error);
    }
  }
  /** Inside `withMigrationLock`: the connection holding the lock, which the migrations run on too. */
  const pinned = new AsyncLocalStorage<{ client: pg.PoolClient; held: boolean }>();

  /**
   * Every query of this space runs here, on a connection pointed at its schema: no path reaches
   * the pool without passing `onSchema`, so a query never runs with another space's search_path.
   */
  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    // Work started under the lock but still running after it (a timer it set) takes a connection of its own.
    const lock = pinned.getStore();
    if (lock?.held) {
      await onSchema(lock.client, schema).catch((error: unknown) => Promise.reject(translate(error)));
      return work(lock.client);
    }
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // Every connection busy is overload, not an outage: say so (still 503, retryable).
      if (pool.totalCount >= maxConnections && /timeout exceeded when trying to connect/i.test(String((error as Error).message))) {
        throw new AdapterError('timeout', 'The server is busy. Try again shortly.', { retryable: true, cause: error });
      }
      throw translate(error);
    }
    let broken = false;
    try {
      try {
        await onSchema(client, schema);
      } catch (error) {
        throw translate(error);
      }
      return await work(client);
    } catch (error) {
      // A connection that failed or timed out may be mid-reply: never hand it to the next request.
      broken = isConnectionFailure(error) || (AdapterError.is(error) && error.retryable);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  // A pool query inside a transaction takes a second connection per request: under load every
  // connection is a transaction waiting for another, so it is refused as on SQLite.
  const direct: Queryable = {
    all: (sql, params) => (assertOutsideTransaction('A pool query'), withClient((client) => queryable(client).all(sql, params))),
    get: (sql, params) => (assertOutsideTransaction('A pool query'), withClient((client) => queryable(client).get(sql, params))),
    run: (sql, params) => (assertOutsideTransaction('A pool query'), withClient((client) => queryable(client).run(sql, params))),
  };

  return {
    dialect: 'postgres',
    ...direct,
    async transaction(work) {
      assertOutsideTransaction('A nested transaction');
      for (let attempt = 1; ; attempt++) {
        try {
          // The connection's search_path is set before BEGIN (in withClient) and holds for the whole transaction.
          return await withClient(async (client) => {
            const tx = queryable(client);
            // Not awaited: BEGIN goes out with the work's first statements, in the same round trip.
            const begun = tx.run('BEGIN');
            begun.catch(() => undefined);
            try {
              const result = await runInTransactionScope(() => work(tx));
              await begun;
              await tx.run('COMMIT');
              return result;
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              throw error;
            }
          });
        } catch (error) {
          const code = String((error as { code?: unknown }).code ?? '');
          if (RETRY_CODES.has(code) && attempt < 5) {
            await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
            continue;
          }
          throw error;
        }
      }
    },
    async exec(script) {
      await direct.run(script);
    },
    // One lock per schema (spaces migrate side by side); the migrations run on the connection
    // that holds it, so opening many spaces at once never waits for a second connection each.
    withMigrationLock: (work) =>
      withClient(async (client) => {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
        const lock = { client, held: true };
        try {
          return await pinned.run(lock, work);
        } finally {
          lock.held = false;
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]).catch(() => undefined);
        }
      }),
    // A health check answers within about a second even when the database is frozen (a frozen
    // server enforces no statement_timeout, and the general query_timeout is longer).
    ping: async () => {
      try {
        await pool.query({ text: 'SELECT 1 AS ok', query_timeout: PING_TIMEOUT_MS } as pg.QueryConfig);
      } catch (error) {
        throw translate(error);
      }
    },
    native: () => ({
      dialect: 'postgres' as const,
      pool,
      schema,
      // Through withClient: under the migration lock (pg-boss installs there) it is the lock's own
      // connection, so a pool of one connection does not wait on itself.
      query: (text: string, values: unknown[]) => withClient(async (client) => ({ rows: (await client.query(text, values)).rows as unknown[] })),
    }),
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
