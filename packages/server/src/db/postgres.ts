/**
 * PostgreSQL through node-postgres: for practices that run several server processes. Instants
 * are `bigint` epoch milliseconds, parsed to numbers (they stay far below 2^53).
 */
import { AdapterError } from '@pxm/core';
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

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (created when missing); tests use one per run. */
  schema?: string;
  maxConnections?: number;
  /** An idle connection is closed after this long (default 30 s). */
  idleTimeoutMs?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Create the schema when missing (default); a read replica cannot, and has it from the primary. */
  createSchema?: boolean;
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

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
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

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name ${schema}.`);
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
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost while idle, or while checked out between two queries, must not crash the
  // process: the pool drops it, and the next query on it reports the failure (503).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  if (schema && options.createSchema !== false) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // IF NOT EXISTS is no lock: processes starting at once on a new database race to create the
      // schema, and the losers are refused with a duplicate. The schema exists then: carry on.
      const code = (error as { code?: unknown }).code;
      if (code !== '23505' && code !== '42P06') {
        await pool.end().catch(() => undefined);
        throw translate(error);
      }
    }
  }
  const pooled = queryable(pool);
  // A pool query inside a transaction takes a second connection per request: under load every
  // connection is a transaction waiting for another, so it is refused as on SQLite.
  const direct: Queryable = {
    all: (sql, params) => (assertOutsideTransaction('A pool query'), pooled.all(sql, params)),
    get: (sql, params) => (assertOutsideTransaction('A pool query'), pooled.get(sql, params)),
    run: (sql, params) => (assertOutsideTransaction('A pool query'), pooled.run(sql, params)),
  };

  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // Every connection busy is overload, not an outage: say so (still 503, retryable).
      if (pool.totalCount >= (options.maxConnections ?? 10) && /timeout exceeded when trying to connect/i.test(String((error as Error).message))) {
        throw new AdapterError('timeout', 'The server is busy. Try again shortly.', { retryable: true, cause: error });
      }
      throw translate(error);
    }
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      // A connection that failed or timed out may be mid-reply: never hand it to the next request.
      broken = isConnectionFailure(error) || (AdapterError.is(error) && error.retryable);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    dialect: 'postgres',
    ...direct,
    async transaction(work) {
      assertOutsideTransaction('A nested transaction');
      for (let attempt = 1; ; attempt++) {
        try {
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
    withMigrationLock: (work) =>
      withClient(async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
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
    native: () => ({ dialect: 'postgres' as const, pool, schema }),
    async close() {
      await pool.end();
    },
  };
}
