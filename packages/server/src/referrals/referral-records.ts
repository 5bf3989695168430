/**
 * What every path that changes a referral shares, inside the caller's transaction: a triage step
 * with its history row, the duplicate mark, and a message to the referrer queued once.
 */
import { AdapterError } from '@pxm/core';
import {
  canTriage,
  duplicateWindowStartMs,
  referrerChannel,
  type ReferralDetails,
  type ReferralMilestone,
  type ReferralStatus,
} from '@pxm/core/referral';
import type { Queryable } from '../db/database.js';
import { newId } from '../tokens.js';
import type { ReferralSettings } from './referral-settings.js';

export interface ReferralRow {
  id: string;
  reference: string;
  source: string;
  status: ReferralStatus;
  decline_reason: string | null;
  received_at: number;
  status_changed_at: number;
  urgency: string;
  discipline: string;
  payload: string;
  patient_name_key: string;
  patient_birth_date: string;
  referrer_npi: string;
  complete: number;
  possible_duplicate_of: string | null;
  sender: string | null;
  first_visit_at: number | null;
  discharged_at: number | null;
}

export const REFERRAL_COLUMNS =
  'id, reference, source, status, decline_reason, received_at, status_changed_at, urgency, discipline, payload, patient_name_key, patient_birth_date, referrer_npi, complete, possible_duplicate_of, sender, first_visit_at, discharged_at';

export async function appendHistory(
  tx: Queryable,
  entry: { referralId: string; at: number; by: string; from: ReferralStatus | null; to: ReferralStatus; reason?: string | undefined },
): Promise<void> {
  await tx.run(
    `INSERT INTO referral_history (id, referral_id, sequence, at, actor, from_status, to_status, reason)
     VALUES ($1, $2, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM referral_history WHERE referral_id = $2), $3, $4, $5, $6, $7)`,
    [
    newId('refhist'),
    entry.referralId,
    entry.at,
    entry.by,
    entry.from,
    entry.to,
    entry.reason ?? null,
  ]);
}

/** Moves a referral (already read FOR UPDATE) to `to`; refuses a move triage does not allow. */
export async function moveReferral(
  tx: Queryable,
  settings: ReferralSettings,
  row: ReferralRow,
  step: { to: ReferralStatus; by: string; reason?: string | undefined; at: number },
  operation: string,
): Promise<void> {
  if (!canTriage(row.status, step.to)) {
    throw new AdapterError('conflict', `A ${row.status} referral cannot become ${step.to}.`, { operation });
  }
  await tx.run('UPDATE referrals SET status = $2, decline_reason = $3, status_changed_at = $4 WHERE id = $1', [row.id, step.to, step.reason ?? null, step.at]);
  await appendHistory(tx, { referralId: row.id, at: step.at, by: step.by, from: row.status, to: step.to, reason: step.reason });
  if (step.to === 'scheduled') await queueReferrerMessage(tx, settings, row, 'scheduled', step.at);
}

/**
 * Marks repeats around a referral with known keys: it becomes a possible duplicate of the oldest
 * other referral of the same patient and referrer within the window before it; referrals within
 * the window after it that carry no mark yet become possible duplicates of it. Nothing is dropped.
 */
export async function markPossibleDuplicates(
  tx: Queryable,
  settings: ReferralSettings,
  referral: { id: string; receivedAt: number; patientNameKey: string; birthDate: string; referrerNpi: string },
): Promise<void> {
  if (!referral.patientNameKey || !referral.birthDate || !referral.referrerNpi) return;
  const keys = [referral.patientNameKey, referral.birthDate, referral.referrerNpi];
  const older = await tx.get<{ id: string }>(
    `SELECT id FROM referrals WHERE patient_name_key = $1 AND patient_birth_date = $2 AND referrer_npi = $3 AND id <> $4
       AND received_at >= $5 AND received_at <= $6 ORDER BY received_at, id LIMIT 1`,
    [...keys, referral.id, duplicateWindowStartMs(referral.receivedAt, settings.duplicateWindowDays), referral.receivedAt],
  );
  await tx.run('UPDATE referrals SET possible_duplicate_of = $2 WHERE id = $1', [referral.id, older?.id ?? null]);
  const windowEnd = referral.receivedAt + (referral.receivedAt - duplicateWindowStartMs(referral.receivedAt, settings.duplicateWindowDays));
  await tx.run(
    `UPDATE referrals SET possible_duplicate_of = $4 WHERE patient_name_key = $1 AND patient_birth_date = $2 AND referrer_npi = $3 AND id <> $4
       AND possible_duplicate_of IS NULL AND received_at > $5 AND received_at <= $6`,
    [...keys, referral.id, referral.receivedAt, windowEnd],
  );
}

