/**
 * SQLite through better-sqlite3: the embedded default. One connection per process in WAL mode.
 * better-sqlite3 is synchronous, so a transaction that awaits between statements must not let
 * another request's statements run on the same connection: work is queued, one transaction at a
 * time. Other processes on the same file wait on SQLite's own lock (`BEGIN IMMEDIATE`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, SqlValue } from './database.js';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-scope.js';
import { databaseUnavailable } from './unavailable.js';

/** `$1 ... $n` to positional `?`, repeating values where a placeholder repeats. */
function toSqlite(sql: string, params: readonly SqlValue[]): { text: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, index: string) => {
    values.push(params[Number(index) - 1] ?? null);
    return '?';
  });
  return { text, values };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_IOERR' || code === 'SQLITE_CANTOPEN';
}

export interface SqliteOptions {
  /** A file path, or `:memory:`. */
  path: string;
  /** How long to wait for another process's write lock. */
  busyTimeoutMs?: number;
}

export function openSqlite(options: SqliteOptions): Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new BetterSqlite3(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  let closed = false;
  const statements = new Map<string, BetterSqlite3.Statement>();

  function prepare(text: string): BetterSqlite3.Statement {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      if (statements.size > 500) statements.clear();
      statements.set(text, statement);
    }
    return statement;
  }

  function guard<T>(work: () => T): T {
    if (closed) throw databaseUnavailable(new Error('The database is closed.'));
    try {
      return work();
    } catch (error) {
      if (isBusy(error)) throw databaseUnavailable(error, true);
      throw error;
    }
  }

  const direct: Queryable = {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const { text, values } = toSqlite(sql, params);
      return guard(() => {
        const statement = prepare(text);
        return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
      });
    },
    async get<T>(sql: string, params: readonly SqlValue[] = []) {
      const { text, values } = toSqlite(sql, params);
      return guard(() => {
        const statement = prepare(text);
        if (!statement.reader) {
          statement.run(...values);
          return undefined;
        }
        return statement.get(...values) as T | undefined;
      });
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const { text, values } = toSqlite(sql, params);
      return guard(() => {
        const statement = prepare(text);
        if (statement.reader) return statement.all(...values).length;
        return statement.run(...values).changes;
      });
    },
  };

  // One transaction (or lone statement) at a time on this connection.
  let queue: Promise<unknown> = Promise.resolve();
  function serialize<T>(work: () => Promise<T>): Promise<T> {
    // Queued behind the transaction that is waiting for it: fail now instead of never.
    assertOutsideTransaction('A query on the shared SQLite connection');
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    dialect: 'sqlite',
    all: (sql, params) => serialize(() => direct.all(sql, params)),
    get: (sql, params) => serialize(() => direct.get(sql, params)),
    run: (sql, params) => serialize(() => direct.run(sql, params)),
    transaction: (work) =>
      serialize(async () => {
        guard(() => db.exec('BEGIN IMMEDIATE'));
        try {
          const result = await runInTransactionScope(() => work(direct));
          guard(() => db.exec('COMMIT'));
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    exec: (script) => serialize(async () => guard(() => void db.exec(script))),
    native: () => ({ dialect: 'sqlite' as const, client: db, exclusive: <T>(work: () => Promise<T>) => serialize(work) }),
    // BEGIN IMMEDIATE in the migration itself already excludes other processes.
    withMigrationLock: (work) => work(),
    async close() {
      await queue.catch(() => undefined);
      if (!closed) {
        closed = true;
        db.close();
      }
    },
  };
}
