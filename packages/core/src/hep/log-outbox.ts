/**
 * The outbox for activity logs: every log (and every undo) is put in a durable store first, then
 * sent; it leaves the store only once the backend has it. Logs carry client-made ids and the
 * backend stores each id once, so sending again after a lost reply, a crash or a reload never
 * makes a duplicate. Flushes run one at a time, in the order entries were made.
 *
 * The store is any keyed queue (the elements use an encrypted IndexedDB one). A batch the backend
 * rejects as invalid is retried entry by entry, so one bad entry cannot hold back the others;
 * rejected entries stay in the store, marked, until the caller retries or discards them.
 */
import { toAdapterError, type AdapterError } from '../errors/adapter-error.js';
import type { ActivityLogEntry } from '../schemas/hep.js';

export interface PendingStore<T> {
  enqueue(id: string, payload: T): Promise<void>;
  list(): Promise<Array<{ id: string; payload: T; queuedAt: number }>>;
  remove(id: string): Promise<void>;
}

export type SendLogs = (entries: ActivityLogEntry[]) => Promise<unknown>;

export type PendingState = 'waiting' | 'rejected';

export interface PendingLog {
  /** The outbox id: the client id, with `:void` for an undo. */
  id: string;
  entry: ActivityLogEntry;
  state: PendingState;
  queuedAt: number;
}

export interface FlushOutcome {
  sent: number;
  /** Entries still waiting (not rejected) after this flush. */
  waiting: number;
  rejected: number;
  /** What stopped the flush early: retryable (try later) or not (token expired...). */
  error?: AdapterError;
}

/** The outbox id of an entry: a log and its undo are separate entries. */
export function outboxId(entry: Pick<ActivityLogEntry, 'clientId' | 'voided'>): string {
  return entry.voided ? `${entry.clientId}:void` : entry.clientId;
}

/** Backoff before the next automatic try: 2 s doubling to 60 s, with jitter so tabs spread out. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface LogOutboxOptions {
  store: PendingStore<ActivityLogEntry>;
  send: SendLogs;
  /** Entries per call; the contract accepts up to 200. */
  batchSize?: number;
}

export class LogOutbox {
  private readonly store: PendingStore<ActivityLogEntry>;
  private readonly send: SendLogs;
  private readonly batchSize: number;
  private readonly rejected = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: LogOutboxOptions) {
    this.store = options.store;
    this.send = options.send;
    this.batchSize = Math.max(1, Math.min(200, options.batchSize ?? 50));
  }

  /** Stores the entry durably. Adding the same entry again does nothing. */
  async add(entry: ActivityLogEntry): Promise<string> {
    const id = outboxId(entry);
    await this.store.enqueue(id, entry);
    return id;
  }

  async pending(): Promise<PendingLog[]> {
    const items = await this.store.list();
    return items.map((item) => ({
      id: item.id,
      entry: item.payload,
      queuedAt: item.queuedAt,
      state: this.rejected.has(item.id) ? 'rejected' : 'waiting',
    }));
  }

  /** Sends everything waiting. Never rejects: the outcome says what happened. */
  flush(): Promise<FlushOutcome> {
    const run = this.tail.then(() => this.flushNow());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Marks rejected entries as waiting again, for the next flush. */
  retryRejected(): void {
    this.rejected.clear();
  }

  async discard(id: string): Promise<void> {
    await this.store.remove(id);
    this.rejected.delete(id);
  }

  private async flushNow(): Promise<FlushOutcome> {
    let sent = 0;
    let error: AdapterError | undefined;
    try {
      const waiting = (await this.store.list()).filter((item) => !this.rejected.has(item.id));
      for (let i = 0; i < waiting.length && !error; i += this.batchSize) {
        const batch = waiting.slice(i, i + this.batchSize);
        const failure = await this.trySend(batch.map((item) => item.payload));
        if (!failure) {
          for (const item of batch) await this.store.remove(item.id);
          sent += batch.length;
        } else if (failure.code === 'validation') {
          // Find the entries the backend refuses; send the rest.
          for (const item of batch) {
            const single = batch.length === 1 ? failure : await this.trySend([item.payload]);
            if (!single) {
              await this.store.remove(item.id);
              sent += 1;
            } else if (single.code === 'validation') {
              this.rejected.add(item.id);
            } else {
              error = single;
              break;
            }
          }
        } else {
          error = failure;
        }
      }
    } catch (storeError) {
      error = toAdapterError(storeError, 'hep.logActivity');
    }
    const left = await this.store.list().catch(() => []);
    const rejected = left.filter((item) => this.rejected.has(item.id)).length;
    return { sent, waiting: left.length - rejected, rejected, ...(error ? { error } : {}) };
  }

  private async trySend(entries: ActivityLogEntry[]): Promise<AdapterError | undefined> {
    try {
      await this.send(entries);
      return undefined;
    } catch (failure) {
      return toAdapterError(failure, 'hep.logActivity');
    }
  }
}
