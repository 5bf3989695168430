/**
 * `createPxmServer`: the reference backend, ready to `listen()` or to hand its `fetch` to any
 * runtime. Opens (or takes) the database, migrates it, seeds the demo practice on first start,
 * and runs the reminder dispatcher.
 */
import { STATUS_CODES, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AdapterError } from '@pxm/core';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { ServerContext } from './context.js';
import type pg from 'pg';
import type { Database } from './db/database.js';
import { migrate, MIGRATIONS } from './db/migrate.js';
import { addServerGauges, createMetrics } from './http/metrics.js';
import { openPostgres, openPostgresOnPool } from './db/postgres.js';
import { createReadRouting, type ReadRouting } from './db/read-routing.js';
import { openDatabase, type DatabaseConfig } from './db/open.js';
import { problemOf } from './http/problem.js';
import { createSealer } from './secrets.js';
import { createLimiter, DEFAULT_LIMITS, type LimitsConfig } from './http/limits.js';
import { demoPayerRules } from './eligibility/demo-payer-rules.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import { createEligibilityService, DEFAULT_ELIGIBILITY_POLICY, type EligibilityPolicy } from './services/eligibility-service.js';
import { routeByChannel } from './reminders/channel-router.js';
import { createEmailSender, createSmtpTransport, type EmailSenderOptions } from './reminders/email-sender.js';
import { createLogSender } from './reminders/log-sender.js';
import type { LinkTemplates } from './reminders/message-links.js';
import { mergeTemplates, type MessageTemplates } from './reminders/message-templates.js';
import { DEFAULT_JOURNEY, type JourneySettings } from './reminders/messaging-settings.js';
import type { FrequencyCaps } from './reminders/rules/frequency-caps.js';
import type { SendingWindow } from './reminders/rules/quiet-hours.js';
import { createSmsSender } from './reminders/sms-sender.js';
import type { SmsProvider } from './reminders/sms-provider.js';
import { createPracticeNotifier } from './reminders/webhook-sender.js';
import { dispatchDueReminders, type DispatchOptions, type DispatchResult } from './reminders/outbox.js';
import { DEFAULT_REMINDER_OFFSETS_MINUTES } from './reminders/reminder-policy.js';
import type { ReminderSender } from './reminders/reminder-sender.js';
import { seedDemoPractice } from './seed/demo-seed.js';
import { createAdminService } from './services/admin-service.js';
import { createBookingService } from './services/booking-service.js';
import { createCatalogue } from './services/catalogue.js';
import { createHepService } from './services/hep-service.js';
import { createProgressAdmin } from './services/progress-admin.js';
import { createProgressService } from './services/progress-service.js';
import { createIntakeService } from './services/intake-service.js';
import { createMessagingService } from './services/messaging-service.js';
import { createSurveyService } from './services/survey-service.js';
import { createReferralService } from './services/referral-service.js';
import { createJobBodies, purgeExpired as purgeExpiredNow } from './jobs/job-bodies.js';
import type { JobQueue } from './jobs/job-queue.js';
import { JOB_NAMES, type JobName } from './jobs/job-names.js';
import { createPgBossQueue, jobSchemaFor, type SharedJobQueue } from './jobs/pg-boss-queue.js';
import { createTimerQueue, type TimerSchedule } from './jobs/timer-queue.js';
import { createReferralInboxService } from './services/referral-inbox-service.js';
import { createReferralLoopService } from './services/referral-loop-service.js';
import type { ReferralChannels } from './referrals/outbound-channels.js';
import { pollDirectInbox } from './referrals/direct-inbox-poll.js';
import type { HispInbox } from './referrals/hisp-rest-client.js';
import { createReferralEmailSender } from './referrals/referral-email-sender.js';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralSettings } from './referrals/referral-settings.js';
import { dispatchReferralTransmissions, recordDeliveryStatus } from './referrals/transmission-outbox.js';
import type { ReferralWebhookOptions } from './routes/referral-webhook-routes.js';
import { createPracticeRegistry, type PracticeRegistry } from './tenancy/practice-registry.js';
import { practiceOptions } from './tenancy/practice-options.js';
import { DEFAULT_PRACTICE_ID } from './tenancy/practice-settings.js';

