/**
 * The loop back to the referrer (admin API): a visit marked seen, a discharge and a plan of care
 * each queue a message in the transmission outbox; the transmissions are listed with their
 * delivery status; and the two deadline lists: plans of care not sent within 30 days of the first
 * visit, recertifications coming due. Dates are counted in the clinic's zone by core's rules.
 */
import { createHash } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import {
  daysUntilRecertification,
  isPlanOfCareTransmissionLate,
  planOfCareTransmissionDueOn,
  recertificationDueOn,
  type ReferralTransmission,
} from '@pxm/core/referral';
import { localDateIn } from '@pxm/core/time';
import type { ServerContext } from '../context.js';
import { forUpdate } from '../context.js';
import { queueReferrerMessage, REFERRAL_COLUMNS, type ReferralRow } from '../referrals/referral-records.js';
import { newId } from '../tokens.js';
import { sniffContentType } from './content-sniffing.js';

/** Most bytes one plan of care may have. */
export const MAX_PLAN_OF_CARE_BYTES = 10 * 1024 * 1024;

interface TransmissionRecord {
  id: string;
  referral_id: string;
  milestone: ReferralTransmission['milestone'];
  plan_of_care_id: string | null;
  channel: ReferralTransmission['channel'];
  recipient: string;
  status: ReferralTransmission['status'];
  attempts: number;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  last_error: string | null;
}

const iso = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)).toISOString());

function transmissionOf(row: TransmissionRecord): ReferralTransmission {
  return {
    id: row.id,
    referralId: row.referral_id,
    milestone: row.milestone,
    ...(row.plan_of_care_id ? { planOfCareId: row.plan_of_care_id } : {}),
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: iso(row.created_at)!,
    ...(row.sent_at !== null ? { sentAt: iso(row.sent_at)! } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: iso(row.delivered_at)! } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  };
}

