/** Server settings from the environment (see the README's table). */
import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '@pxm/core/referral';
import { isValidTimeZone } from '@pxm/core/time';
import { clockStartingAt, systemClock, type Clock } from './clock.js';
import { DEFAULT_SQLITE_PATH } from './db/open.js';
import { createLogSender } from './reminders/log-sender.js';
import type { ReminderSender } from './reminders/reminder-sender.js';
import { createWebhookSender } from './reminders/webhook-sender.js';
import { messagingFromEnv } from './reminders/messaging-env.js';
import { referralSendersFromEnv, type ReferralSendersFromEnv } from './referrals/referral-env.js';
import type { PxmServerOptions } from './server.js';
import type { LimitsConfig } from './http/limits.js';

export interface CliConfig {
  port: number;
  host: string;
  options: PxmServerOptions;
  describe: string;
  /** What is switched on, for the startup banner (never a secret). */
  summary: {
    database: string;
    demoData: boolean;
    adminApi: boolean;
    corsOrigins: readonly string[];
    reminderSender: string;
    /** Fax, Direct and email to referrers. */
    referralSenders: string;
    secretKey: 'configured' | 'derived' | 'per-process';
    limits: string;
  };
}

/** The startup banner: one line per thing an operator must know is on or off. */
export function startupBanner(config: CliConfig, url: string): string[] {
  const { summary } = config;
  return [
    `[pxm] server on ${url}`,
    `[pxm]   database:        ${summary.database}`,
    `[pxm]   demo data:       ${summary.demoData ? 'ON (well-known demo links: never on the internet)' : 'off'}`,
    `[pxm]   admin API:       ${summary.adminApi ? 'on' : 'off'}`,
    `[pxm]   CORS origins:    ${summary.corsOrigins.length > 0 ? summary.corsOrigins.join(', ') : 'none'}`,
    `[pxm]   reminder sender: ${summary.reminderSender}`,
    `[pxm]   referral senders: ${summary.referralSenders}`,
    `[pxm]   abuse limits:    ${summary.limits}`,
    `[pxm]   secret key:      ${summary.secretKey === 'configured' ? 'configured' : summary.secretKey === 'derived' ? 'derived from DATABASE_URL (set PXM_SECRET_KEY in production)' : 'per process (set PXM_SECRET_KEY in production)'}`,
  ];
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got ${raw}).`);
  return value;
}

/** The referral inbox's settings, the fax and Direct callbacks, and the senders to referrers. */
function referralsFromEnv(env: NodeJS.ProcessEnv, senders: ReferralSendersFromEnv): NonNullable<PxmServerOptions['referrals']> {
  const faxToken = env.PXM_FAX_CALLBACK_TOKEN;
  const publicUrl = env.PXM_PUBLIC_URL;
  // The fax signature covers the URL the provider calls: without it no callback could verify.
  if (faxToken && !publicUrl) throw new Error('PXM_FAX_CALLBACK_TOKEN is set but PXM_PUBLIC_URL is not: set the address the fax provider calls this server at.');
  const zone = env.PXM_CLINIC_TIME_ZONE || undefined;
  if (zone && !isValidTimeZone(zone)) throw new Error(`PXM_CLINIC_TIME_ZONE must be an IANA time zone (got ${zone}).`);
  return {
    duplicateWindowDays: integer(env, 'PXM_REFERRAL_DUPLICATE_DAYS', DEFAULT_DUPLICATE_WINDOW_DAYS),
    emailAllowed: env.PXM_REFERRAL_EMAIL === 'allowed',
    emailAttachesPlanOfCare: env.PXM_REFERRAL_EMAIL_PLAN === 'attach',
    channels: senders.channels,
    ...(senders.directInbox ? { directInbox: senders.directInbox } : {}),
    ...(zone ? { timeZone: zone } : {}),
    pollIntervalMs: integer(env, 'PXM_REFERRAL_POLL_MS', 60_000) || false,
    webhooks: {
      ...(faxToken && publicUrl ? { fax: { callbackToken: faxToken, publicUrl } } : {}),
      ...(env.PXM_HISP_WEBHOOK_SECRET ? { direct: { webhookSecret: env.PXM_HISP_WEBHOOK_SECRET } } : {}),
    },
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): CliConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const sqlitePath = env.PXM_SQLITE_PATH || DEFAULT_SQLITE_PATH;
  let now: Clock = systemClock;
  if (env.PXM_NOW) {
    const start = new Date(env.PXM_NOW);
    if (Number.isNaN(start.getTime())) throw new Error(`PXM_NOW must be an ISO instant (got ${env.PXM_NOW}).`);
    // PXM_NOW_AT: the moment (epoch ms) PXM_NOW holds, so several processes share one clock.
    const at = env.PXM_NOW_AT ? Number(env.PXM_NOW_AT) : undefined;
    if (at !== undefined && !Number.isFinite(at)) throw new Error(`PXM_NOW_AT must be epoch milliseconds (got ${env.PXM_NOW_AT}).`);
    now = clockStartingAt(start, at);
  }
  let sender: ReminderSender = createLogSender();
  if (env.PXM_REMINDER_WEBHOOK_URL) {
    // Never unsigned: a receiver must be able to tell a delivery from this server from a forgery.
    if (!env.PXM_REMINDER_WEBHOOK_SECRET) {
      throw new Error('PXM_REMINDER_WEBHOOK_URL is set but PXM_REMINDER_WEBHOOK_SECRET is not: the webhook is always signed; set a secret of at least 32 characters.');
    }
    sender = createWebhookSender({ url: env.PXM_REMINDER_WEBHOOK_URL, secret: env.PXM_REMINDER_WEBHOOK_SECRET });
  }
  const messaging = messagingFromEnv(env);
  if (env.PXM_REFERRAL_EMAIL_PLAN && env.PXM_REFERRAL_EMAIL_PLAN !== 'attach' && env.PXM_REFERRAL_EMAIL_PLAN !== 'notice') {
    throw new Error(`PXM_REFERRAL_EMAIL_PLAN must be notice or attach (got ${env.PXM_REFERRAL_EMAIL_PLAN}).`);
  }
  const referralSenders = referralSendersFromEnv(env);
  const corsOrigins = (env.PXM_CORS_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  // Empty unless asked: the demo practice's links are public knowledge.
  if (env.DATABASE_READ_URL && !(databaseUrl && /^postgres(ql)?:\/\//.test(env.DATABASE_READ_URL))) {
    throw new Error('DATABASE_READ_URL needs a postgres:// URL, and PostgreSQL as the primary (DATABASE_URL).');
  }
  if (env.PXM_LOG_FORMAT && env.PXM_LOG_FORMAT !== 'json' && env.PXM_LOG_FORMAT !== 'text') throw new Error(`PXM_LOG_FORMAT must be json or text (got ${env.PXM_LOG_FORMAT}).`);
  if (env.PXM_OPERATOR_KEY !== undefined && env.PXM_OPERATOR_KEY !== '' && env.PXM_OPERATOR_KEY.length < 24) throw new Error('PXM_OPERATOR_KEY must be at least 24 characters.');
  // Migrations hold one connection (the lock) and run on another: a pool needs two.
  if (env.PXM_PG_POOL_SIZE && integer(env, 'PXM_PG_POOL_SIZE', 10) < 2) throw new Error('PXM_PG_POOL_SIZE must be at least 2.');
  if (env.PXM_METRICS_TOKEN !== undefined && env.PXM_METRICS_TOKEN !== '' && env.PXM_METRICS_TOKEN.length < 16) throw new Error('PXM_METRICS_TOKEN must be at least 16 characters.');
  if (env.PXM_SEED !== undefined && env.PXM_SEED !== '' && env.PXM_SEED !== 'demo' && env.PXM_SEED !== 'none') {
    throw new Error(`PXM_SEED must be demo or none (got ${env.PXM_SEED}).`);
  }
  const seed = env.PXM_SEED === 'demo' || argv.includes('--demo') ? 'demo' : 'none';
  const describe = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite at ${sqlitePath}`;
  return {
    port: integer(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    describe,
    summary: {
      database: databaseUrl ? `PostgreSQL (DATABASE_URL${env.PXM_PG_SCHEMA ? `, schema ${env.PXM_PG_SCHEMA}` : ''})` : `SQLite at ${sqlitePath}`,
      demoData: seed === 'demo',
      adminApi: Boolean(env.PXM_ADMIN_API_KEY),
      corsOrigins,
      reminderSender: messaging
        ? messaging.describe
        : env.PXM_REMINDER_WEBHOOK_URL
          ? `webhook to ${new URL(env.PXM_REMINDER_WEBHOOK_URL).origin}`
          : 'log (no messages leave this server)',
      referralSenders: referralSenders.describe.length > 0 ? referralSenders.describe.join(', ') : 'none',
      secretKey: env.PXM_SECRET_KEY ? 'configured' : databaseUrl ? 'derived' : 'per-process',
      limits: env.PXM_LIMITS === 'off' ? 'OFF' : `on${env.PXM_LIMITS ? ' (PXM_LIMITS)' : ''}${env.PXM_TRUST_PROXY ? ', client address from X-Forwarded-For' : ''}`,
    },
    options: {
      database: databaseUrl
        ? {
            url: databaseUrl,
            ...(env.PXM_PG_SCHEMA ? { schema: env.PXM_PG_SCHEMA } : {}),
            ...(env.PXM_PG_POOL_SIZE ? { maxConnections: integer(env, 'PXM_PG_POOL_SIZE', 10) } : {}),
            ...(env.PXM_PG_IDLE_MS ? { idleTimeoutMs: integer(env, 'PXM_PG_IDLE_MS', 30_000) } : {}),
          }
        : { sqlitePath },
      now,
      holdTtlMs: integer(env, 'PXM_HOLD_TTL_MS', 10 * 60_000),
      corsOrigins,
      ...(env.PXM_ADMIN_API_KEY ? { adminApiKey: env.PXM_ADMIN_API_KEY } : {}),
      ...(env.PXM_OPERATOR_KEY ? { operatorKey: env.PXM_OPERATOR_KEY } : {}),
      // Without PXM_SECRET_KEY, processes sharing one PostgreSQL database still need one key: the
      // connection string is a secret they share that a copy of the database does not contain.
      ...(env.PXM_SECRET_KEY ? { secretKey: env.PXM_SECRET_KEY } : databaseUrl ? { secretKey: `pxm-derived-from-database-url:${databaseUrl}` } : {}),
      ...(env.PXM_LIMITS ? { limits: env.PXM_LIMITS === 'off' ? (false as const) : (JSON.parse(env.PXM_LIMITS) as Partial<LimitsConfig>) } : {}),
      ...(env.PXM_TRUST_PROXY === '1' || env.PXM_TRUST_PROXY === 'true' ? { trustProxy: true } : {}),
      maxJsonBytes: integer(env, 'PXM_MAX_BODY_BYTES', 1024 * 1024),
      seed,
      reminders: { sender, pollIntervalMs: integer(env, 'PXM_REMINDER_POLL_MS', 30_000) || false },
      referrals: referralsFromEnv(env, referralSenders),
      ...(messaging ? { messaging: messaging.options } : {}),
      ...(env.PXM_ACCESS_LOG === 'off' ? { log: false as const } : {}),
      ...(env.PXM_LOG_FORMAT === 'json' ? { logFormat: 'json' as const } : {}),
      ...(env.PXM_METRICS_TOKEN ? { metricsToken: env.PXM_METRICS_TOKEN } : {}),
      ...(env.DATABASE_READ_URL ? { readReplica: { url: env.DATABASE_READ_URL } } : {}),
      jobs: {
        // Off: this process serves HTTP and enqueues; `pxm-server worker` processes run the jobs.
        work: env.PXM_WORKER !== 'off',
        timeoutSeconds: integer(env, 'PXM_JOB_TIMEOUT_SECONDS', 300) || 300,
        maintenanceSeconds: integer(env, 'PXM_JOB_MAINTENANCE_SECONDS', 60) || 60,
        pollingSeconds: integer(env, 'PXM_JOB_POLL_SECONDS', 2) || 2,
      },
      http: {
        headersTimeoutMs: integer(env, 'PXM_HEADERS_TIMEOUT_MS', 10_000),
        requestTimeoutMs: integer(env, 'PXM_REQUEST_TIMEOUT_MS', 30_000),
      },
    },
  };
}
