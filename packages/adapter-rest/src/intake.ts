/**
 * The intake calls over REST. Neither requests nor replies are validated here: the server
 * validates what it receives, and the element boundary validates what it is given (core's
 * `intakeReplySchemas`), so each check happens once. Only what goes into a URL path, and an upload
 * the server would refuse by size, are refused before sending.
 */
import { AdapterError, MAX_ATTACHMENT_BYTES, type IntakeApi } from '@pxm/core';
import { checkToken, keyed, newKey } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestIntake(send: Send): IntakeApi {
  return {
    async loadForm(token, options) {
      return send('intake.loadForm', 'as-read', { params: { token: checkToken(token, 'intake.loadForm') } }, options);
    },

    async saveDraft(token, request, options) {
      const operation = 'intake.saveDraft';
      const { baseVersion, ...json } = request;
      // The version travels as an ETag precondition: the server refuses a save on a stale one.
      const headers: Record<string, string> = baseVersion ? { 'if-match': `"${baseVersion}"` } : { 'if-none-match': '*' };
      return send(operation, 'as-read', { params: { token: checkToken(token, operation) }, json, headers }, options);
    },

    async uploadAttachment(token, file, upload, options) {
      const operation = 'intake.uploadAttachment';
      // A large photo is refused here rather than after uploading megabytes the server refuses.
      if (!(file instanceof Blob) || !file.size || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      const call = {
        params: { token: checkToken(token, operation) },
        query: { purpose: upload.purpose },
        // The bytes themselves, never base64; a key per upload makes a retry the same upload.
        body: new Blob([file], { type: upload.contentType }),
        headers: { 'content-type': upload.contentType, 'idempotency-key': newKey() },
      };
      return send(operation, 'as-read', call, options);
    },

    async submit(token, request, options) {
      const operation = 'intake.submit';
      return send(operation, 'as-read', { ...keyed(request), params: { token: checkToken(token, operation) } }, options);
    },
  };
}