export interface PxmServerOptions {
  /** An open database, or where to open one (default: SQLite at `.data/pxm.sqlite`). */
  database?: Database | DatabaseConfig;
  /** "Now"; inject a manual clock in tests. */
  now?: Clock;
  /** How long a slot hold lasts. Default 10 minutes. */
  holdTtlMs?: number;
  /** Browser origins allowed to call the API. Default: none (same-origin and server-to-server only). */
  corsOrigins?: readonly string[];
  /** Turns the admin API on (the default practice's, on the un-prefixed routes). */
  adminApiKey?: string;
  /** `PXM_OPERATOR_KEY`: turns on the operator API, which creates practices. */
  operatorKey?: string;
  /**
   * Set on a practice's own server (see src/tenancy/): it serves that practice only, with the
   * admin key known by its digest, and neither routes to practices nor creates them.
   */
  practice?: {
    id: string;
    adminKeySha256Hex: string | null;
    /** The process's job queue, shared by its practices (PostgreSQL): none of their own. */
    jobs?: SharedJobQueue;
    /** The practice's space on the process's replica connections (`DATABASE_READ_URL`). */
    replica?: Database;
  };
  /** How often the register is read for practices other processes created (to run their jobs here). Default 1 minute. */
  practiceScanMs?: number;
  /** Largest JSON body, bytes. Default 1 MiB. */
  maxJsonBytes?: number;
  /** `demo` seeds the demo practice when the database is empty (default); `none` leaves it empty. */
  seed?: 'demo' | 'none';
  /** Eligibility checks; default the demo payer rules, `false` for none (the endpoint is absent). */
  eligibility?: EligibilityProvider | false;
  /**
   * Eligibility timing and price: the provider's timeout (then "we'll confirm" and a queued
   * re-check), how long a result is reused, when re-checks run, the self-pay price shown.
   */
  eligibilityPolicy?: Partial<EligibilityPolicy> & { pollIntervalMs?: number | false };
  reminders?: {
    /** Where due reminders go. Default: a log line per reminder. */
    sender?: ReminderSender;
    /** Minutes before the visit. Default 2 days and 2 hours. */
    offsetsMinutes?: readonly number[];
    /** How often the dispatcher looks for due reminders; `false` leaves it to `dispatchReminders()`. */
    pollIntervalMs?: number | false;
    dispatch?: DispatchOptions;
  };
  /** Real channels to patients, two-way: email over SMTP, SMS through a provider. See docs/server/reminders.md. */
  messaging?: MessagingOptions;
  /** Access log, one line per request. Default: stdout. `false` for none. */
  log?: ((line: string) => void) | false;
  /** Stored idempotency keys are kept this long. Default 24 hours. */
  idempotencyRetentionMs?: number;
  /**
   * Key that seals idempotent replies and reminder payloads at rest (at least 32 characters;
   * `PXM_SECRET_KEY`). Without it a random key is made per process: see src/secrets.ts.
   */
  secretKey?: string;
  /** How often lapsed holds and idempotency keys past retention are deleted. Default 15 minutes. */
  purgeIntervalMs?: number;
  /** Abuse limits (defaults in `DEFAULT_LIMITS`), each overridable; `false` turns them all off. */
  limits?: Partial<LimitsConfig> | false;
  /** Behind your own reverse proxy: the client address is the last X-Forwarded-For hop. */
  trustProxy?: boolean;
  /** Connection time limits: a slow or half-sent request never holds a connection for long. */
  http?: HttpLimits;
  /** Background jobs: see the README's "Background jobs". */
  jobs?: JobOptions;
  /** `json`: one JSON object per access-log line (ids, codes and times only). Default `text`. */
  logFormat?: 'text' | 'json';
  /** Turns `/metrics` on, behind `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * A streaming replica of the PostgreSQL primary (`DATABASE_READ_URL`) for slot searches and
   * catalogue reads, with read-your-writes by fence: see src/db/read-routing.ts.
   */
  readReplica?: { url: string };
  /** The referral inbox and the loop back to referrers. */
  referrals?: Partial<ReferralSettings> & {
    /** Fax, Direct and email senders for status messages and plans of care. */
    channels?: ReferralChannels;
    /** The fax provider's and the HISP's callbacks (each off unless set). */
    webhooks?: ReferralWebhookOptions;
    /** How often due transmissions are sent; `false` leaves it to `dispatchReferralTransmissions()` or a job queue. */
    pollIntervalMs?: number | false;
    /**
     * A HISP with no webhook: its inbox is polled this often and each new message taken in as the
     * webhook would (idempotent on the HISP's message id).
     */
    directInbox?: { inbox: HispInbox; pollIntervalMs: number };
  };
}

