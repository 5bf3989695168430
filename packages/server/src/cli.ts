#!/usr/bin/env node
/**
 * `pnpm server`: the reference backend on SQLite (or PostgreSQL with DATABASE_URL).
 * `pnpm worker` (`pxm-server worker`): runs background jobs only, no HTTP (PostgreSQL).
 */
import { configFromEnv, startupBanner } from './config.js';
import { createPxmServer } from './server.js';
import { runWorker } from './worker.js';

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv(process.env, process.argv.slice(2));
} catch (error) {
  // A setting that would be unsafe or is malformed stops the start with one line saying which.
  process.stderr.write(`[pxm] cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
if (process.argv[2] === 'worker') {
  await runWorker(config);
} else {
  await runServer(config);
}

async function runServer(config: ReturnType<typeof configFromEnv>): Promise<void> {
  const server = await createPxmServer(config.options);
  const running = await server.listen({ port: config.port, hostname: config.host });
  process.stdout.write(`${startupBanner(config, running.url).join('\n')}\n`);
  if (config.summary.demoData) process.stdout.write(`[pxm] try ${running.url}/booking/practice\n`);

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`[pxm] ${signal}: shutting down\n`);
    await server.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
