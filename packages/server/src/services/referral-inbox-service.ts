/**
 * The referral inbox (admin API): list and read referrals whatever their channel, triage them
 * with a history, fill in the details of a faxed or Direct one, take a fax or a Direct message in
 * as a partial referral, and issue the link that books with the referral attached.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import {
  formatReferralReference,
  REFERRAL_REFERENCE_RANDOM_BYTES,
  referralDuplicateKey,
  visitTypeForReferral,
  type ReferralBookingContext,
  type ReferralDetails,
  type ReferralHistoryEntry,
  type ReferralInboxItem,
  type ReferralSource,
  type ReferralStatus,
  type ReferralTriageRequest,
} from '@pxm/core/referral';
import * as z from 'zod/mini';
import type { ServerContext } from '../context.js';
import { forUpdate } from '../context.js';
import { decodeCursor, encodeCursor, type Page } from '../http/pagination.js';
import { appendHistory, detailsOf, markPossibleDuplicates, moveReferral, REFERRAL_COLUMNS, type ReferralRow } from '../referrals/referral-records.js';
import { hashToken, newId, newLinkToken } from '../tokens.js';
import { assertOpenLink, tokenHashOf } from './link-token.js';
import { sniffContentType } from './content-sniffing.js';

export const DEFAULT_REFERRAL_LINK_DAYS = 30;

export interface InboxQuery {
  status?: ReferralStatus | undefined;
  source?: ReferralSource | undefined;
  /** `true`: only referrals marked as possible duplicates. */
  duplicates?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A file that arrived with a fax or a Direct message. */
export interface InboundFile {
  contentType: string;
  bytes: Uint8Array;
}

const CursorSchema = z.object({ r: z.number(), i: z.string() });

export function itemOf(row: ReferralRow): ReferralInboxItem {
  const details = detailsOf(row);
  return {
    id: row.id,
    reference: row.reference,
    source: row.source as ReferralSource,
    status: row.status,
    ...(row.decline_reason !== null ? { declineReason: row.decline_reason } : {}),
    receivedAt: new Date(Number(row.received_at)).toISOString(),
    statusChangedAt: new Date(Number(row.status_changed_at)).toISOString(),
    complete: Number(row.complete) === 1,
    urgency: row.urgency as ReferralInboxItem['urgency'],
    ...(details ? { discipline: details.order.discipline, details } : {}),
    ...(row.possible_duplicate_of ? { possibleDuplicateOf: row.possible_duplicate_of } : {}),
    ...(row.sender ? { sender: row.sender } : {}),
  };
}

