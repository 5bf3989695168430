/**
 * A deployment for a test file: N server processes (and a worker when asked) on one fresh
 * PostgreSQL schema, started once, and a fresh backend for every test all the same (the schema
 * is put back to its seeded rows before each, see schema-snapshot.ts). Starting processes per
 * test costs seconds each; this costs a fraction of one.
 *
 * All processes read one clock (PXM_NOW at PXM_NOW_AT): a hold one of them made lapses at the
 * same instant for the others. That clock runs in real time from the start of the file, so
 * holds are kept short enough to outwait.
 */
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW, type ContractSubject } from '@pxm/adapter-testkit';
import { createPxmServer } from '../src/index.js';
import { DATABASE_URL, dropSchema, freshSchemaName } from './harness.js';
import { snapshotSchema, type SchemaSnapshot } from './schema-snapshot.js';
import { roundRobinFetch, startProcessGroup, type ProcessGroup } from './server-process.js';

export interface ProcessDeploymentOptions {
  servers: number;
  /** `true`: the servers only serve HTTP (`PXM_WORKER=off`) and one `pxm-server worker` runs every job. */
  worker: boolean;
  holdTtlMs: number;
  /** More settings for every process. */
  env?: Record<string, string>;
}

export interface ProcessDeployment {
  readonly schema: string;
  /** Requests each server process was sent by `subject()` adapters, by process. */
  readonly served: number[];
  /** The processes (started on the first call), with the database put back to its seeded rows. */
  fresh(): Promise<ProcessGroup>;
  /** A fresh backend for the adapter contract, reached through every process in turn. */
  subject(): Promise<ContractSubject>;
  /** Stops every process and drops the schema (call it in `after`). */
  stop(): Promise<void>;
}

export function processDeployment(options: ProcessDeploymentOptions): ProcessDeployment {
  const schema = freshSchemaName();
  const served = Array.from({ length: options.servers }, () => 0);
  let started: Promise<{ group: ProcessGroup; seeded: SchemaSnapshot }> | undefined;
  // One rotation for the file: whichever test makes the next call, it goes to the next process,
  // so no two calls in a row reach the same process and every read after a write crosses over.
  let rotation: typeof fetch | undefined;

  async function start() {
    // Migrated and seeded here first, so the processes start at once and find the work done.
    const setup = await createPxmServer({ database: { url: DATABASE_URL, schema }, now: () => CONTRACT_NOW, log: false, reminders: { pollIntervalMs: false }, jobs: { work: false } });
    await setup.close();
    const env = {
      DATABASE_URL,
      PXM_PG_SCHEMA: schema,
      PXM_NOW: CONTRACT_NOW.toISOString(),
      PXM_NOW_AT: String(Date.now()),
      PXM_HOLD_TTL_MS: String(options.holdTtlMs),
      // One test address makes far more holds than a visitor may: the limits are another suite's.
      PXM_LIMITS: 'off',
      PXM_REMINDER_POLL_MS: '0',
      PXM_REFERRAL_POLL_MS: '0',
      ...(options.worker ? { PXM_WORKER: 'off' } : {}),
      ...options.env,
    };
    const group = await startProcessGroup(options.servers, env, options.worker ? { workerEnv: {} } : {});
    // Taken once the processes run, so whatever they write as they start is in it.
    return { group, seeded: await snapshotSchema(DATABASE_URL, schema) };
  }

  async function fresh(): Promise<ProcessGroup> {
    // A failed start fails every test at once: it is not retried, and nothing waits on it.
    started ??= start();
    const { group, seeded } = await started;
    await seeded.restore();
    return group;
  }

  return {
    schema,
    served,
    fresh,
    async subject() {
      const group = await fresh();
      rotation ??= roundRobinFetch(group.urls, served);
      return { adapter: createRestAdapter({ baseUrl: group.urls[0]!, fetch: rotation, timeoutMs: 15_000 }), holdTtlMs: options.holdTtlMs };
    },
    async stop() {
      if (!started) return;
      const running = await started.catch(() => undefined);
      try {
        await running?.group.stop();
      } finally {
        // The schemas go even when a process would not stop cleanly.
        await running?.seeded.drop().catch(() => undefined);
        await dropSchema(schema);
      }
    },
  };
}
