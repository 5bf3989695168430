/**
 * The HTTP surface: security headers, CORS for the configured origins only, a body size limit,
 * request ids, then the routes. Every failure leaves as problem+json with the contract's code;
 * nothing unexpected leaks (an unknown error is a 500 with a request id to find it in the log).
 */
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { AdapterError, CAPABILITIES } from '@pxm/core';
import { MAX_ATTACHMENT_BYTES } from '@pxm/core/forms';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppEnv } from './app-env.js';
import { noQuery } from './http/pagination.js';
import { HttpProblem, problemOf, statusOf } from './http/problem.js';
import { assertStorableUrl } from './http/text-safety.js';
import { firstRefusal, TooManyRequests, type Limiter } from './http/limits.js';
import type { Metrics } from './http/metrics.js';
import { READ_FENCE_HEADER, type ReadRouting } from './db/read-routing.js';
import { hashToken } from './tokens.js';
import { adminRoutes } from './routes/admin-routes.js';
import { bookingRoutes } from './routes/booking-routes.js';
import { eligibilityAdminRoutes } from './routes/eligibility-admin-routes.js';
import { hepRoutes } from './routes/hep-routes.js';
import { intakeRoutes } from './routes/intake-routes.js';
import { progressAdminRoutes, progressRoutes } from './routes/progress-routes.js';
import { referralAdminRoutes } from './routes/referral-admin-routes.js';
import { referralBookingRoutes } from './routes/referral-booking-routes.js';
import { referralRoutes } from './routes/referral-routes.js';
import { referralWebhookRoutes, type ReferralWebhookOptions } from './routes/referral-webhook-routes.js';
import { messagingAdminRoutes } from './routes/messaging-admin-routes.js';
import { messagingRoutes } from './routes/messaging-routes.js';
import { surveyRoutes } from './routes/survey-routes.js';
import { operatorRoutes } from './routes/operator-routes.js';
import { practiceRouting } from './tenancy/practice-routing.js';
import { DEFAULT_PRACTICE_ID, type PracticeRecord, type PracticeRequest } from './tenancy/practice-settings.js';
import type { AdminService } from './services/admin-service.js';
import type { BookingService } from './services/booking-service.js';
import type { EligibilityService } from './services/eligibility-service.js';
import type { HepService } from './services/hep-service.js';
import type { IntakeService } from './services/intake-service.js';
import type { ProgressAdmin } from './services/progress-admin.js';
import type { ProgressService } from './services/progress-service.js';
import type { ReferralInboxService } from './services/referral-inbox-service.js';
import type { ReferralLoopService } from './services/referral-loop-service.js';
import type { ReferralService } from './services/referral-service.js';
import type { MessagingService } from './services/messaging-service.js';
import type { SmsProvider } from './reminders/sms-provider.js';
import type { SurveyService } from './services/survey-service.js';

export interface AppServices {
  booking: BookingService;
  intake: IntakeService;
  hep: HepService;
  survey: SurveyService;
  progress: ProgressService;
  referral: ReferralService;
  referralInbox: ReferralInboxService;
  referralLoop: ReferralLoopService;
  /** Runs every due transmission to referrers once (the poller calls it too). */
  dispatchReferralTransmissions(): Promise<unknown>;
  recordDeliveryStatus(update: { channel: 'fax' | 'direct'; providerMessageId: string; delivered: boolean; reason?: string | undefined }): Promise<boolean>;
  now(): Date;
  admin: AdminService;
  /** Eligibility checks kept per appointment (absent when the server checks none). */
  eligibility?: EligibilityService;
  progressAdmin: ProgressAdmin;
  messaging: MessagingService;
  dispatchReminders(): Promise<{ sent: number; failed: number; cancelled: number }>;
  health(): Promise<boolean>;
  /** Creates practices (the operator API); absent inside a practice's own app. */
  practices?: { create(request: PracticeRequest): Promise<PracticeRecord> };
  /** `/ready`: the database answers and has every migration this process knows. */
  ready?(): Promise<{ ready: boolean; checks: Record<string, string> }>;
}