export function detailsOf(row: Pick<ReferralRow, 'complete' | 'payload'>): ReferralDetails | undefined {
  if (Number(row.complete) !== 1) return undefined;
  const payload = JSON.parse(row.payload) as ReferralDetails;
  return { patient: payload.patient, referrer: payload.referrer, diagnoses: payload.diagnoses, order: payload.order, urgency: payload.urgency };
}

/**
 * Queues one message to the referrer for a milestone (the dedupe key makes a second call a no-op).
 * A referral whose referrer has no usable channel queues nothing: staff call instead.
 */
export async function queueReferrerMessage(
  tx: Queryable,
  settings: ReferralSettings,
  row: Pick<ReferralRow, 'id' | 'complete' | 'payload' | 'source' | 'sender'>,
  milestone: ReferralMilestone,
  at: number,
  planOfCareId?: string,
): Promise<boolean> {
  const details = detailsOf(row);
  // A faxed referral whose details are not filled in yet still has a number to answer.
  const route = details ? referrerChannel(details.referrer, settings) : row.source === 'fax' && row.sender ? { channel: 'fax' as const, recipient: row.sender } : undefined;
  if (!route) return false;
  const dedupeKey = planOfCareId ? `plan-of-care:${planOfCareId}` : `${milestone}:${row.id}`;
  const inserted = await tx.run(
    `INSERT INTO referral_transmissions (id, referral_id, milestone, plan_of_care_id, channel, recipient, status, attempts, next_attempt_at, dedupe_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $8, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [newId('reftx'), row.id, milestone, planOfCareId ?? null, route.channel, route.recipient, at, dedupeKey],
  );
  return inserted === 1;
}

/**
 * A booking made with a referral booking link: the appointment is linked to the referral and the
 * referral becomes scheduled (if triage allows it from where it is), in the booking's transaction.
 * The link must be open and the visit of the type it names.
 */
export async function linkBookingToReferral(
  tx: Queryable,
  settings: ReferralSettings,
  booking: { referralTokenHash: string; appointmentId: string; appointmentTypeId: string; at: number },
  operation: string,
): Promise<void> {
  const link = await tx.get<{ referral_id: string; appointment_type_id: string; expires_at: number }>(
    'SELECT referral_id, appointment_type_id, expires_at FROM referral_booking_links WHERE token_hash = $1',
    [booking.referralTokenHash],
  );
  if (!link) throw new AdapterError('token_invalid', 'This referral link is not valid.', { operation });
  if (Number(link.expires_at) <= booking.at) throw new AdapterError('token_expired', 'This referral link has expired.', { operation });
  if (link.appointment_type_id !== booking.appointmentTypeId) {
    throw new AdapterError('validation', 'This referral books another visit type.', { operation, issues: [{ path: 'referralToken', message: 'Visit type differs.' }] });
  }
  await tx.run('UPDATE appointments SET referral_id = $2 WHERE id = $1', [booking.appointmentId, link.referral_id]);
  const row = await tx.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1`, [link.referral_id]);
  if (row && row.status !== 'scheduled' && canTriage(row.status, 'scheduled')) {
    await moveReferral(tx, settings, row, { to: 'scheduled', by: 'patient-booking', at: booking.at }, operation);
  }
}
