/**
 * Abuse limits that hold across processes: counters live in the database the processes share
 * (rate-limiter-flexible's PostgreSQL store, or its SQLite store on the same file, run on the
 * connection's queue). A limit hit answers 429 problem+json with Retry-After.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as RateLimiterFlexible from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '../db/database.js';
import { HttpProblem } from './problem.js';

/** Points allowed per window of seconds. */
export interface Limit {
  points: number;
  seconds: number;
}

export interface LimitsConfig {
  /** Every request from one client address. */
  perAddress: Limit;
  /** Every request naming one link token, hold or idempotency key. */
  perToken: Limit;
  /** Answers that a link or hold does not exist (404/410), per address: guessing. */
  misses: Limit;
  /** Admin requests with a wrong key, per address. */
  adminFailures: Limit;
  /** Holds made, per address (a cap on how much of a calendar one client can hold). */
  holds: Limit;
  /** Renewals of one hold. */
  renewals: Limit;
  /** Uploads, per link and per address. */
  uploads: Limit;
  /** Survey notes (feedback), per link and per address. */
  notes: Limit;
  /** Waitlist entries, per address. */
  waitlist: Limit;
  /** Referrals sent without an account, per address (one office sends several a day). */
  referrals: Limit;
  /** Kibibytes of referral files uploaded per address: a cap on what an anonymous sender can store. */
  uploadKibibytes: Limit;
  /** A patient's goal ratings per progress link. */
  ratings: Limit;
  /** Callbacks (SMS, fax, Direct) whose signature does not verify, per address: forging. */
  signatureFailures: Limit;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  perAddress: { points: 600, seconds: 60 },
  perToken: { points: 120, seconds: 60 },
  misses: { points: 30, seconds: 600 },
  adminFailures: { points: 10, seconds: 600 },
  holds: { points: 20, seconds: 3600 },
  renewals: { points: 5, seconds: 3600 },
  uploads: { points: 20, seconds: 3600 },
  notes: { points: 5, seconds: 86_400 },
  waitlist: { points: 10, seconds: 86_400 },
  referrals: { points: 50, seconds: 86_400 },
  uploadKibibytes: { points: 200 * 1024, seconds: 86_400 },
  ratings: { points: 60, seconds: 86_400 },
  signatureFailures: { points: 20, seconds: 600 },
};

export type LimitName = keyof LimitsConfig;

export interface Limiter {
  /** Counts one (or `points`); throws the 429 problem when the limit is spent. */
  consume(name: LimitName, key: string, points?: number): Promise<void>;
  /** Throws the 429 problem when the limit is spent, without counting. */
  check(name: LimitName, key: string): Promise<void>;
}

export class TooManyRequests extends HttpProblem {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, 'conflict', 'Too many requests. Try again later.');
    this.retryAfterSeconds = retryAfterSeconds;
    Object.defineProperty(this, 'retryable', { value: true });
  }
}

/**
 * Waits for limits asked side by side and throws the refusal of the first one in the list that
 * refused, as asking them in turn would have (the later ones being checks that count nothing).
 */
export async function firstRefusal(pending: readonly Promise<void>[]): Promise<void> {
  const settled = await Promise.allSettled(pending);
  const refused = settled.find((outcome) => outcome.status === 'rejected');
  if (refused) throw refused.reason;
}

// Loaded at run time: the package is CommonJS and requires `cluster` lazily, which a bundle into
// an ES module (as the multi-process tests make) cannot do.
const loadCommonJs = createRequire(import.meta.url);
const { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } = loadCommonJs('rate-limiter-flexible') as typeof RateLimiterFlexible;

function refused(res: unknown): never {
  if (res instanceof RateLimiterRes) throw new TooManyRequests(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
  throw res;
}

/**
 * PostgreSQL: the counters live in an UNLOGGED table. Every request writes a counter; in a logged
 * table each of those writes is a commit that waits for the WAL to reach the disk, one or two
 * flushes per request on top of the request's own work. Counters are not records: after a crash
 * PostgreSQL empties an unlogged table, which resets the limits and loses nothing a patient or a
 * practice keeps. Made before the store's own `CREATE TABLE IF NOT EXISTS` (same columns), and
 * switched over when an older version made it logged; under the migration lock, as several
 * processes may start at once.
 */
async function unloggedCounterTable(db: Database): Promise<void> {
  await db.withMigrationLock(async () => {
    await db.exec('CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)');
    const table = await db.get<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE oid = to_regclass('rate_limits')");
    if (table?.relpersistence === 'p') await db.exec('ALTER TABLE rate_limits SET UNLOGGED');
  });
}

export interface StoreClient {
  query(query: { name?: string; text: string; values?: unknown[] }): Promise<unknown>;
}

/**
 * The store names its prepared statements after the table alone (`rate_limits:rlflx-get`), and
 * every practice's counter table has that name in its own schema. Practices share the process's
 * connections, so a connection that prepared one practice's statement would refuse the next
 * practice's under the same name (and the store, failing open, would stop counting): the schema
 * goes into the name, as a short digest: PostgreSQL cuts a name at 63 bytes, so with a long
 * schema `rlflx-upsert` and `rlflx-upsert-force` would become one name, and the store would
 * again stop counting.
 */
export function statementsNamedFor(pool: StoreClient, schema: string | undefined): StoreClient {
  const tag = schema ? createHash('sha256').update(schema).digest('base64url').slice(0, 12) : undefined;
  return {
    query: (query) => pool.query(query.name && tag ? { ...query, name: `${tag}:${query.name}` } : query),
  };
}

export async function createLimiter(db: Database, config: LimitsConfig): Promise<Limiter> {
  const native = db.native();
  if (native.dialect === 'postgres') await unloggedCounterTable(db);
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of Object.keys(config) as LimitName[]) {
    const { points, seconds } = config[name];
    const common = { keyPrefix: name, points, duration: seconds, tableName: 'rate_limits', clearExpiredByTimeout: false };
    if (native.dialect === 'postgres') {
      limiters.set(
        name,
        await new Promise<RateLimiterAbstract>((resolve, reject) => {
          const limiter: RateLimiterAbstract = new RateLimiterPostgres(
            { ...common, storeClient: statementsNamedFor(native.pool as StoreClient, native.schema), storeType: 'pool', ...(native.schema ? { schemaName: native.schema } : {}) },
            (error?: Error) => (error ? reject(error) : resolve(limiter)),
          );
        }),
      );
    } else {
      limiters.set(
        name,
        await native.exclusive(
          () =>
            new Promise<RateLimiterAbstract>((resolve, reject) => {
              const limiter: RateLimiterAbstract = new RateLimiterSQLite(
                { ...common, storeClient: native.client, storeType: 'better-sqlite3' },
                (error?: Error) => (error ? reject(error) : resolve(limiter)),
              );
            }),
        ),
      );
    }
  }
  const run = <T>(work: () => Promise<T>): Promise<T> => (native.dialect === 'sqlite' ? native.exclusive(work) : work());
  // A store that cannot count (database locked or away) lets the request through: the route then
  // meets the same database and answers 503 itself, so a lock never turns into a false 429 or 500.
  const translate = (error: unknown): undefined => {
    if (error instanceof RateLimiterRes) refused(error);
    return undefined;
  };
  return {
    async consume(name, key, points = 1) {
      await run(() => limiters.get(name)!.consume(key, points)).catch(translate);
    },
    async check(name, key) {
      const res = await run(() => limiters.get(name)!.get(key)).catch(translate);
      if (res && res.consumedPoints >= config[name].points) refused(res);
    },
  };
}
