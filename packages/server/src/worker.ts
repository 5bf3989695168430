/**
 * The worker command: background jobs without HTTP. On PostgreSQL any number of workers (and
 * server processes started with `PXM_WORKER=off`) share one queue; on SQLite a server process
 * already runs every job, so a worker there is refused rather than left to race it.
 */
import type { CliConfig } from './config.js';
import { createPxmServer } from './server.js';

export async function runWorker(config: CliConfig): Promise<void> {
  if (!config.summary.database.startsWith('PostgreSQL')) {
    process.stderr.write('[pxm] cannot start: the worker needs PostgreSQL (DATABASE_URL); on SQLite the server runs its jobs itself.\n');
    process.exit(1);
  }
  const server = await createPxmServer({ ...config.options, seed: 'none', jobs: { ...config.options.jobs, work: true } });
  process.stdout.write(`[pxm] worker on ${config.summary.database}: jobs ${server.jobs.kind}, reminder sender ${config.summary.reminderSender}, referral senders ${config.summary.referralSenders}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`[pxm] ${signal}: worker finishing the jobs in hand\n`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