export interface AppOptions {
  /** Browser origins allowed to call the API (`https://clinic.example`); `*` allows any. */
  corsOrigins: readonly string[];
  /** The admin API's key, or (a practice created by the operator) its SHA-256 digest in hex. */
  adminApiKey: string | { sha256Hex: string } | undefined;
  /** Largest JSON body accepted, in bytes. */
  maxJsonBytes: number;
  hasEligibility: boolean;
  /** One line per request: method, route (never a token), status, time. */
  log: (line: string) => void;
  /** Abuse limits; undefined turns them off. */
  limiter?: Limiter | undefined;
  /** Take the client address from the last X-Forwarded-For hop (behind your own reverse proxy). */
  trustProxy?: boolean;
  /** `json`: the access log is one JSON object per line (ids, codes, times; never a token). */
  logFormat?: 'text' | 'json';
  /** Counts and times every request; `/metrics` serves them when `metricsToken` is set. */
  metrics?: Metrics;
  /** Bearer token `/metrics` asks for; without one `/metrics` is off (404). */
  metricsToken?: string;
  /** A read replica: requests carry their client's fence, writes answer a new one. */
  readRouting?: ReadRouting;
  /** The fax provider's and the HISP's callbacks; each is off (404) unless configured. */
  referralWebhooks?: ReferralWebhookOptions;
  /** The SMS provider whose signed callbacks are accepted, and the public origin they were signed for. */
  sms?: SmsProvider | undefined;
  publicUrl?: string | undefined;
  /** `PXM_OPERATOR_KEY`: the operator API (creating practices) is on when set. */
  operatorKey?: string | undefined;
  /** `/practices/{practice}/...`: the app of that practice, or undefined when there is none. */
  practiceApp?: (practiceId: string) => Promise<Hono<AppEnv> | undefined>;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The path segment that names a capability: a link token or a hold id. */
const TOKEN_IN_PATH = /^\/(?:booking\/appointments|intake|hep|survey|progress|booking\/holds|booking\/referral-context|messaging\/unsubscribe)\/([^/]+)/;
/** Routes whose caller proves itself with a key: wrong keys count per address (guessing). */
const KEYED_PATH = /^\/(?:admin|operator)\//;
/** A practice's own path under its prefix: its keys and links are counted for the whole deployment too. */
const PRACTICE_PATH = /^\/practices\/([^/]+)(\/.*)?$/;
/** Provider callbacks, believed only when signed: a failed signature counts per address (forging). */
const SIGNED_CALLBACK_PATH = /^\/(?:webhooks\/|messaging\/sms\/)/;

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1]!;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

const QUERY_ENDPOINTS = [
  /^\/booking\/(locations|appointment-types|providers|slots)\/?$/,
  /^\/hep\/[^/]+\/activity\/?$/,
  /^\/intake\/[^/]+\/attachments\/?$/,
  /^\/admin\/reminders\/?$/,
  /^\/admin\/referrals\/?$/,
  /^\/admin\/referrals\/[^/]+\/plans-of-care\/?$/,
  /^\/admin\/plans-of-care\/late\/?$/,
  /^\/admin\/recertifications\/?$/,
  /^\/admin\/replies\/?$/,
];
const HEADERS_CLIENTS_SEND = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'X-Request-Id', READ_FENCE_HEADER];
const HEADERS_CLIENTS_READ = ['ETag', 'Retry-After', 'X-Request-Id', 'Location', READ_FENCE_HEADER];
/** Bodies that carry a whole document: the file limit, not the JSON one (base64 in a Direct message grows a file by a third). */
const DOCUMENT_BODIES = /(?:\/plans-of-care|^\/webhooks\/fax\/inbound|^\/webhooks\/direct\/messages)\/?$/;

/** Replies can carry health information: never cached, never sniffed, never framed. */
function protectReply(c: Context<AppEnv>): void {
  c.header('X-Request-Id', c.get('requestId'));
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}

