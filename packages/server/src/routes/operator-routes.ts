/**
 * The operator API: creates practices. Behind its own bearer key (`PXM_OPERATOR_KEY`), distinct
 * from every practice's admin key; off (401) without one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { readObject, strict } from '../http/request-body.js';
import { PracticeRequestSchema, type PracticeRecord, type PracticeRequest } from '../tenancy/practice-settings.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function operatorRoutes(app: Hono<AppEnv>, practices: { create(request: PracticeRequest): Promise<PracticeRecord> } | undefined, operatorKey: string | undefined): void {
  app.use('/operator/*', async (c, next) => {
    const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!operatorKey || !practices || !timingSafeEqual(digest(presented), digest(operatorKey))) {
      c.header('WWW-Authenticate', 'Bearer realm="pxm-operator"');
      throw new AdapterError('unauthorized', operatorKey ? 'A valid operator key is needed.' : 'The operator API is off: set PXM_OPERATOR_KEY.', { operation: 'operator' });
    }
    await next();
  });

  app.post('/operator/practices', async (c) => {
    const operation = 'operator.createPractice';
    const record = await practices!.create(strict(PracticeRequestSchema, await readObject(c, operation), operation));
    c.header('Location', record.basePath);
    return c.json(record, 201);
  });
}