export interface JobOptions {
  /**
   * Run background jobs in this process (default). `false`: this process only serves HTTP and
   * enqueues; a separate `pxm-server worker` runs the jobs (PostgreSQL only; SQLite always runs them).
   */
  work?: boolean;
  /** PostgreSQL: a job still active this long is taken as lost (its worker died) and run again. Default 300. */
  timeoutSeconds?: number;
  /** PostgreSQL: how often lost jobs are looked for. Default 60. */
  maintenanceSeconds?: number;
  /** PostgreSQL: how often an idle worker looks for jobs. Default 2. */
  pollingSeconds?: number;
}

export interface MessagingOptions {
  email?: Omit<EmailSenderOptions, 'templates'>;
  sms?: SmsProvider;
  /** This server's public origin (`https://api.clinic.example`): provider callbacks and unsubscribe links. */
  publicUrl?: string;
  /** Page addresses with `{token}`: the manage link is required when a channel is configured. */
  links?: LinkTemplates;
  /** The practice's own texts over the defaults, per language and step. */
  templates?: Parameters<typeof mergeTemplates>[0];
  /** Let templates name the visit type (`{visitType}`); off by default: a visit type can reveal a condition. */
  showVisitType?: boolean;
  /** Quiet hours (default 8:00 to 21:00 on the patient's or the clinic's clock). */
  window?: SendingWindow;
  /** Default one a day, three a week. */
  caps?: FrequencyCaps;
  journey?: Partial<JourneySettings>;
  /** Where the practice hears of confirmations, bounces and replies (signed like the reminder webhook). */
  practiceWebhook?: { url: string; secret: string };
}

export interface HttpLimits {
  /** Time to receive the request headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** Time to receive the whole request, body included. Default 30 s (a 10 MiB upload at 350 KB/s). */
  requestTimeoutMs?: number;
  /** How long an idle kept-alive connection stays open. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /** On close (SIGTERM), how long requests in flight may take to finish before their connections are cut. Default 10 s. */
  shutdownGraceMs?: number;
}

/**
 * What Node's HTTP parser refuses before the app sees it (not HTTP, headers too large, too slow)
 * leaves as problem+json like every other error, then the connection closes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || response?.headersSent || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431 ? 'The request headers are too large.' : status === 408 ? 'The request was not received in time.' : 'The request is not valid HTTP.';
  const body = JSON.stringify(problemOf(new AdapterError(status === 408 ? 'timeout' : 'validation', message, { retryable: status === 408 }), status));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PxmServer {
  readonly app: Hono<AppEnv>;
  readonly db: Database;
  readonly context: ServerContext;
  fetch(request: Request): Promise<Response>;
  /** Sends every reminder that is due now (the poller calls this too). */
  dispatchReminders(): Promise<DispatchResult>;
  /** Runs the eligibility re-checks that are due (the poller calls this too). */
  recheckEligibility(): Promise<{ checked: number; stillWaiting: number; dropped: number }>;
  /** Sends every due status message and plan of care to referrers (a job does this too). */
  dispatchReferralTransmissions(): Promise<Record<string, number>>;
  /** Takes in new messages from the HISP's inbox, where one is polled (a job does this too). */
  pollDirectInbox(): Promise<{ received: number; repeated: number; rejected: number }>;
  /** Deletes lapsed holds and idempotency keys past retention. */
  purgeExpired(): Promise<void>;
  /** The background job scheduler: pg-boss on PostgreSQL, timers on SQLite. */
  readonly jobs: JobQueue;
  /** The other practices this server serves under `/practices/{practice}/` (absent on a practice's own server). */
  readonly practices: PracticeRegistry<PxmServer> | undefined;
  listen(options?: { port?: number; hostname?: string }): Promise<RunningServer>;
  /** Stops the poller and closes the database (when this server opened it). */
  close(): Promise<void>;
}

