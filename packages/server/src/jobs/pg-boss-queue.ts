/**
 * PostgreSQL's scheduler: pg-boss (a maintained job queue that keeps its jobs in PostgreSQL, see
 * the README's "Background jobs"). Every server process creates the queues and can enqueue in
 * its own transactions; processes that work (the `worker` command, or the single-process
 * default) fetch jobs with SKIP LOCKED, so any number of them share the work. A job is active
 * until its handler resolves: a worker killed mid-job leaves it active, and once its time limit
 * (`timeoutSeconds`) passes, pg-boss's maintenance puts it back to be run again. Bodies are
 * therefore idempotent.
 */
import PgBoss from 'pg-boss';
import type { Queryable, SqlValue } from '../db/database.js';
import type { JobBody } from './job-bodies.js';
import { ALL_JOB_NAMES, type JobName } from './job-names.js';
import { recordRun, type JobCounts, type JobQueue } from './job-queue.js';

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
}

/** A pg-boss schema name beside the server's own (`public` keeps pg-boss's default). */
export function jobSchemaFor(serverSchema: string | undefined): string {
  return serverSchema && serverSchema !== 'public' ? `${serverSchema}_jobs` : 'pgboss';
}

export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const runs = new Map<JobName, { completed: number; failed: number }>();
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

  return {
    kind: 'pg-boss',
    async enqueue(tx: Queryable, name: JobName, data = {}, enqueueOptions = {}) {
      await boss.send(name, data, {
        db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.all(text, values as SqlValue[]) }) },
        ...(enqueueOptions.delayMs !== undefined ? { startAfter: Math.max(0, Math.ceil(enqueueOptions.delayMs / 1000)) } : {}),
        ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
      });
    },
    async startWorking() {
      if (working || !options.work) return;
      working = true;
      for (const name of ALL_JOB_NAMES) {
        await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: options.pollingSeconds, batchSize: 1 }, async (jobs) => {
          for (const job of jobs) {
            try {
              await options.bodies[name](job.data ?? {});
              recordRun(runs, name, true);
            } catch (error) {
              recordRun(runs, name, false);
              options.onFailure(name, error);
              throw error;
            }
          }
        });
      }
      for (const schedule of options.schedules) await boss.schedule(schedule.name, schedule.cron, {});
    },
    async counts(): Promise<JobCounts[]> {
      const rows = await options.executeSql(
        `SELECT name, state, count(*)::int AS count FROM ${options.schema}.job WHERE name = ANY($1) GROUP BY name, state`,
        [ALL_JOB_NAMES],
      );
      return ALL_JOB_NAMES.map((name) => {
        const of = (state: string) =>
          (rows.rows as { name: string; state: string; count: number }[]).filter((row) => row.name === name && row.state === state).reduce((sum, row) => sum + row.count, 0);
        return { name, queued: of('created') + of('retry'), active: of('active'), failed: of('failed') };
      });
    },
    runs,
    async stop() {
      // Graceful: jobs in hand finish (or, past the timeout, are failed back to be retried).
      await boss.stop({ graceful: working, timeout: 5_000, wait: true }).catch(() => undefined);
    },
  };
}
