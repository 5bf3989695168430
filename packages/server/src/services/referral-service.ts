/**
 * Referrals in, on the database. A referral is one row (see migration 0007); its files are
 * uploaded first and claimed by the referral that lists them, in the same transaction that
 * stores it, so a referral never points at a file another referral holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import {
  formatReferralReference,
  normalizeReferralInput,
  REFERRAL_REFERENCE_RANDOM_BYTES,
  referralDuplicateKey,
  ReferralAttachmentTypeSchema,
  type AttachmentReceipt,
  type ReferralInput,
  type ReferralReceipt,
} from '@pxm/core/referral';
import { MAX_ATTACHMENT_BYTES } from '@pxm/core/forms';
import type { ServerContext } from '../context.js';
import { placeholders } from '../context.js';
import { appendHistory, markPossibleDuplicates } from '../referrals/referral-records.js';
import { newId, requestFingerprint } from '../tokens.js';
import { sniffContentType } from './content-sniffing.js';

/** How long an uploaded file waits for the referral that lists it before it is purged. */
export const UNCLAIMED_ATTACHMENT_RETENTION_MS = 24 * 3_600_000;
/** All the files of one referral together (each is at most MAX_ATTACHMENT_BYTES, five at most). */
export const MAX_REFERRAL_ATTACHMENT_TOTAL_BYTES = 25 * 1024 * 1024;

export interface ReferralService {
  submitReferral(input: ReferralInput): Promise<ReferralReceipt>;
  /** `declaredType` is the request's Content-Type; the bytes must agree with it. */
  uploadReferralAttachment(bytes: Uint8Array, declaredType: string, requestKey: string | undefined): Promise<AttachmentReceipt>;
}

interface ReceiptRow {
  reference: string;
  received_at: number;
  request_fingerprint: string | null;
}

export function createReferralService(ctx: ServerContext): ReferralService {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  return {
    async submitReferral(input: ReferralInput): Promise<ReferralReceipt> {
      const operation = 'referral.submitReferral';
      const referral = normalizeReferralInput(input);
      const print = requestFingerprint(input);
      const duplicateKey = referralDuplicateKey(referral);
      return db.transaction(async (tx) => {
        const receivedAt = nowMs();
        const id = newId('ref');
        const reference = formatReferralReference(randomBytes(REFERRAL_REFERENCE_RANDOM_BYTES));
        // ON CONFLICT: a second request with the key (a double click, a retry after a lost reply)
        // waits for the first to commit, then inserts nothing and replays its receipt below.
        const inserted = await tx.run(
          `INSERT INTO referrals (id, reference, received_at, source, status, status_changed_at, urgency, discipline, payload,
             patient_name_key, patient_birth_date, referrer_npi, idempotency_key, request_fingerprint)
           VALUES ($1, $2, $3, 'web', 'new', $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (idempotency_key) DO NOTHING`,
          [
            id,
            reference,
            receivedAt,
            referral.urgency,
            referral.order.discipline,
            JSON.stringify(referral),
            duplicateKey.patientNameKey,
            duplicateKey.birthDate,
            duplicateKey.referrerNpi,
            input.idempotencyKey,
            print,
          ],
        );
        if (inserted !== 1) {
          const previous = await tx.get<ReceiptRow>('SELECT reference, received_at, request_fingerprint FROM referrals WHERE idempotency_key = $1', [input.idempotencyKey]);
          if (!previous || previous.request_fingerprint !== print) {
            throw new AdapterError('conflict', 'This idempotency key was already used for a different referral.', { operation });
          }
          return receiptOf(previous);
        }
        if (referral.attachmentIds.length > 0) {
          const claimed = await tx.run(
            `UPDATE referral_attachments SET referral_id = $1 WHERE referral_id IS NULL AND id IN (${placeholders(referral.attachmentIds.length, 2)})`,
            [id, ...referral.attachmentIds],
          );
          if (claimed !== referral.attachmentIds.length) {
            // Rolls the referral back with it: the office fixes the files and sends again.
            throw new AdapterError('validation', 'An attachment is unknown or belongs to another referral.', {
              operation,
              issues: [{ path: 'attachmentIds', message: 'Unknown attachment.' }],
            });
          }
          const total = await tx.get<{ bytes: number | string | null }>('SELECT SUM(size) AS bytes FROM referral_attachments WHERE referral_id = $1', [id]);
          if (Number(total?.bytes ?? 0) > MAX_REFERRAL_ATTACHMENT_TOTAL_BYTES) {
            throw new AdapterError('validation', 'The files of one referral are too large together.', {
              operation,
              issues: [{ path: 'attachmentIds', message: `More than ${MAX_REFERRAL_ATTACHMENT_TOTAL_BYTES} bytes in all.` }],
            });
          }
        }
        // The inbox's side of a new referral: its first history entry and its duplicate mark.
        await appendHistory(tx, { referralId: id, at: receivedAt, by: 'web', from: null, to: 'new' });
        await markPossibleDuplicates(tx, ctx.referrals, { id, receivedAt, ...duplicateKey });
        return receiptOf({ reference, received_at: receivedAt, request_fingerprint: print });
      });
    },

    async uploadReferralAttachment(bytes: Uint8Array, declaredType: string, requestKey: string | undefined): Promise<AttachmentReceipt> {
      const operation = 'referral.uploadReferralAttachment';
      const contentType = ReferralAttachmentTypeSchema.safeParse(declaredType);
      if (!contentType.success) {
        throw new AdapterError('validation', 'Send a PDF, JPEG, PNG or WebP file.', { operation, issues: [{ path: 'file', message: 'Unsupported type.' }] });
      }
      if (bytes.byteLength === 0 || bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      if (sniffContentType(bytes) !== contentType.data) {
        throw new AdapterError('validation', 'The file is not the type it claims to be.', { operation, issues: [{ path: 'file', message: 'Content does not match its type.' }] });
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const receipt: AttachmentReceipt = { id: newId('refatt'), contentType: contentType.data, size: bytes.byteLength };
      return db.transaction(async (tx) => {
        const inserted = await tx.run(
          `INSERT INTO referral_attachments (id, content_type, size, sha256, data, request_key, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (request_key) DO NOTHING`,
          [receipt.id, receipt.contentType, receipt.size, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), requestKey ?? null, nowMs()],
        );
        if (inserted === 1) return receipt;
        // The same upload again (a retry after a lost reply): the file it stored. Another file under the key is a conflict.
        const previous = await tx.get<{ id: string; content_type: AttachmentReceipt['contentType']; size: number; sha256: string }>(
          'SELECT id, content_type, size, sha256 FROM referral_attachments WHERE request_key = $1',
          [requestKey ?? null],
        );
        if (!previous || previous.sha256 !== sha256) {
          throw new AdapterError('conflict', 'This idempotency key was already used for a different file.', { operation });
        }
        return { id: previous.id, contentType: previous.content_type, size: Number(previous.size) };
      });
    },
  };
}

function receiptOf(row: ReceiptRow): ReferralReceipt {
  return { reference: row.reference, receivedAt: new Date(Number(row.received_at)).toISOString() };
}
