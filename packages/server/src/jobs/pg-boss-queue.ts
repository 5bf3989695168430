/**
 * PostgreSQL's scheduler: pg-boss (a maintained job queue that keeps its jobs in PostgreSQL, see
 * the README's "Background jobs"). Every server process creates the queues and can enqueue in
 * its own transactions; processes that work (the `worker` command, or the single-process
 * default) fetch jobs with SKIP LOCKED, so any number of them share the work. A job is active
 * until its handler resolves: a worker killed mid-job leaves it active, and once its time limit
 * (`timeoutSeconds`) passes, pg-boss's maintenance puts it back to be run again. Bodies are
 * therefore idempotent.
 *
 * One queue serves every practice the process opens (so pollers and connections do not grow with
 * them): a practice's job carries its id in `data.practice`, and the worker runs it with that
 * practice's bodies (opening the practice first when this process has not yet). Its rows live in
 * the default practice's `_jobs` schema, named in full by pg-boss, so a practice enqueues them on
 * its own transaction's connection. A cron job sends one job per registered practice (the
 * fan-out, each retried on its own), then runs the default practice's body.
 */
import PgBoss from 'pg-boss';
import type { Queryable, SqlValue } from '../db/database.js';
import type { JobBody } from './job-bodies.js';
import { ALL_JOB_NAMES, type JobName } from './job-names.js';
import { recordRun, type EnqueueOptions, type JobCounts, type JobQueue } from './job-queue.js';

/** The field of a job's data that names its practice (absent: the default practice). */
export const PRACTICE_FIELD = 'practice';
/** Set on cron jobs: run for the default practice and once for every registered practice. */
const FAN_OUT_FIELD = 'everyPractice';
/** Jobs of one name a worker takes per fetch. */
const JOBS_PER_FETCH = 10;
/**
 * Job bodies running at once in a process, across every name: the pool's other connections stay
 * free for requests (five names times a full batch would take every connection).
 */
const JOBS_AT_ONCE = 3;

export interface CronSchedule {
  name: JobName;
  /** Standard five-field cron, minute granularity (pg-boss checks it about every 30 s). */
  cron: string;
}

export interface PgBossQueueOptions {
  /** The server's own pool: jobs share its connections (and so its settings). */
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  /** pg-boss's own schema: `pgboss`, or `<schema>_jobs` beside the server's tables. */
  schema: string;
  bodies: Record<JobName, JobBody>;
  schedules: readonly CronSchedule[];
  /** A job still active this long is taken as lost (its worker died) and run again. */
  timeoutSeconds: number;
  /** How often lost jobs are looked for (one process does it per interval). */
  maintenanceSeconds: number;
  /** How often an idle worker looks for jobs. */
  pollingSeconds: number;
  /** Tries after the first, with growing pauses. */
  retryLimit: number;
  /** This process works jobs: it also runs pg-boss's maintenance (lost-job recovery) and cron. */
  work: boolean;
  /** Runs `work` while no other process runs it (the database's migration lock). */
  oneAtATime<T>(work: () => Promise<T>): Promise<T>;
  onFailure(name: JobName, error: unknown): void;
  onError(error: unknown): void;
  /** Opens a practice in this process (its server then registers its bodies); false when no practice has the id. */
  openPractice?(practiceId: string): Promise<boolean>;
  /** The registered practices other than the default one, for cron's fan-out. */
  listPractices?(): Promise<string[]>;
}

/** The process's queue, through which every practice it serves gets a queue of its own. */
export interface SharedJobQueue extends JobQueue {
  /** The practice's view: its jobs carry its id and run with `bodies`. Its `stop()` forgets them. */
  forPractice(practiceId: string, bodies: Record<JobName, JobBody>, onFailure: (name: JobName, error: unknown) => void): JobQueue;
}

interface JobTarget {
  bodies: Record<JobName, JobBody>;
  runs: Map<JobName, { completed: number; failed: number }>;
  onFailure(name: JobName, error: unknown): void;
}

/** A pg-boss schema name beside the server's own (`public` keeps pg-boss's default). */
export function jobSchemaFor(serverSchema: string | undefined): string {
  return serverSchema && serverSchema !== 'public' ? `${serverSchema}_jobs` : 'pgboss';
}

