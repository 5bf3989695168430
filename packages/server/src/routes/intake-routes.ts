import {
  AttachmentUploadSchema,
  MAX_ATTACHMENT_BYTES,
  SaveDraftRequestSchema,
  SubmitIntakeRequestSchema,
} from '@pxm/core/forms';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { queryParams } from '../http/pagination.js';
import { HttpProblem } from '../http/problem.js';
import { readObject, strict } from '../http/request-body.js';
import { baseVersion, etagOf, idempotencyKey } from '../http/request-headers.js';
import type { IntakeService } from '../services/intake-service.js';
import type { AppEnv } from '../app-env.js';

const UploadQuerySchema = z.strictObject({ purpose: z.optional(z.string().check(z.maxLength(100))) });

export function intakeRoutes(app: Hono<AppEnv>, intake: IntakeService): void {
  app.get('/intake/:token', async (c) => {
    const session = await intake.loadForm(c.req.param('token'));
    c.header('ETag', etagOf(session.draft?.version ?? 0));
    return c.json(session);
  });

  app.put('/intake/:token/draft', async (c) => {
    const operation = 'intake.saveDraft';
    const version = baseVersion(c);
    const body = await readObject(c, operation, ['baseVersion']);
    const request = strict(SaveDraftRequestSchema, { ...body, baseVersion: version }, operation);
    const draft = await intake.saveDraft(c.req.param('token'), request);
    c.header('ETag', etagOf(draft.version));
    return c.json(draft);
  });

  app.post('/intake/:token/attachments', async (c) => {
    const operation = 'intake.uploadAttachment';
    const { params } = queryParams(c.req.url);
    const query = strict(UploadQuerySchema, params, operation);
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const upload = strict(AttachmentUploadSchema, { contentType, ...(query.purpose ? { purpose: query.purpose } : {}) }, operation);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new HttpProblem(413, 'validation', 'The file is too large.', [{ path: 'file', message: 'Too large.' }]);
    return c.json(await intake.uploadAttachment(c.req.param('token'), bytes, upload, idempotencyKey(c, false)), 201);
  });

  app.post('/intake/:token/submission', async (c) => {
    const operation = 'intake.submit';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(SubmitIntakeRequestSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await intake.submit(c.req.param('token'), request), 201);
  });
}