export function createReferralLoopService(ctx: ServerContext) {
  const { db } = ctx;
  const settings = ctx.referrals;
  const nowMs = () => ctx.now().getTime();

  async function clinicZone(): Promise<string> {
    if (settings.timeZone) return settings.timeZone;
    const config = await ctx.catalogue.get();
    const zone = config.locations[0]?.timeZone;
    if (!zone) throw new AdapterError('server', 'The practice has no location, so no clinic time zone.', { retryable: false });
    return zone;
  }

  return {
    /** A visit was seen: the first one sets the referral's first visit (the 30-day clock) and tells the referrer. */
    async completeVisit(appointmentId: string): Promise<{ appointmentId: string; referralId?: string; completedAt: string }> {
      const operation = 'admin.completeVisit';
      return db.transaction(async (tx) => {
        const visit = await tx.get<{ id: string; status: string; start_ms: number; referral_id: string | null; completed_at: number | null }>(
          `SELECT id, status, start_ms, referral_id, completed_at FROM appointments WHERE id = $1${forUpdate(db)}`,
          [appointmentId],
        );
        if (!visit) throw new AdapterError('not_found', 'Unknown appointment.', { operation });
        if (visit.status !== 'booked') throw new AdapterError('conflict', 'A cancelled visit cannot be marked seen.', { operation });
        const completedAt = visit.completed_at ?? nowMs();
        if (visit.completed_at === null) await tx.run('UPDATE appointments SET completed_at = $2 WHERE id = $1', [appointmentId, completedAt]);
        if (visit.referral_id) {
          const referral = await tx.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1${forUpdate(db)}`, [visit.referral_id]);
          if (referral) {
            const first = referral.first_visit_at === null ? Number(visit.start_ms) : Math.min(Number(referral.first_visit_at), Number(visit.start_ms));
            await tx.run('UPDATE referrals SET first_visit_at = $2 WHERE id = $1', [referral.id, first]);
            await queueReferrerMessage(tx, settings, referral, 'seen', nowMs());
          }
        }
        return { appointmentId, ...(visit.referral_id ? { referralId: visit.referral_id } : {}), completedAt: new Date(Number(completedAt)).toISOString() };
      });
    },

    async dischargeReferral(id: string): Promise<{ referralId: string; dischargedAt: string }> {
      const operation = 'admin.dischargeReferral';
      return db.transaction(async (tx) => {
        const referral = await tx.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1${forUpdate(db)}`, [id]);
        if (!referral) throw new AdapterError('not_found', 'Unknown referral.', { operation });
        if (referral.first_visit_at === null) throw new AdapterError('conflict', 'A patient not yet seen cannot be discharged.', { operation });
        const at = referral.discharged_at ?? nowMs();
        if (referral.discharged_at === null) await tx.run('UPDATE referrals SET discharged_at = $2 WHERE id = $1', [id, at]);
        await queueReferrerMessage(tx, settings, referral, 'discharged', nowMs());
        return { referralId: id, dischargedAt: new Date(Number(at)).toISOString() };
      });
    },

    /** Stores the plan of care (a PDF) and queues its transmission to the referrer. */
    async uploadPlanOfCare(id: string, certifiedOn: string, bytes: Uint8Array) {
      const operation = 'admin.uploadPlanOfCare';
      if (bytes.byteLength === 0 || bytes.byteLength > MAX_PLAN_OF_CARE_BYTES || sniffContentType(bytes) !== 'application/pdf') {
        throw new AdapterError('validation', 'Send the plan of care as a PDF.', { operation, issues: [{ path: 'file', message: 'Not a PDF.' }] });
      }
      return db.transaction(async (tx) => {
        const referral = await tx.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1${forUpdate(db)}`, [id]);
        if (!referral) throw new AdapterError('not_found', 'Unknown referral.', { operation });
        const planId = newId('poc');
        await tx.run('INSERT INTO plans_of_care (id, referral_id, certified_on, size, sha256, data, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          planId,
          id,
          certifiedOn,
          bytes.byteLength,
          createHash('sha256').update(bytes).digest('hex'),
          Buffer.from(bytes),
          nowMs(),
        ]);
        const queued = await queueReferrerMessage(tx, settings, referral, 'plan-of-care', nowMs(), planId);
        return { id: planId, referralId: id, certifiedOn, size: bytes.byteLength, queued };
      });
    },

    async listTransmissions(referralId: string): Promise<ReferralTransmission[]> {
      const rows = await db.all<TransmissionRecord>(
        `SELECT id, referral_id, milestone, plan_of_care_id, channel, recipient, status, attempts, created_at, sent_at, delivered_at, last_error
           FROM referral_transmissions WHERE referral_id = $1 ORDER BY created_at, id`,
        [referralId],
      );
      return rows.map(transmissionOf);
    },

    /** Referrals whose plan of care did not go out within 30 days of the first visit (sent late, or still unsent past the date). */
    async listLatePlansOfCare(limit: number) {
      const zone = await clinicZone();
      const now = ctx.now();
      // 30 local days always span more than 29 elapsed days: a safe first cut in SQL, the rule decides.
      const rows = await db.all<{ id: string; reference: string; first_visit_at: number; transmitted_at: number | null }>(
        `SELECT r.id, r.reference, r.first_visit_at,
                (SELECT MIN(t.sent_at) FROM referral_transmissions t WHERE t.referral_id = r.id AND t.milestone = 'plan-of-care' AND t.sent_at IS NOT NULL) AS transmitted_at
           FROM referrals r WHERE r.first_visit_at IS NOT NULL AND r.first_visit_at <= $1 ORDER BY r.first_visit_at, r.id`,
        [now.getTime() - 29 * 86_400_000],
      );
      return rows
        .filter((row) => isPlanOfCareTransmissionLate({ firstVisitAt: Number(row.first_visit_at), transmittedAt: row.transmitted_at === null ? undefined : Number(row.transmitted_at) }, now, zone))
        .slice(0, limit)
        .map((row) => ({
          referralId: row.id,
          reference: row.reference,
          firstVisitOn: localDateIn(Number(row.first_visit_at), zone),
          dueOn: planOfCareTransmissionDueOn(Number(row.first_visit_at), zone),
          ...(row.transmitted_at !== null ? { transmittedAt: new Date(Number(row.transmitted_at)).toISOString() } : {}),
        }));
    },

    /** The latest plan of each referral still in care whose recertification falls within `withinDays` (or has passed). */
    async listRecertificationsDue(withinDays: number, limit: number) {
      const zone = await clinicZone();
      const now = ctx.now();
      const rows = await db.all<{ id: string; referral_id: string; certified_on: string }>(
        `SELECT p.id, p.referral_id, p.certified_on FROM plans_of_care p JOIN referrals r ON r.id = p.referral_id
          WHERE r.discharged_at IS NULL
            AND p.certified_on = (SELECT MAX(q.certified_on) FROM plans_of_care q WHERE q.referral_id = p.referral_id)
          ORDER BY p.certified_on, p.id`,
      );
      const seen = new Set<string>();
      return rows
        .filter((row) => !seen.has(row.referral_id) && seen.add(row.referral_id))
        .map((row) => ({ row, daysLeft: daysUntilRecertification(row.certified_on, now, zone) }))
        .filter(({ daysLeft }) => daysLeft <= withinDays)
        .slice(0, limit)
        .map(({ row, daysLeft }) => ({ referralId: row.referral_id, planOfCareId: row.id, certifiedOn: row.certified_on, dueOn: recertificationDueOn(row.certified_on), daysLeft }));
    },
  };
}

export type ReferralLoopService = ReturnType<typeof createReferralLoopService>;
