/**
 * How background work is scheduled. On PostgreSQL a pg-boss queue (jobs are rows, enqueued in
 * the transaction of the change that causes them, fetched with SKIP LOCKED by any worker); on
 * SQLite, one machine's timers. The bodies (job-bodies.ts) are the same either way.
 */
import type { Queryable } from '../db/database.js';
import type { JobName } from './job-names.js';

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now (the database's now). */
  delayMs?: number;
  /** At most one waiting job per key: a second enqueue with the same key is dropped. */
  singletonKey?: string;
}

/** Counts of one kind of job, for `/metrics`. */
export interface JobCounts {
  name: JobName;
  /** Waiting to run (created or retry). */
  queued: number;
  /** Being run now. */
  active: number;
  /** Gave up after their retries. */
  failed: number;
}

export interface JobQueue {
  readonly kind: 'pg-boss' | 'timers';
  /**
   * Adds a job in the caller's transaction: committed with the change, or never. A no-op on
   * SQLite, where the periodic timers cover the same work.
   */
  enqueue(tx: Queryable, name: JobName, data?: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
  /** Starts running jobs in this process (a worker); without it the process only enqueues. */
  startWorking(): Promise<void>;
  counts(): Promise<JobCounts[]>;
  /** Jobs run by this process, and how they ended. */
  readonly runs: ReadonlyMap<JobName, { completed: number; failed: number }>;
  stop(): Promise<void>;
}

export function recordRun(runs: Map<JobName, { completed: number; failed: number }>, name: JobName, ok: boolean): void {
  const entry = runs.get(name) ?? { completed: 0, failed: 0 };
  if (ok) entry.completed++;
  else entry.failed++;
  runs.set(name, entry);
}