function problemResponse(c: Context<AppEnv>, error: AdapterError, status: number): Response {
  if (status === 503) c.header('Retry-After', '1');
  if (error instanceof TooManyRequests) c.header('Retry-After', String(error.retryAfterSeconds));
  // The rest of an oversized body is never read: the connection cannot carry another request.
  if (status === 413) c.header('Connection', 'close');
  return c.body(JSON.stringify(problemOf(error, status, c.get('requestId'))), status as 400, { 'Content-Type': 'application/problem+json' });
}

/**
 * During an outage every request fails the same way: one line per kind every few seconds, with
 * how many were left out, instead of a line per request.
 */
export function createThrottledLog(write: (line: string) => void, windowMs = 5_000, nowMs: () => number = () => performance.now()) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (kind: string, line: string) => {
    const now = nowMs();
    const seen = last.get(kind);
    if (seen && now - seen.at < windowMs) {
      seen.suppressed++;
      return;
    }
    write(seen && seen.suppressed > 0 ? `${line} (${seen.suppressed} more like it in the last ${Math.round((now - seen.at) / 1000)} s)` : line);
    last.set(kind, { at: now, suppressed: 0 });
  };
}

export function createApp(services: AppServices, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = options.limiter;
  // Each practice counts wrong admin keys and link misses in its own data space; these count them
  // across all practices too, so one address cannot try ten keys or thirty links at each practice.
  if (options.practiceApp && limiter) {
    app.use('/practices/*', async (c, next) => {
      const [, practice, inner = '/'] = PRACTICE_PATH.exec(c.req.path) ?? [];
      // The default practice's prefix leads back to this app, whose own middleware counts.
      if (practice === undefined || practice === DEFAULT_PRACTICE_ID) return next();
      const name = KEYED_PATH.test(inner) ? 'adminFailures' : TOKEN_IN_PATH.test(inner) ? 'misses' : undefined;
      if (!name) return next();
      const address = `ip:${clientAddress(c, options.trustProxy ?? false)}`;
      try {
        await limiter.check(name, address);
      } catch (error) {
        if (!(error instanceof TooManyRequests)) throw error;
        c.set('requestId', randomUUID());
        protectReply(c);
        return problemResponse(c, error, 429);
      }
      await next();
      const status = c.res.status;
      if (name === 'adminFailures' ? status === 401 : status === 404 || status === 410) await limiter.consume(name, address).catch(() => undefined);
    });
  }
  // Before everything else: a practice's requests get that practice's headers, limits and data.
  if (options.practiceApp) app.use('/practices/*', practiceRouting(options.practiceApp));
  const outageLog = createThrottledLog((line) => process.stderr.write(`${line}\n`));
  const anyOrigin = options.corsOrigins.includes('*');
  const allowed = new Set(options.corsOrigins);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    c.set('requestId', incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : randomUUID());
    await next();
    protectReply(c);
    const elapsedMs = performance.now() - started;
    options.metrics?.observeRequest(c.req.method, c.req.routePath, c.res.status, elapsedMs / 1000);
    options.log(
      options.logFormat === 'json'
        ? JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'request', method: c.req.method, route: c.req.routePath, status: c.res.status, durationMs: Number(elapsedMs.toFixed(1)), requestId: c.get('requestId') })
        : `${c.req.method} ${c.req.routePath} ${c.res.status} ${elapsedMs.toFixed(1)}ms ${c.get('requestId')}`,
    );
  });

  app.use(
    '*',
    cors({
      origin: (origin) => (anyOrigin ? '*' : allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: HEADERS_CLIENTS_SEND,
      exposeHeaders: HEADERS_CLIENTS_READ,
      maxAge: 600,
    }),
  );

  const limited = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        problemResponse(c as Context<AppEnv>, new HttpProblem(413, 'validation', `The body is larger than ${limit} bytes.`, [{ path: '', message: 'Too large.' }]), 413),
    });
  const jsonLimit = limited(options.maxJsonBytes);
  const fileLimit = limited(MAX_ATTACHMENT_BYTES);
  const documentLimit = limited(Math.ceil(MAX_ATTACHMENT_BYTES * 1.4));
  app.use('*', (c, next) =>
    /\/attachments\/?$/.test(c.req.path) ? fileLimit(c, next) : DOCUMENT_BODIES.test(c.req.path) ? documentLimit(c, next) : jsonLimit(c, next),
  );

  // Only these endpoints take query parameters; the others refuse them rather than ignore them.
  app.use('*', async (c, next) => {
    assertStorableUrl(c.req.url);
    if (c.req.method !== 'OPTIONS' && !QUERY_ENDPOINTS.some((pattern) => pattern.test(c.req.path))) noQuery(c.req.url);
    await next();
  });

  const routing = options.readRouting;
  if (routing?.hasReplica) {
    app.use('*', async (c, next) => {
      await routing.withFence(c.req.header(READ_FENCE_HEADER), next);
      // A write's reply carries the primary's position: this client's later reads wait for it.
      if (c.req.method !== 'GET' && c.req.method !== 'OPTIONS' && c.res.status < 400) {
        const fence = await routing.fenceNow().catch(() => undefined);
        if (fence) c.header(READ_FENCE_HEADER, fence);
      }
    });
  }

  if (limiter) {
    app.use('*', async (c, next) => {
      const path = c.req.path;
      if (c.req.method === 'OPTIONS' || path === '/health' || path === '/ready' || path === '/metrics' || path === '/') return next();
      const address = `ip:${clientAddress(c, options.trustProxy ?? false)}`;
      if (KEYED_PATH.test(path)) {
        await limiter.check('adminFailures', address);
        await next();
        if (c.res.status === 401) await limiter.consume('adminFailures', address);
        return;
      }
      if (SIGNED_CALLBACK_PATH.test(path)) {
        await firstRefusal([limiter.consume('perAddress', address), limiter.check('signatureFailures', address)]);
        await next();
        if (c.res.status === 401) await limiter.consume('signatureFailures', address).catch(() => undefined);
        return;
      }
      // The address's count and the check that counts nothing go out side by side (one round trip
      // to wait for, not two); a refusal is reported in this order, as when taken in turn.
      await firstRefusal([limiter.consume('perAddress', address), limiter.check('misses', address)]);
      const token = TOKEN_IN_PATH.exec(path)?.[1];
      const tokenKey = token ? `t:${hashToken(token)}` : undefined;
      if (tokenKey) await limiter.consume('perToken', tokenKey);
      const key = c.req.header('idempotency-key');
      if (key) await limiter.consume('perToken', `k:${hashToken(key)}`);
      const post = c.req.method === 'POST';
      // Holds and renewals count when they succeed: a cap on what one client keeps off the calendar.
      const holding = post && path === '/booking/holds';
      const renewing = post && /^\/booking\/holds\/[^/]+\/renewal\/?$/.test(path);
      if (holding) await limiter.check('holds', address);
      if (renewing) await limiter.check('renewals', tokenKey!);
      if (post && /^\/intake\/[^/]+\/attachments\/?$/.test(path)) {
        await limiter.consume('uploads', tokenKey!);
        await limiter.consume('uploads', address);
      }
      if (post && /^\/survey\/[^/]+\/feedback\/?$/.test(path)) {
        await limiter.consume('notes', tokenKey!);
        await limiter.consume('notes', address);
      }
      if (post && path === '/booking/waitlist') await limiter.consume('waitlist', address);
      // Referrals come from anyone, without an account: each one and each file counts per address.
      if (post && /^\/referrals\/?$/.test(path)) await limiter.consume('referrals', address);
      const referralUpload = post && /^\/referrals\/attachments\/?$/.test(path);
      if (referralUpload) {
        await limiter.consume('uploads', address);
        await limiter.check('uploadKibibytes', address);
      }
      if (post && /^\/progress\/[^/]+\/goal-ratings\/?$/.test(path)) await limiter.consume('ratings', tokenKey!);
      // A booking answers the same whether or not a returning patient matched (core's
      // resolveReturningPatient), so there is no lookup to limit: holds per address cap bookings.
      const booking = post && path === '/booking/appointments';
      await next();
      const status = c.res.status;
      if (holding && status === 201) await limiter.consume('holds', address).catch(() => undefined);
      if (renewing && status === 200) await limiter.consume('renewals', tokenKey!).catch(() => undefined);
      // Stored bytes count once stored: the receipt says how many.
      if (referralUpload && status === 201) {
        const size = Number(((await c.res.clone().json()) as { size?: unknown }).size) || 0;
        await limiter.consume('uploadKibibytes', address, Math.max(1, Math.ceil(size / 1024))).catch(() => undefined);
      }
      // Guessing shows up as answers that something does not exist: each one counts.
      if ((status === 404 || status === 410) && (tokenKey || booking)) await limiter.consume('misses', address);
    });
  }

  // Live: the process answers. Whether it can serve is /ready's question (a load balancer's).
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => {
    const readiness = services.ready ? await services.ready() : { ready: await services.health(), checks: {} };
    return c.json({ status: readiness.ready ? 'ready' : 'unavailable', ...readiness.checks }, readiness.ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (!options.metrics || !options.metricsToken) return problemResponse(c, new AdapterError('not_found', 'No such resource.'), 404);
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!given || !sameSecret(given, options.metricsToken)) return problemResponse(c, new AdapterError('unauthorized', 'A metrics token is required.'), 401);
    return c.body(await options.metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  app.get('/', (c) =>
    c.json({ name: '@pxm/server', contract: 'docs/api/openapi.yaml', capabilities: CAPABILITIES, eligibility: options.hasEligibility }),
  );

  bookingRoutes(app, services.booking);
  intakeRoutes(app, services.intake);
  hepRoutes(app, services.hep);
  surveyRoutes(app, services.survey);
  progressRoutes(app, services.progress);
  referralRoutes(app, services.referral);
  referralBookingRoutes(app, services.referralInbox);
  referralWebhookRoutes(app, { inbox: services.referralInbox, recordDeliveryStatus: services.recordDeliveryStatus, now: services.now }, options.referralWebhooks ?? {});
  adminRoutes(app, services.admin, options.adminApiKey, services.dispatchReminders);
  if (services.eligibility) eligibilityAdminRoutes(app, services.eligibility);
  progressAdminRoutes(app, services.progressAdmin);
  referralAdminRoutes(app, services.referralInbox, services.referralLoop, services.dispatchReferralTransmissions);
  messagingAdminRoutes(app, services.messaging, async (id) => {
    const { referralId } = await services.referralLoop.completeVisit(id);
    return referralId ? { referralId } : {};
  });
  messagingRoutes(app, services.messaging, options.sms, options.publicUrl);
  if (options.practiceApp) operatorRoutes(app, services.practices, options.operatorKey);

  app.notFound((c) => problemResponse(c, new AdapterError('not_found', 'No such resource.'), 404));

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error, error.status);
    if (AdapterError.is(error)) {
      if (statusOf(error) >= 500) outageLog(error.code, `[pxm] ${c.get('requestId')} ${error.code}: ${String((error.cause as Error | undefined)?.message ?? error.message)}`);
      return problemResponse(c, error, statusOf(error));
    }
    // A bug, not the caller's fault: log it with the request id, tell the client nothing more.
    process.stderr.write(
      options.logFormat === 'json'
        ? // The error's name and where it was thrown; its message may quote data, so it stays out.
          `${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'unexpected_error', requestId: c.get('requestId'), error: (error as Error)?.name ?? 'Error', at: String((error as Error)?.stack ?? '').split('\n').slice(1, 4).map((line) => line.trim()) })}\n`
        : `[pxm] ${c.get('requestId')} unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    return problemResponse(c, new AdapterError('server', 'Unexpected failure.', { retryable: false }), 500);
  });

  return app;
}
