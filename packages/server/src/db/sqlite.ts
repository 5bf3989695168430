/**
 * SQLite through better-sqlite3: the embedded default. One connection per process in WAL mode.
 * better-sqlite3 is synchronous, so a transaction that awaits between statements must not let
 * another request's statements run on the same connection: work is queued, one transaction at a
 * time. Another process holding the file's write lock is waited for without blocking the event
 * loop: SQLite's own busy wait (`busy_timeout`) sleeps inside the synchronous call and would freeze
 * every request, so it is off, and a busy statement is tried again on a timer with growing pauses
 * until a deadline, then answered 503 (`retryable`).
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

/** Another connection holds the lock: worth trying again shortly. */
function isLockBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The file is locked or unreadable right now: 503, not 500. */
function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return isLockBusy(error) || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN';
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it is not refused for a lock, pausing 2, 4, ... up to 100 ms (with jitter,
 * so two processes do not retry in step) between tries; the last refusal is thrown at `deadline`
 * (a `performance.now()` instant).
 */
async function retryWhileLocked<T>(deadline: number, attempt: () => T): Promise<T> {
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      return attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!isLockBusy(error) || left <= 0) throw error;
      await pause(Math.min(left, wait * (0.5 + Math.random() / 2)));
    }
  }
}

export interface SqliteOptions {
  /** A file path, or `:memory:`. */
  path: string;
  /**
   * How long a request may wait for another process's write lock (counted from when it was
   * queued), retried asynchronously; then 503. Default 5 s.
   */
  busyTimeoutMs?: number;
}

export function openSqlite(options: SqliteOptions): Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new BetterSqlite3(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Never wait inside SQLite: that wait blocks the whole process (see retryWhileLocked).
  db.pragma('busy_timeout = 0');
  const lockWaitMs = options.busyTimeoutMs ?? 5000;
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

  // The statements themselves, synchronous: a busy lock surfaces as SQLITE_BUSY at once.
  function syncAll<T>(sql: string, params: readonly SqlValue[] = []): T[] {
    const { text, values } = toSqlite(sql, params);
    const statement = prepare(text);
    return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
  }
  function syncGet<T>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    const { text, values } = toSqlite(sql, params);
    const statement = prepare(text);
    if (!statement.reader) {
      statement.run(...values);
      return undefined;
    }
    return statement.get(...values) as T | undefined;
  }
  function syncRun(sql: string, params: readonly SqlValue[] = []): number {
    const { text, values } = toSqlite(sql, params);
    const statement = prepare(text);
    if (statement.reader) return statement.all(...values).length;
    return statement.run(...values).changes;
  }

  // Inside a transaction: BEGIN IMMEDIATE already holds the write lock, nothing to wait for.
  const direct: Queryable = {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => guard(() => syncAll<T>(sql, params)),
    get: async <T>(sql: string, params?: readonly SqlValue[]) => guard(() => syncGet<T>(sql, params)),
    run: async (sql: string, params?: readonly SqlValue[]) => guard(() => syncRun(sql, params)),
  };

  // One transaction (or lone statement) at a time on this connection.
  let queue: Promise<unknown> = Promise.resolve();
  // Each unit's lock wait is counted from when it was queued, so a queue behind a locked file
  // drains within one deadline rather than one deadline per request.
  function serialize<T>(work: (deadline: number) => Promise<T>): Promise<T> {
    // Queued behind the transaction that is waiting for it: fail now instead of never.
    assertOutsideTransaction('A query on the shared SQLite connection');
    const deadline = performance.now() + lockWaitMs;
    const start = () => work(deadline);
    const next = queue.then(start, start);
    queue = next.catch(() => undefined);
    return next;
  }

  /** A lone statement: tried again while another process holds the lock. */
  function lone<T>(deadline: number, statement: () => T): Promise<T> {
    return guardAsync(() => retryWhileLocked(deadline, statement));
  }

  async function guardAsync<T>(work: () => Promise<T>): Promise<T> {
    if (closed) throw databaseUnavailable(new Error('The database is closed.'));
    try {
      return await work();
    } catch (error) {
      if (isBusy(error)) throw databaseUnavailable(error, true);
      throw error;
    }
  }

  return {
    dialect: 'sqlite',
    all: (sql, params) => serialize((deadline) => lone(deadline, () => syncAll(sql, params))),
    get: (sql, params) => serialize((deadline) => lone(deadline, () => syncGet(sql, params))),
    run: (sql, params) => serialize((deadline) => lone(deadline, () => syncRun(sql, params))),
    transaction: (work) =>
      serialize(async (deadline) => {
        await guardAsync(() => retryWhileLocked(deadline, () => db.exec('BEGIN IMMEDIATE')));
        try {
          const result = await runInTransactionScope(() => work(direct));
          guard(() => db.exec('COMMIT'));
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    exec: (script) => serialize((deadline) => lone(deadline, () => void db.exec(script))),
    native: () => ({ dialect: 'sqlite' as const, client: db, exclusive: <T>(work: () => Promise<T>) => serialize(work) }),
    // Touches no table, so it takes no lock and may run between another unit's statements.
    ping: async () => void guard(() => syncGet('SELECT 1 AS ok')),
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
