/**
 * Referrals over REST. As for intake, neither requests nor replies are validated here (the server
 * validates what it receives, the element boundary what it is given, with core's
 * `referralReplySchemas`); only an upload the server would refuse by size is refused before sending.
 */
import { AdapterError, MAX_ATTACHMENT_BYTES, type ReferralApi } from '@pxm/core';
import { keyed, newKey } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestReferral(send: Send): ReferralApi {
  return {
    async submitReferral(input, options) {
      return send('referral.submitReferral', 'as-read', keyed(input), options);
    },

    async uploadReferralAttachment(file, options) {
      const operation = 'referral.uploadReferralAttachment';
      if (!(file instanceof Blob) || !file.size || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      // The file's own type travels as Content-Type; the server checks the bytes agree. A key per
      // upload makes a retry after a lost reply the same upload.
      const call = { body: file, headers: { 'content-type': file.type || 'application/octet-stream', 'idempotency-key': newKey() } };
      return send(operation, 'as-read', call, options);
    },
  };
}