export const DEFAULT_HOLD_TTL_MS = 10 * 60_000;

/** A cron expression for "about every `everyMs`", at least once a minute, at most once an hour. */
function cronEvery(everyMs: number): string {
  const minutes = Math.max(1, Math.round(everyMs / 60_000));
  return minutes >= 60 ? '0 * * * *' : `*/${minutes} * * * *`;
}

function eligibilityPolicyOf(given: PxmServerOptions['eligibilityPolicy']): EligibilityPolicy {
  const { pollIntervalMs: _poll, ...policy } = given ?? {};
  const defined = Object.fromEntries(Object.entries(policy).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_ELIGIBILITY_POLICY, ...defined };
}

export async function createPxmServer(options: PxmServerOptions = {}): Promise<PxmServer> {
  const now = options.now ?? systemClock;
  const messaging = options.messaging ?? {};
  if ((messaging.email || messaging.sms) && !messaging.links?.manage) {
    throw new Error('Messages to patients carry their manage link: set messaging.links.manage (a page address with {token}).');
  }
  const ownsDatabase = !(options.database && 'transaction' in options.database);
  const db = ownsDatabase ? await openDatabase((options.database as DatabaseConfig | undefined) ?? {}) : (options.database as Database);
  try {
    await migrate(db, now().getTime(), async () => {
      if ((options.seed ?? 'demo') === 'demo') await seedDemoPractice(db, now());
    });
  } catch (error) {
    if (ownsDatabase) await db.close().catch(() => undefined);
    throw error;
  }

  let routing: ReadRouting;
  try {
    const native = db.native();
    if (options.readReplica && native.dialect !== 'postgres') throw new Error('A read replica (DATABASE_READ_URL) needs PostgreSQL as the primary (DATABASE_URL).');
    const replica = options.practice?.replica ?? (options.readReplica
      ? await openPostgres({
          connectionString: options.readReplica.url,
          createSchema: false,
          // A replica that is slow or away should hand its reads to the primary soon, not in 6 s.
          connectTimeoutMs: 1_000,
          statementTimeoutMs: 2_000,
          ...(native.dialect === 'postgres' && native.schema ? { schema: native.schema } : {}),
        })
      : undefined);
    routing = createReadRouting(db, replica);
  } catch (error) {
    if (ownsDatabase) await db.close().catch(() => undefined);
    throw error;
  }
  const context: ServerContext = {
    db,
    reads: routing.reads,
    now,
    holdTtlMs: options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS,
    catalogue: createCatalogue(routing.reads),
    eligibility: options.eligibility === false ? undefined : (options.eligibility ?? demoPayerRules),
    eligibilityPolicy: eligibilityPolicyOf(options.eligibilityPolicy),
    reminders: { offsetsMinutes: options.reminders?.offsetsMinutes ?? DEFAULT_REMINDER_OFFSETS_MINUTES },
    messaging: {
      ...(messaging.publicUrl ? { publicUrl: messaging.publicUrl } : {}),
      links: messaging.links ?? {},
      ...(messaging.window ? { window: messaging.window } : {}),
      ...(messaging.caps ? { caps: messaging.caps } : {}),
      journey: { ...DEFAULT_JOURNEY, ...messaging.journey },
      ...(messaging.sms ? { sms: messaging.sms } : {}),
      notifyPractice: messaging.practiceWebhook ? createPracticeNotifier(messaging.practiceWebhook) : async () => undefined,
    },
    idempotencyRetentionMs: options.idempotencyRetentionMs ?? 24 * 3_600_000,
    sealer: createSealer(options.secretKey),
    // Replaced below, once the queue (which runs jobs over this context) exists.
    jobs: undefined,
    referrals: {
      duplicateWindowDays: options.referrals?.duplicateWindowDays ?? DEFAULT_REFERRAL_SETTINGS.duplicateWindowDays,
      emailAllowed: options.referrals?.emailAllowed ?? DEFAULT_REFERRAL_SETTINGS.emailAllowed,
      emailAttachesPlanOfCare: options.referrals?.emailAttachesPlanOfCare ?? DEFAULT_REFERRAL_SETTINGS.emailAttachesPlanOfCare,
      timeZone: options.referrals?.timeZone ?? DEFAULT_REFERRAL_SETTINGS.timeZone,
    },
  };
  // One SMTP transport for the server's email: reminders to patients and notices to referrers.
  const smtpTransport = messaging.email ? createSmtpTransport(messaging.email) : undefined;
  const referralChannels: ReferralChannels = {
    ...(smtpTransport && messaging.email ? { email: createReferralEmailSender({ transport: smtpTransport, from: messaging.email.from }) } : {}),
    ...options.referrals?.channels,
  };
  const dispatchTransmissions = () => dispatchReferralTransmissions(context, referralChannels);
  const referralInbox = createReferralInboxService(context);
  const directInbox = options.referrals?.directInbox;
  const pollDirect = async () => (directInbox ? pollDirectInbox(directInbox.inbox, (input) => referralInbox.receiveInbound(input)) : { received: 0, repeated: 0, rejected: 0 });
  const limiter = options.limits === false ? undefined : await createLimiter(db, { ...DEFAULT_LIMITS, ...options.limits });
  const templates: MessageTemplates = mergeTemplates(messaging.templates);
  const showVisitType = messaging.showVisitType ?? false;
  const emailSender = messaging.email ? createEmailSender({ ...messaging.email, templates, showVisitType, ...(smtpTransport ? { transport: smtpTransport } : {}) }) : undefined;
  const fallbackSender = options.reminders?.sender ?? createLogSender();
  const sender =
    emailSender || messaging.sms
      ? routeByChannel(
          {
            ...(emailSender ? { email: emailSender } : {}),
            ...(messaging.sms ? { sms: createSmsSender({ provider: messaging.sms, templates, showVisitType, ...(messaging.publicUrl ? { publicUrl: messaging.publicUrl } : {}) }) } : {}),
          },
          fallbackSender,
        )
      : fallbackSender;
  const dispatchReminders = () => dispatchDueReminders(context, sender, options.reminders?.dispatch);
  const eligibilityChecks = context.eligibility ? createEligibilityService(context, context.eligibilityPolicy) : undefined;
  const recheckEligibility = async () => (eligibilityChecks ? eligibilityChecks.runDueRechecks() : { checked: 0, stillWaiting: 0, dropped: 0 });
  const metrics = createMetrics();
  const log = options.log === false ? () => undefined : (options.log ?? ((line: string) => process.stdout.write(`${line}\n`)));
  // Set once the queue exists (below), before any practice opens: practices share it on PostgreSQL.
  let sharedJobs: SharedJobQueue | undefined;
  const practices = options.practice
    ? undefined
    : createPracticeRegistry(db, now, async (practice) => {
        const space = 'transaction' in practice.database ? practice.database.native() : undefined;
        const replicaPool = routing.replica?.native();
        // The practice's reads on the replica go through the process's replica connections too.
        const replica =
          space?.dialect === 'postgres' && replicaPool?.dialect === 'postgres'
            ? await openPostgresOnPool({ pool: replicaPool.pool as pg.Pool, schema: space.schema!, createSchema: false })
            : undefined;
        return createPxmServer(practiceOptions(options, practice, { ...(sharedJobs ? { jobs: sharedJobs } : {}), ...(replica ? { replica } : {}) }));
      });

  const app = createApp(
    {
      booking: createBookingService(context),
      intake: createIntakeService(context),
      hep: createHepService(context),
      survey: createSurveyService(context),
      progress: createProgressService(context),
      referral: createReferralService(context),
      referralInbox,
      referralLoop: createReferralLoopService(context),
      dispatchReferralTransmissions: dispatchTransmissions,
      recordDeliveryStatus: (update) => recordDeliveryStatus(context, update),
      now,
      admin: createAdminService(context),
      ...(eligibilityChecks ? { eligibility: eligibilityChecks } : {}),
      progressAdmin: createProgressAdmin(context),
      messaging: createMessagingService(context),
      dispatchReminders,
      ...(practices ? { practices } : {}),
      health: async () => {
        try {
          await db.ping();
          return true;
        } catch {
          return false;
        }
      },
      ready: async (): Promise<{ ready: boolean; checks: Record<string, string> }> => {
        try {
          await db.ping();
        } catch {
          return { ready: false, checks: { database: 'unavailable' } };
        }
        try {
          const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
          const missing = MIGRATIONS.filter((migration) => !applied.has(migration.version)).length;
          // The replica is reported, never required: reads fall back to the primary without it.
          const replica: Record<string, string> = routing.hasReplica ? { replica: (await routing.replicaLag()).state } : {};
          return { ready: missing === 0, checks: { database: 'ok', migrations: missing === 0 ? 'current' : `${missing} pending`, ...replica } };
        } catch {
          return { ready: false, checks: { database: 'ok', migrations: 'unknown' } };
        }
      },
    },
    {
      corsOrigins: options.corsOrigins ?? [],
      adminApiKey: options.practice ? (options.practice.adminKeySha256Hex ? { sha256Hex: options.practice.adminKeySha256Hex } : undefined) : options.adminApiKey,
      maxJsonBytes: options.maxJsonBytes ?? 1024 * 1024,
      hasEligibility: context.eligibility !== undefined,
      log,
      limiter,
      trustProxy: options.trustProxy ?? false,
      logFormat: options.logFormat ?? 'text',
      metrics,
      readRouting: routing,
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
      ...(options.referrals?.webhooks ? { referralWebhooks: options.referrals.webhooks } : {}),
      sms: messaging.sms,
      publicUrl: messaging.publicUrl,
      ...(practices
        ? {
            operatorKey: options.operatorKey,
            // `/practices/default/...` is the default practice under its own name.
            practiceApp: async (practiceId: string) => (practiceId === DEFAULT_PRACTICE_ID ? app : (await practices.serverFor(practiceId))?.app),
          }
        : {}),
    },
  );

  const purgeExpired = () => purgeExpiredNow(context);
  const bodies = createJobBodies(context, { dispatchReminders, recheckEligibility, dispatchReferralTransmissions: dispatchTransmissions, pollDirectInbox: pollDirect });
  const onJobFailure = (name: JobName, error: unknown) =>
    // The error's name and code only: a job's message may quote what it worked on.
    process.stderr.write(`${JSON.stringify({ level: 'error', event: 'job_failed', job: name, error: (error as Error)?.name ?? 'Error', code: (error as { code?: unknown })?.code ?? null })}\n`);
  const everyMs: TimerSchedule[] = [
    // The purge runs whatever else is configured: expired replies must not outlive their retention.
    { name: JOB_NAMES.purge, everyMs: options.purgeIntervalMs ?? 15 * 60_000 },
  ];
  const poll = options.reminders?.pollIntervalMs ?? 30_000;
  if (poll !== false) everyMs.push({ name: JOB_NAMES.reminderDispatch, everyMs: poll });
  const recheckPoll = options.eligibilityPolicy?.pollIntervalMs ?? 5 * 60_000;
  if (eligibilityChecks && recheckPoll !== false) everyMs.push({ name: JOB_NAMES.eligibilityRecheck, everyMs: recheckPoll });
  const transmissionPoll = options.referrals?.pollIntervalMs ?? 60_000;
  if (transmissionPoll !== false) everyMs.push({ name: JOB_NAMES.referralTransmissions, everyMs: transmissionPoll });
  if (directInbox) everyMs.push({ name: JOB_NAMES.directInboxPoll, everyMs: directInbox.pollIntervalMs });
  const native = db.native();
  let jobs: JobQueue;
  try {
    jobs = options.practice?.jobs
      ? options.practice.jobs.forPractice(options.practice.id, bodies, onJobFailure)
      : native.dialect === 'postgres'
        ? await createPgBossQueue({
            executeSql: (text, values) => native.query(text, values),
            schema: jobSchemaFor(native.schema),
            bodies,
            // Cron is minute-grained: an interval under a minute runs every minute on PostgreSQL.
            schedules: everyMs.map((schedule) => ({ name: schedule.name, cron: cronEvery(schedule.everyMs) })),
            timeoutSeconds: options.jobs?.timeoutSeconds ?? 300,
            maintenanceSeconds: options.jobs?.maintenanceSeconds ?? 60,
            pollingSeconds: options.jobs?.pollingSeconds ?? 2,
            retryLimit: 5,
            work: options.jobs?.work ?? true,
            oneAtATime: (work) => db.withMigrationLock(work),
            onFailure: onJobFailure,
            onError: (error) => process.stderr.write(`${JSON.stringify({ level: 'error', event: 'job_queue_error', error: (error as Error)?.name ?? 'Error', code: (error as { code?: unknown })?.code ?? null })}\n`),
            ...(practices
              ? {
                  openPractice: async (practiceId: string) => (await practices.serverFor(practiceId)) !== undefined,
                  listPractices: async () =>
                    (await db.all<{ id: string }>('SELECT id FROM practices WHERE id <> $1 ORDER BY id', [DEFAULT_PRACTICE_ID])).map((row) => row.id),
                }
              : {}),
          })
        : createTimerQueue(bodies, everyMs, onJobFailure);
  } catch (error) {
    await routing.close().catch(() => undefined);
    if (ownsDatabase) await db.close().catch(() => undefined);
    throw error;
  }
  context.jobs = jobs;
  if (native.dialect === 'postgres' && !options.practice && 'forPractice' in jobs) sharedJobs = jobs as SharedJobQueue;
  addServerGauges(metrics, jobs, routing);
  // SQLite has one machine: its timers always run here.
  if (jobs.kind === 'timers' || options.jobs?.work !== false) await jobs.startWorking();
  // Every practice's background jobs run wherever the default practice's do.
  const reportOpenFailure = (practiceId: string, error: unknown) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', event: 'practice_open_failed', practice: practiceId, error: (error as Error)?.name ?? 'Error', code: (error as { code?: unknown })?.code ?? null })}\n`);
  if (practices) await practices.openAll(reportOpenFailure);
  // A practice another process creates later is opened here within a minute (a worker runs its jobs).
  const practiceScan = practices ? setInterval(() => void practices.openAll(reportOpenFailure).catch(() => undefined), options.practiceScanMs ?? 60_000) : undefined;
  practiceScan?.unref();
  const running = new Set<RunningServer>();

  return {
    app,
    db,
    context,
    fetch: async (request) => app.fetch(request),
    dispatchReminders,
    recheckEligibility,
    dispatchReferralTransmissions: dispatchTransmissions,
    pollDirectInbox: pollDirect,
    purgeExpired,
    jobs,
    practices,
    listen({ port = 8787, hostname = '127.0.0.1' } = {}) {
      return new Promise((resolve, reject) => {
        const headersTimeout = options.http?.headersTimeoutMs ?? 10_000;
        const requestTimeout = Math.max(options.http?.requestTimeoutMs ?? 30_000, headersTimeout);
        const server = serve(
          {
            fetch: app.fetch,
            port,
            hostname,
            serverOptions: {
              headersTimeout,
              requestTimeout,
              keepAliveTimeout: options.http?.keepAliveTimeoutMs ?? 5_000,
              // Node checks those limits on this interval (30 s by default, too coarse for them).
              connectionsCheckingInterval: Math.max(250, Math.min(1000, Math.floor(headersTimeout / 2))),
            },
          },
          (info: AddressInfo) => {
          const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
          const handle: RunningServer = {
            url: `http://${host}:${info.port}`,
            port: info.port,
            // Drains: no new connections, idle ones closed now, requests in flight answered; whatever
            // is still open after the grace period is cut.
            close: () =>
              new Promise<void>((done) => {
                running.delete(handle);
                const force = setTimeout(() => (server as HttpServer).closeAllConnections(), options.http?.shutdownGraceMs ?? 10_000);
                force.unref();
                // A connection whose request just finished turns idle: close it then, not at keep-alive's end.
                const sweep = setInterval(() => (server as HttpServer).closeIdleConnections(), 50);
                sweep.unref();
                server.close(() => {
                  clearTimeout(force);
                  clearInterval(sweep);
                  done();
                });
                (server as HttpServer).closeIdleConnections();
              }),
          };
          running.add(handle);
          resolve(handle);
          },
        );
        server.on('clientError', answerClientError);
        server.once('error', reject);
      });
    },
    async close() {
      smtpTransport?.close();
      await Promise.all([...running].map((handle) => handle.close()));
      clearInterval(practiceScan);
      // The shared queue first: jobs in hand finish while their practices are still open.
      await jobs.stop();
      await practices?.close();
      await routing.close();
      if (ownsDatabase) await db.close();
    },
  };
}