export async function createPgBossQueue(options: PgBossQueueOptions): Promise<SharedJobQueue> {
  const runs = new Map<JobName, { completed: number; failed: number }>();
  const defaultTarget: JobTarget = { bodies: options.bodies, runs, onFailure: options.onFailure };
  const practices = new Map<string, JobTarget>();
  let working = false;
  const boss = new PgBoss({
    db: { executeSql: options.executeSql },
    schema: options.schema,
    // Maintenance and cron run only where jobs are worked: an HTTP-only process just enqueues.
    supervise: options.work,
    schedule: options.work,
    maintenanceIntervalSeconds: options.maintenanceSeconds,
    pollingIntervalSeconds: options.pollingSeconds,
    // The skew check only warns (cron uses the database's clock): every 10 minutes is enough.
    clockMonitorIntervalSeconds: 600,
  });
  boss.on('error', (error) => options.onError(error));
  // One process at a time: on a new database, pg-boss's install creates its schema before taking
  // its own lock, and createQueue attaches a partition table to the job table; processes starting
  // at once collide on the one and deadlock on the other.
  await options.oneAtATime(async () => {
    await boss.start();
    for (const name of ALL_JOB_NAMES) {
      const queue = { retryLimit: options.retryLimit, retryDelay: 5, retryBackoff: true, expireInSeconds: options.timeoutSeconds };
      await boss.createQueue(name, { name, ...queue });
      // createQueue keeps an existing queue as it was: settings follow the configuration.
      await boss.updateQueue(name, { name, ...queue });
    }
  });

  /** Adds a job on `tx`'s connection, in its transaction. */
  async function send(tx: Queryable, name: JobName, data: Record<string, unknown>, enqueueOptions: EnqueueOptions): Promise<void> {
    await boss.send(name, data, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.all(text, values as SqlValue[]) }) },
      ...(enqueueOptions.delayMs !== undefined ? { startAfter: Math.max(0, Math.ceil(enqueueOptions.delayMs / 1000)) } : {}),
      ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
    });
  }

  async function targetOf(data: Record<string, unknown>): Promise<JobTarget | undefined> {
    const practiceId = data[PRACTICE_FIELD];
    if (typeof practiceId !== 'string') return defaultTarget;
    if (!practices.has(practiceId) && !(await options.openPractice?.(practiceId))) return undefined;
    return practices.get(practiceId);
  }

  let running = 0;
  const waiting: (() => void)[] = [];
  async function runLimited(name: JobName, data: Record<string, unknown>): Promise<void> {
    while (running >= JOBS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      await runOne(name, data);
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  async function runOne(name: JobName, data: Record<string, unknown>): Promise<void> {
    if (data[FAN_OUT_FIELD] === true) {
      // Sent before the default practice's run, so its failure never holds the others back.
      for (const practiceId of (await options.listPractices?.()) ?? []) {
        await boss.send(name, { [PRACTICE_FIELD]: practiceId }, { singletonKey: `${practiceId}:cron` });
      }
    }
    // A practice no longer registered has nothing left to do.
    const target = await targetOf(data);
    if (!target) return;
    try {
      await target.bodies[name](data);
      recordRun(target.runs, name, true);
    } catch (error) {
      recordRun(target.runs, name, false);
      target.onFailure(name, error);
      throw error;
    }
  }

  async function counts(): Promise<JobCounts[]> {
    const rows = await options.executeSql(
      `SELECT name, state, count(*)::int AS count FROM ${options.schema}.job WHERE name = ANY($1) GROUP BY name, state`,
      [ALL_JOB_NAMES],
    );
    return ALL_JOB_NAMES.map((name) => {
      const of = (state: string) =>
        (rows.rows as { name: string; state: string; count: number }[]).filter((row) => row.name === name && row.state === state).reduce((sum, row) => sum + row.count, 0);
      return { name, queued: of('created') + of('retry'), active: of('active'), failed: of('failed') };
    });
  }

  return {
    kind: 'pg-boss',
    enqueue: (tx, name, data = {}, enqueueOptions = {}) => send(tx, name, data, enqueueOptions),
    async startWorking() {
      if (working || !options.work) return;
      working = true;
      for (const name of ALL_JOB_NAMES) {
        // A fetch takes up to a batch (side by side, typically different practices'), then the
        // worker waits its polling interval: one job per fetch would cap a process's throughput
        // per job name at one job per interval, however many practices it serves.
        await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: options.pollingSeconds, batchSize: JOBS_PER_FETCH }, async (jobs) => {
          const outcomes = await Promise.allSettled(jobs.map((job) => runLimited(name, job.data ?? {})));
          // pg-boss completes the batch once this resolves; a job that failed is failed first (and retried alone).
          for (const [index, outcome] of outcomes.entries()) {
            if (outcome.status === 'fulfilled') continue;
            const error = outcome.reason as { name?: unknown; code?: unknown } | undefined;
            await boss.fail(name, jobs[index]!.id, { error: String(error?.name ?? 'Error'), code: String(error?.code ?? '') });
          }
        });
      }
      for (const schedule of options.schedules) await boss.schedule(schedule.name, schedule.cron, { [FAN_OUT_FIELD]: true });
    },
    forPractice(practiceId, bodies, onFailure) {
      const target: JobTarget = { bodies, runs: new Map(), onFailure };
      practices.set(practiceId, target);
      return {
        kind: 'pg-boss',
        enqueue: (tx, name, data = {}, enqueueOptions = {}) =>
          send(tx, name, { ...data, [PRACTICE_FIELD]: practiceId }, {
            ...enqueueOptions,
            // Keys are per practice: two practices' reminders due the same minute are two jobs.
            ...(enqueueOptions.singletonKey ? { singletonKey: `${practiceId}:${enqueueOptions.singletonKey}` } : {}),
          }),
        // The process's queue works every practice's jobs.
        startWorking: async () => undefined,
        counts,
        runs: target.runs,
        async stop() {
          if (practices.get(practiceId) === target) practices.delete(practiceId);
        },
      };
    },
    counts,
    runs,
    async stop() {
      // Graceful: jobs in hand finish (or, past the timeout, are failed back to be retried).
      await boss.stop({ graceful: working, timeout: 5_000, wait: true }).catch(() => undefined);
    },
  };
}
