/**
 * Referrals in, on the memory backend: files first, then the referral that lists them, with the
 * same rules as the server (core's schema, normalization and reference; one referral per
 * idempotency key; a file belongs to one referral). Files are checked by their declared type:
 * in the browser the element made them, and the server is the one that sniffs bytes.
 */
import { AdapterError, createId, parseRequest, type CallOptions, type ReferralApi } from '@pxm/core';
import { MAX_ATTACHMENT_BYTES } from '@pxm/core/forms';
import {
  formatReferralReference,
  normalizeReferralInput,
  REFERRAL_REFERENCE_RANDOM_BYTES,
  ReferralAttachmentTypeSchema,
  ReferralInputSchema,
  type AttachmentReceipt,
  type NormalizedReferral,
  type ReferralReceipt,
} from '@pxm/core/referral';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';

/** A referral as the practice's inbox would see it. */
export interface StoredReferral {
  reference: string;
  receivedAt: string;
  status: 'new';
  referral: NormalizedReferral;
}

export interface MemoryReferralApi extends ReferralApi {
  /** Test and demo helper: every referral received, oldest first. */
  listReferrals(): StoredReferral[];
  /** Test and demo helper: a stored file, by id. */
  attachment(id: string): Blob | undefined;
}

interface KeyedReferral {
  fingerprint: string;
  receipt: ReferralReceipt;
}

export function createMemoryReferral(ctx: Pick<MemoryContext, 'now' | 'latency'>): MemoryReferralApi {
  const referrals: StoredReferral[] = [];
  const byKey = new Map<string, KeyedReferral>();
  const files = new Map<string, { blob: Blob; receipt: AttachmentReceipt; claimed: boolean }>();

  return {
    async submitReferral(input, options?: CallOptions) {
      const operation = 'referral.submitReferral';
      const parsed = parseRequest(ReferralInputSchema, input, operation);
      const referral = normalizeReferralInput(parsed);
      const fingerprint = JSON.stringify(referral);
      await simulateLatency(ctx, options);
      // From here to the end nothing awaits: two submits with one key cannot interleave.
      const previous = byKey.get(parsed.idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) throw new AdapterError('conflict', 'This idempotency key was already used for a different referral.', { operation });
        return structuredClone(previous.receipt);
      }
      if (referral.attachmentIds.some((id) => files.get(id)?.claimed !== false)) {
        throw new AdapterError('validation', 'An attachment is unknown or belongs to another referral.', {
          operation,
          issues: [{ path: 'attachmentIds', message: 'Unknown attachment.' }],
        });
      }
      for (const id of referral.attachmentIds) files.get(id)!.claimed = true;
      const receipt: ReferralReceipt = {
        reference: formatReferralReference(globalThis.crypto.getRandomValues(new Uint8Array(REFERRAL_REFERENCE_RANDOM_BYTES))),
        receivedAt: ctx.now().toISOString(),
      };
      referrals.push({ reference: receipt.reference, receivedAt: receipt.receivedAt, status: 'new', referral });
      byKey.set(parsed.idempotencyKey, { fingerprint, receipt });
      return structuredClone(receipt);
    },

    async uploadReferralAttachment(file, options?: CallOptions) {
      const operation = 'referral.uploadReferralAttachment';
      const contentType = ReferralAttachmentTypeSchema.safeParse(file instanceof Blob ? file.type : undefined);
      if (!contentType.success) {
        throw new AdapterError('validation', 'Send a PDF, JPEG, PNG or WebP file.', { operation, issues: [{ path: 'file', message: 'Unsupported type.' }] });
      }
      if (file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      await simulateLatency(ctx, options);
      const receipt: AttachmentReceipt = { id: `refatt-${createId()}`, contentType: contentType.data, size: file.size };
      files.set(receipt.id, { blob: file, receipt, claimed: false });
      return { ...receipt };
    },

    listReferrals() {
      return structuredClone(referrals);
    },

    attachment(id) {
      return files.get(id)?.blob;
    },
  };
}
