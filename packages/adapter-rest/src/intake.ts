import {
  AdapterError,
  AttachmentUploadSchema,
  MAX_ATTACHMENT_BYTES,
  SaveDraftRequestSchema,
  SubmitIntakeRequestSchema,
  parseRequest,
  type IntakeApi,
} from '@pxm/core';
import { checkToken, keyed, newKey } from './request-parts.js';
import { REPLY_AS_SENT, type Send } from './transport.js';

/**
 * The intake calls over REST. Requests are checked before they leave; replies are handed on as
 * sent, for the element boundary to validate once with `intakeReplySchemas`.
 */
export function createRestIntake(send: Send): IntakeApi {
  return {
    async loadForm(token, options) {
      return send('intake.loadForm', REPLY_AS_SENT, { params: { token: checkToken(token, 'intake.loadForm') } }, options);
    },

    async saveDraft(token, request, options) {
      const operation = 'intake.saveDraft';
      const { baseVersion, ...json } = parseRequest(SaveDraftRequestSchema, request, operation);
      // The version travels as an ETag precondition: the server refuses a save on a stale one.
      const headers: Record<string, string> = baseVersion ? { 'if-match': `"${baseVersion}"` } : { 'if-none-match': '*' };
      return send(operation, REPLY_AS_SENT, { params: { token: checkToken(token, operation) }, json, headers }, options);
    },

    async uploadAttachment(token, file, upload, options) {
      const operation = 'intake.uploadAttachment';
      const meta = parseRequest(AttachmentUploadSchema, upload, operation);
      if (!(file instanceof Blob) || !file.size || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      const call = {
        params: { token: checkToken(token, operation) },
        query: { purpose: meta.purpose },
        // The bytes themselves, never base64; a key per upload makes a retry the same upload.
        body: new Blob([file], { type: meta.contentType }),
        headers: { 'content-type': meta.contentType, 'idempotency-key': newKey() },
      };
      return send(operation, REPLY_AS_SENT, call, options);
    },

    async submit(token, request, options) {
      const operation = 'intake.submit';
      const call = keyed(parseRequest(SubmitIntakeRequestSchema, request, operation));
      return send(operation, REPLY_AS_SENT, { ...call, params: { token: checkToken(token, operation) } }, options);
    },
  };
}