export function createReferralInboxService(ctx: ServerContext) {
  const { db } = ctx;
  const settings = ctx.referrals;
  const nowMs = () => ctx.now().getTime();

  async function lockedReferral(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], id: string, operation: string): Promise<ReferralRow> {
    const row = await tx.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1${forUpdate(db)}`, [id]);
    if (!row) throw new AdapterError('not_found', 'Unknown referral.', { operation });
    return row;
  }

  return {
    /** Newest first, a page at a time (cursor on arrival time and id, so new arrivals do not shift a page). */
    async listReferrals(query: InboxQuery): Promise<Page<ReferralInboxItem>> {
      const position = decodeCursor(query.cursor, CursorSchema);
      const rows = await db.all<ReferralRow>(
        `SELECT ${REFERRAL_COLUMNS} FROM referrals
          WHERE ($1 = '' OR status = $1) AND ($2 = '' OR source = $2) AND ($3 = 0 OR possible_duplicate_of IS NOT NULL)
            AND ($4 = 0 OR received_at < $5 OR (received_at = $5 AND id < $6))
          ORDER BY received_at DESC, id DESC LIMIT $7`,
        [query.status ?? '', query.source ?? '', query.duplicates ? 1 : 0, position ? 1 : 0, position?.r ?? 0, position?.i ?? '', query.limit + 1],
      );
      const items = rows.slice(0, query.limit).map(itemOf);
      const last = rows.length > query.limit ? rows[query.limit - 1]! : undefined;
      return { items, nextCursor: last ? encodeCursor({ r: Number(last.received_at), i: last.id }) : null };
    },

    /** One referral with its files (ids, types, sizes), its history and what went back to the referrer. */
    async getReferral(id: string) {
      const row = await db.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1`, [id]);
      if (!row) throw new AdapterError('not_found', 'Unknown referral.', { operation: 'admin.getReferral' });
      const files = await db.all<{ id: string; content_type: string; size: number }>(
        'SELECT id, content_type, size FROM referral_attachments WHERE referral_id = $1 ORDER BY created_at, id',
        [id],
      );
      const history = await db.all<{ at: number; actor: string; from_status: ReferralStatus | null; to_status: ReferralStatus; reason: string | null }>(
        'SELECT at, actor, from_status, to_status, reason FROM referral_history WHERE referral_id = $1 ORDER BY sequence',
        [id],
      );
      return {
        ...itemOf(row),
        attachments: files.map((file) => ({ id: file.id, contentType: file.content_type, size: Number(file.size) })),
        history: history.map(
          (entry): ReferralHistoryEntry => ({
            at: new Date(Number(entry.at)).toISOString(),
            by: entry.actor,
            ...(entry.from_status ? { from: entry.from_status } : {}),
            to: entry.to_status,
            ...(entry.reason !== null ? { reason: entry.reason } : {}),
          }),
        ),
      };
    },

    async getReferralAttachment(referralId: string, attachmentId: string): Promise<{ contentType: string; bytes: Uint8Array }> {
      const row = await db.get<{ content_type: string; data: Uint8Array }>('SELECT content_type, data FROM referral_attachments WHERE id = $1 AND referral_id = $2', [
        attachmentId,
        referralId,
      ]);
      if (!row) throw new AdapterError('not_found', 'Unknown attachment.', { operation: 'admin.getReferralAttachment' });
      return { contentType: row.content_type, bytes: new Uint8Array(row.data) };
    },

    async triageReferral(id: string, request: ReferralTriageRequest) {
      const operation = 'admin.triageReferral';
      await db.transaction(async (tx) => {
        const row = await lockedReferral(tx, id, operation);
        await moveReferral(tx, settings, row, { to: request.status, by: request.by, reason: request.reason, at: nowMs() }, operation);
      });
      return this.getReferral(id);
    },

    /** Staff fill in (or correct) what the referral says; its duplicate mark is worked out again. */
    async updateReferralDetails(id: string, details: ReferralDetails) {
      const operation = 'admin.updateReferralDetails';
      const key = referralDuplicateKey(details);
      await db.transaction(async (tx) => {
        const row = await lockedReferral(tx, id, operation);
        const previous = row.complete === 1 ? (JSON.parse(row.payload) as Record<string, unknown>) : {};
        await tx.run(
          `UPDATE referrals SET payload = $2, urgency = $3, discipline = $4, patient_name_key = $5, patient_birth_date = $6, referrer_npi = $7, complete = 1 WHERE id = $1`,
          [id, JSON.stringify({ ...previous, ...details }), details.urgency, details.order.discipline, key.patientNameKey, key.birthDate, key.referrerNpi],
        );
        await markPossibleDuplicates(tx, settings, { id, receivedAt: Number(row.received_at), ...key });
      });
      return this.getReferral(id);
    },

    /**
     * A fax or a Direct message becomes a partial referral (status new) with its files. The same
     * provider message again (a retried callback) answers the referral it made, creating nothing.
     */
    async receiveInbound(input: { channel: 'fax' | 'direct'; providerMessageId: string; sender: string; files: readonly InboundFile[] }): Promise<{ referralId: string; created: boolean }> {
      const operation = `referral.receive${input.channel === 'fax' ? 'Fax' : 'Direct'}`;
      const files = input.files.filter((file) => sniffContentType(file.bytes) === file.contentType && ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'].includes(file.contentType));
      if (files.length === 0) throw new AdapterError('validation', 'The message carries no PDF or image.', { operation, issues: [{ path: 'file', message: 'No document.' }] });
      return db.transaction(async (tx) => {
        const seen = await tx.get<{ referral_id: string }>('SELECT referral_id FROM referral_inbound_messages WHERE channel = $1 AND provider_message_id = $2', [
          input.channel,
          input.providerMessageId,
        ]);
        if (seen) return { referralId: seen.referral_id, created: false };
        const at = nowMs();
        const id = newId('ref');
        await tx.run(
          `INSERT INTO referrals (id, reference, received_at, source, status, status_changed_at, urgency, discipline, payload,
             patient_name_key, patient_birth_date, referrer_npi, complete, sender)
           VALUES ($1, $2, $3, $4, 'new', $3, 'routine', '', '{}', '', '', '', 0, $5)`,
          [id, formatReferralReference(randomBytes(REFERRAL_REFERENCE_RANDOM_BYTES)), at, input.channel, input.sender],
        );
        const inserted = await tx.run(
          'INSERT INTO referral_inbound_messages (id, referral_id, channel, provider_message_id, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel, provider_message_id) DO NOTHING',
          [newId('refin'), id, input.channel, input.providerMessageId, at],
        );
        // Two deliveries of one message at once: the one that lost rolls back and is told to retry.
        if (inserted !== 1) throw new AdapterError('conflict', 'This message is being taken in already.', { operation, retryable: true });
        for (const file of files) {
          await tx.run(
            'INSERT INTO referral_attachments (id, referral_id, content_type, size, sha256, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [newId('refatt'), id, file.contentType, file.bytes.byteLength, createHash('sha256').update(file.bytes).digest('hex'), Buffer.from(file.bytes), at],
          );
        }
        await appendHistory(tx, { referralId: id, at, by: input.channel, from: null, to: 'new' });
        return { referralId: id, created: true };
      });
    },

    /** A link for the patient to book with the referral attached; the visit type follows the referral's discipline. */
    async createReferralBookingLink(id: string, input: { appointmentTypeId?: string | undefined; expiresAt?: string | undefined }) {
      const operation = 'admin.createReferralBookingLink';
      const row = await db.get<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE id = $1`, [id]);
      if (!row) throw new AdapterError('not_found', 'Unknown referral.', { operation });
      const details = detailsOf(row);
      if (!details) throw new AdapterError('conflict', 'Fill in the referral before sending a booking link.', { operation });
      const config = await ctx.catalogue.get();
      const type = input.appointmentTypeId
        ? ctx.catalogue.appointmentType(config, input.appointmentTypeId, operation)
        : visitTypeForReferral(config.appointmentTypes, details.order.discipline);
      if (!type) throw new AdapterError('validation', 'No visit type for this discipline: name one.', { operation, issues: [{ path: 'appointmentTypeId', message: 'Required.' }] });
      const token = newLinkToken();
      const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : nowMs() + DEFAULT_REFERRAL_LINK_DAYS * 86_400_000;
      const linkId = newId('reflink');
      await db.run('INSERT INTO referral_booking_links (id, referral_id, token_hash, appointment_type_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        linkId,
        id,
        hashToken(token),
        type.id,
        expiresAt,
        nowMs(),
      ]);
      return { id: linkId, token, appointmentTypeId: type.id, expiresAt: new Date(expiresAt).toISOString() };
    },

    /** What `<pxm-booking>` opened with a referral link learns: the visit type, nothing about the patient. */
    async getReferralBookingContext(token: string): Promise<ReferralBookingContext> {
      const operation = 'booking.getReferralContext';
      const link = assertOpenLink(
        await db.get<{ appointment_type_id: string; expires_at: number; discipline: string }>(
          `SELECT l.appointment_type_id, l.expires_at, r.discipline FROM referral_booking_links l JOIN referrals r ON r.id = l.referral_id WHERE l.token_hash = $1`,
          [tokenHashOf(token, operation)],
        ),
        nowMs(),
        operation,
      );
      return { appointmentTypeId: link.appointment_type_id, discipline: link.discipline as ReferralBookingContext['discipline'], expiresAt: new Date(Number(link.expires_at)).toISOString() };
    },
  };
}

export type ReferralInboxService = ReturnType<typeof createReferralInboxService>;
