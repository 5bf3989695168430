/**
 * Eligibility checks with a safety net. A fresh result for the same coverage is reused (it keeps
 * its as-of time); a provider that is down or slower than the timeout does not stop a booking:
 * the patient gets `confirmLater` and a staff re-check is queued. Booked visits are re-checked
 * before the day. Member ids never reach a log line, a URL or a plain column.
 */
import { createHash } from 'node:crypto';
import { AdapterError, withTimeout, type Money } from '@pxm/core';
import { CoverageSchema, EligibilityResultSchema, type Coverage, type EligibilityResult } from '@pxm/core/booking';
import type { ServerContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import type { EligibilityAnswer, EligibilityExchange } from '../eligibility/eligibility-provider.js';
import { newId } from '../tokens.js';

export interface EligibilityPolicy {
  /** How long a provider may take before the check becomes "we'll confirm". Default 8 s. */
  timeoutMs: number;
  /** How long a result is reused for the same coverage. Default 24 h. */
  cacheMs: number;
  /** When a queued re-check of a provider that did not answer is tried again. Default 15 min. */
  retryMs: number;
  /** How long before a booked visit its coverage is checked again. Default 48 h. */
  recheckBeforeVisitMs: number;
  /** The practice's self-pay price, added to every result that has none. */
  selfPayPrice?: Money;
}

export const DEFAULT_ELIGIBILITY_POLICY: EligibilityPolicy = {
  timeoutMs: 8_000,
  cacheMs: 24 * 3_600_000,
  retryMs: 15 * 60_000,
  recheckBeforeVisitMs: 48 * 3_600_000,
};

/** `answered`: the provider answered. `confirm-later`: it did not (a re-check is queued). `unchecked`: booked without a check. */
export type EligibilityCheckState = 'answered' | 'confirm-later' | 'unchecked';

/** One check as the front desk sees it. */
export interface StaffEligibilityCheck {
  id: string;
  state: EligibilityCheckState;
  checkedAt: string;
  recheckAt?: string;
  attempts: number;
  result: EligibilityResult;
  /** The 270 sent and the 271 received, when the provider speaks X12. */
  raw?: { request: string; response: string };
  unknownSegments?: EligibilityExchange['unknownSegments'];
  rejections?: EligibilityExchange['rejections'];
}

interface CheckRow {
  id: string;
  appointment_id: string | null;
  state: EligibilityCheckState;
  result: string;
  exchange: string | null;
  coverage: string;
  checked_at: number | string;
  recheck_at: number | string | null;
  attempts: number | string;
}

/** A digest of who is covered by what: the cache key, with no member id readable in it. */
export function coverageKey(coverage: Coverage): string {
  const identity =
    coverage.kind === 'self-pay'
      ? 'self-pay'
      : [coverage.payerId ?? coverage.payerName.trim().toLowerCase(), coverage.memberId.trim(), coverage.groupNumber?.trim() ?? ''].join('|');
  return createHash('sha256').update(`pxm-eligibility|${identity}`, 'utf8').digest('hex');
}

/** Diagnostics: ids and codes only. */
function note(line: string): void {
  process.stderr.write(`[pxm] ${line}\n`);
}

export function createEligibilityService(ctx: ServerContext, policy: EligibilityPolicy = DEFAULT_ELIGIBILITY_POLICY) {
  const { db, sealer } = ctx;
  const nowMs = () => ctx.now().getTime();
  const withSelfPay = (result: EligibilityResult): EligibilityResult =>
    policy.selfPayPrice && !result.selfPayPrice ? { ...result, selfPayPrice: { ...policy.selfPayPrice } } : result;

  /** Asks the provider within the timeout. `undefined` when it failed or was too slow. */
  async function ask(coverage: Coverage, signal?: AbortSignal): Promise<{ answer?: EligibilityAnswer; failure?: string }> {
    const provider = ctx.eligibility;
    if (!provider) throw new AdapterError('unsupported', 'This server checks no eligibility.', { operation: 'booking.verifyEligibility' });
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const context = { now: ctx.now(), signal: controller.signal };
    try {
      const pending = provider.inquire ? provider.inquire(coverage, context) : provider.check(coverage, context).then((result) => ({ result }));
      return { answer: await withTimeout(pending, policy.timeoutMs, 'booking.verifyEligibility') };
    } catch (error) {
      if (signal?.aborted) throw error;
      controller.abort();
      return { failure: AdapterError.is(error) ? error.code : 'error' };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  async function store(
    queryable: Queryable,
    coverage: Coverage,
    fields: { state: EligibilityCheckState; result: EligibilityResult; exchange?: EligibilityExchange; appointmentId?: string | null; recheckAt?: number | null },
  ): Promise<string> {
    const id = newId('elig');
    await queryable.run(
      `INSERT INTO eligibility_checks (id, coverage_key, appointment_id, state, result, exchange, coverage, checked_at, recheck_at, attempts, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)`,
      [
        id,
        coverageKey(coverage),
        fields.appointmentId ?? null,
        fields.state,
        sealer.seal(JSON.stringify(fields.result)),
        fields.exchange ? sealer.seal(JSON.stringify(fields.exchange)) : null,
        sealer.seal(JSON.stringify(coverage)),
        Date.parse(fields.result.checkedAt),
        fields.recheckAt ?? null,
        nowMs(),
      ],
    );
    return id;
  }

  /** The answer for this coverage now: the provider's, or "we'll confirm" when it failed. */
  async function checkNow(coverage: Coverage, signal?: AbortSignal): Promise<{ state: EligibilityCheckState; result: EligibilityResult; exchange?: EligibilityExchange; failure?: string }> {
    const { answer, failure } = await ask(coverage, signal);
    if (!answer) return { state: 'confirm-later', result: withSelfPay({ status: 'unknown', checkedAt: ctx.now().toISOString(), confirmLater: true }), ...(failure ? { failure } : {}) };
    const parsed = EligibilityResultSchema.safeParse(answer.result);
    if (!parsed.success) throw new AdapterError('server', 'The eligibility provider answered something unreadable.', { operation: 'booking.verifyEligibility' });
    const result = withSelfPay(parsed.data);
    return { state: result.confirmLater ? 'confirm-later' : 'answered', result, ...(answer.exchange ? { exchange: answer.exchange } : {}) };
  }

  function open<T>(sealed: string | null): T | undefined {
    const plain = sealed ? sealer.open(sealed) : undefined;
    return plain === undefined ? undefined : (JSON.parse(plain) as T);
  }

  return {
    /** What the booking page asks: a cached fresh result, the provider's answer, or "we'll confirm". */
    async verify(coverage: Coverage, signal?: AbortSignal): Promise<EligibilityResult> {
      if (coverage.kind === 'self-pay') return (await checkNow(coverage, signal)).result;
      const key = coverageKey(coverage);
      const cached = await db.get<CheckRow>(
        `SELECT * FROM eligibility_checks WHERE coverage_key = $1 AND state = 'answered' AND checked_at >= $2 ORDER BY checked_at DESC LIMIT 1`,
        [key, nowMs() - policy.cacheMs],
      );
      const reused = cached ? open<EligibilityResult>(cached.result) : undefined;
      if (reused) return reused;
      const outcome = await checkNow(coverage, signal);
      const id = await store(db, coverage, { ...outcome, recheckAt: outcome.state === 'confirm-later' ? nowMs() + policy.retryMs : null });
      if (outcome.state === 'confirm-later') note(`eligibility ${id} confirm-later ${outcome.failure ?? 'payer-unavailable'}; re-check queued`);
      return outcome.result;
    },

    /**
     * Inside the booking's transaction: ties this coverage's recent checks to the appointment and
     * queues the check before the visit (sooner when a re-check is already due).
     */
    async linkAppointment(tx: Queryable, coverage: Coverage | undefined, appointmentId: string, startMs: number): Promise<void> {
      if (!coverage || coverage.kind === 'self-pay' || !ctx.eligibility) return;
      const now = nowMs();
      const beforeVisit = Math.max(now, startMs - policy.recheckBeforeVisitMs);
      const key = coverageKey(coverage);
      const linked = await tx.run(
        `UPDATE eligibility_checks SET appointment_id = $1, recheck_at = CASE WHEN recheck_at IS NULL OR recheck_at > $2 THEN $2 ELSE recheck_at END
         WHERE coverage_key = $3 AND appointment_id IS NULL AND created_at >= $4`,
        [appointmentId, beforeVisit, key, now - policy.cacheMs],
      );
      if (linked > 0) return;
      await store(tx, coverage, { state: 'unchecked', result: { status: 'unknown', checkedAt: new Date(now).toISOString() }, appointmentId, recheckAt: beforeVisit });
    },

    /** A rescheduled visit keeps its checks; the check before the visit follows the new date. */
    async moveAppointment(tx: Queryable, fromId: string, toId: string, startMs: number): Promise<void> {
      const beforeVisit = Math.max(nowMs(), startMs - policy.recheckBeforeVisitMs);
      await tx.run('UPDATE eligibility_checks SET appointment_id = $1 WHERE appointment_id = $2', [toId, fromId]);
      await tx.run('UPDATE eligibility_checks SET recheck_at = $1 WHERE appointment_id = $2 AND recheck_at IS NOT NULL AND recheck_at > $1', [beforeVisit, toId]);
    },

    /** Runs every queued re-check that is due: a fresh check, kept as a new row of the appointment. */
    async runDueRechecks(limit = 50): Promise<{ checked: number; stillWaiting: number; dropped: number }> {
      const now = nowMs();
      const due = await db.all<CheckRow & { appointment_status: string | null; start_ms: number | string | null }>(
        `SELECT c.*, a.status AS appointment_status, a.start_ms AS start_ms FROM eligibility_checks c
         LEFT JOIN appointments a ON a.id = c.appointment_id
         WHERE c.recheck_at IS NOT NULL AND c.recheck_at <= $1 ORDER BY c.recheck_at LIMIT $2`,
        [now, limit],
      );
      const tally = { checked: 0, stillWaiting: 0, dropped: 0 };
      for (const row of due) {
        const coverage = CoverageSchema.safeParse(open(row.coverage));
        const visitGone = row.appointment_status === 'cancelled' || (row.start_ms !== null && Number(row.start_ms) < now);
        const neverBooked = row.appointment_id === null && Number(row.checked_at) < now - policy.cacheMs;
        if (!coverage.success || visitGone || neverBooked) {
          await db.run('UPDATE eligibility_checks SET recheck_at = NULL WHERE id = $1', [row.id]);
          tally.dropped += 1;
          continue;
        }
        const outcome = await checkNow(coverage.data);
        if (outcome.state === 'confirm-later') {
          await db.run('UPDATE eligibility_checks SET attempts = attempts + 1, recheck_at = $1 WHERE id = $2', [now + policy.retryMs, row.id]);
          note(`eligibility ${row.id} re-check ${outcome.failure ?? 'payer-unavailable'}; tried again later`);
          tally.stillWaiting += 1;
          continue;
        }
        await db.transaction(async (tx) => {
          await store(tx, coverage.data, { ...outcome, appointmentId: row.appointment_id });
          await tx.run('UPDATE eligibility_checks SET recheck_at = NULL, attempts = attempts + 1 WHERE id = $1', [row.id]);
        });
        tally.checked += 1;
      }
      return tally;
    },

    /** The staff view: every check of one appointment, oldest first, raw and normalized. */
    async listForAppointment(appointmentId: string): Promise<StaffEligibilityCheck[]> {
      const rows = await db.all<CheckRow>('SELECT * FROM eligibility_checks WHERE appointment_id = $1 ORDER BY checked_at, created_at', [appointmentId]);
      return rows.flatMap((row) => {
        const result = open<EligibilityResult>(row.result);
        if (!result) return [];
        const exchange = open<EligibilityExchange>(row.exchange);
        return [
          {
            id: row.id,
            state: row.state,
            checkedAt: new Date(Number(row.checked_at)).toISOString(),
            ...(row.recheck_at === null ? {} : { recheckAt: new Date(Number(row.recheck_at)).toISOString() }),
            attempts: Number(row.attempts),
            result,
            ...(exchange
              ? { raw: { request: exchange.request, response: exchange.response }, unknownSegments: exchange.unknownSegments, rejections: exchange.rejections }
              : {}),
          },
        ];
      });
    },
  };
}

export type EligibilityService = ReturnType<typeof createEligibilityService>;
