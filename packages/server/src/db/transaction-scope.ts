/**
 * Deadlock guard. Inside a transaction, work must use the transaction's own handle: on SQLite the
 * connection runs one transaction (or lone statement) at a time, so a top-level query awaited
 * inside a transaction waits for that transaction, which waits for the query, forever, and every
 * later request queues behind both. On PostgreSQL the same mistake takes a second pool connection
 * per request, which deadlocks the pool under load. Rather than hang, such a call fails at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();

export function insideTransaction(): boolean {
  return scope.getStore() === true;
}

export function runInTransactionScope<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(true, work);
}

/** Work that is not transactional itself (a background job) may still start from inside one. */
export function runOutsideTransactionScope<T>(work: () => T): T {
  return scope.exit(work);
}

export class TransactionMisuseError extends Error {
  constructor(what: string) {
    super(`${what} inside a transaction: use the transaction's handle, or read it before the transaction starts.`);
    this.name = 'TransactionMisuseError';
  }
}

export function assertOutsideTransaction(what: string): void {
  if (insideTransaction()) throw new TransactionMisuseError(what);
}
