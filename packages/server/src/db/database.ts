/**
 * The storage interface the server runs on. SQL is written once, with `$1`-style placeholders,
 * in the subset SQLite and PostgreSQL share (`ON CONFLICT`, `RETURNING`, integers for instants
 * and flags, text for JSON). Every rule is kept by the database itself: unique keys and
 * conditional updates inside transactions, never by a lock in this process.
 */
export type SqlValue = string | number | null | Uint8Array;

export type Dialect = 'sqlite' | 'postgres';

/**
 * Statements called before the earlier ones are awaited (`Promise.all([tx.run(a), tx.run(b)])`)
 * run in the order called, each seeing the ones before it; on PostgreSQL they go out together
 * on the transaction's connection (pipelined: one round trip). A transaction whose outcome
 * depends on their answers checks them all before it returns, so a shortfall rolls all back.
 */
export interface Queryable {
  /** Every row. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, if any. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * PostgreSQL transactions that lose a serialization race are retried a few times.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `work` while holding the database-wide migration lock (several processes may start at once). */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Resolves when the database answers, rejects when it does not; never queued behind other
   * work, so a health check answers while another process holds SQLite's write lock.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * The driver underneath, for a store that must share it (the abuse limiter). On SQLite, `exclusive`
   * runs work on the connection's queue, outside any transaction.
   */
  native():
    | { dialect: 'sqlite'; client: unknown; exclusive<T>(work: () => Promise<T>): Promise<T> }
    | {
        dialect: 'postgres';
        pool: unknown;
        schema: string | undefined;
        /** A query outside this space's tables (the job queue's own), on the connection holding the migration lock while it is held. */
        query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
      };
}
