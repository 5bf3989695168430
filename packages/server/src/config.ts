/** Server settings from the environment (see the README's table). */
import { clockStartingAt, systemClock, type Clock } from './clock.js';
import { DEFAULT_SQLITE_PATH } from './db/open.js';
import { createLogSender } from './reminders/log-sender.js';
import type { ReminderSender } from './reminders/reminder-sender.js';
import { createWebhookSender } from './reminders/webhook-sender.js';
import type { PxmServerOptions } from './server.js';

export interface CliConfig {
  port: number;
  host: string;
  options: PxmServerOptions;
  describe: string;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got ${raw}).`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const sqlitePath = env.PXM_SQLITE_PATH || DEFAULT_SQLITE_PATH;
  let now: Clock = systemClock;
  if (env.PXM_NOW) {
    const start = new Date(env.PXM_NOW);
    if (Number.isNaN(start.getTime())) throw new Error(`PXM_NOW must be an ISO instant (got ${env.PXM_NOW}).`);
    now = clockStartingAt(start);
  }
  let sender: ReminderSender = createLogSender();
  if (env.PXM_REMINDER_WEBHOOK_URL) {
    sender = createWebhookSender({ url: env.PXM_REMINDER_WEBHOOK_URL, ...(env.PXM_REMINDER_WEBHOOK_SECRET ? { secret: env.PXM_REMINDER_WEBHOOK_SECRET } : {}) });
  }
  const corsOrigins = (env.PXM_CORS_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const seed = env.PXM_SEED === 'none' ? 'none' : 'demo';
  return {
    port: integer(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    describe: databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite at ${sqlitePath}`,
    options: {
      database: databaseUrl ? { url: databaseUrl, ...(env.PXM_PG_SCHEMA ? { schema: env.PXM_PG_SCHEMA } : {}) } : { sqlitePath },
      now,
      holdTtlMs: integer(env, 'PXM_HOLD_TTL_MS', 10 * 60_000),
      corsOrigins,
      ...(env.PXM_ADMIN_API_KEY ? { adminApiKey: env.PXM_ADMIN_API_KEY } : {}),
      ...(env.PXM_SECRET_KEY ? { secretKey: env.PXM_SECRET_KEY } : {}),
      maxJsonBytes: integer(env, 'PXM_MAX_BODY_BYTES', 1024 * 1024),
      seed,
      reminders: { sender, pollIntervalMs: integer(env, 'PXM_REMINDER_POLL_MS', 30_000) || false },
      ...(env.PXM_ACCESS_LOG === 'off' ? { log: false as const } : {}),
      http: {
        headersTimeoutMs: integer(env, 'PXM_HEADERS_TIMEOUT_MS', 10_000),
        requestTimeoutMs: integer(env, 'PXM_REQUEST_TIMEOUT_MS', 30_000),
      },
    },
  };
}
