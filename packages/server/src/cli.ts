#!/usr/bin/env node
/** `pnpm server`: the reference backend on SQLite (or PostgreSQL with DATABASE_URL). */
import { configFromEnv, startupBanner } from './config.js';
import { createPxmServer } from './server.js';

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv(process.env, process.argv.slice(2));
} catch (error) {
  // A setting that would be unsafe or is malformed stops the start with one line saying which.
  process.stderr.write(`[pxm] cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
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
