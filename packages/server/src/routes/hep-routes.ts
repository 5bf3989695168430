import { ActivityLogEntrySchema, ActivityQuerySchema } from '@pxm/core/hep';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { decodeCursor, encodeCursor, limitOf, queryParams } from '../http/pagination.js';
import { readObject, strict } from '../http/request-body.js';
import { etagOf } from '../http/request-headers.js';
import type { HepService } from '../services/hep-service.js';
import type { AppEnv } from '../app-env.js';

/** A log entry as a request: the record's fields, nothing else. */
const LogEntryRequestSchema = z.strictObject(ActivityLogEntrySchema.shape);
const LogRequestSchema = z.strictObject({ entries: z.array(LogEntryRequestSchema).check(z.minLength(1), z.maxLength(200)) });
const ActivityCursorSchema = z.object({ t: z.int(), c: z.string() });

export function hepRoutes(app: Hono<AppEnv>, hep: HepService): void {
  app.get('/hep/:token', async (c) => {
    const program = await hep.loadProgram(c.req.param('token'));
    c.header('ETag', etagOf(program.version));
    return c.json(program);
  });

  app.post('/hep/:token/activity', async (c) => {
    const operation = 'hep.logActivity';
    const request = strict(LogRequestSchema, await readObject(c, operation), operation);
    return c.json({ items: await hep.logActivity(c.req.param('token'), request.entries) });
  });

  app.get('/hep/:token/activity', async (c) => {
    const operation = 'hep.listActivity';
    const { params, limit, cursor } = queryParams(c.req.url);
    const query = strict(ActivityQuerySchema, params, operation);
    const after = decodeCursor(cursor, ActivityCursorSchema);
    const page = await hep.listActivity(c.req.param('token'), query, {
      limit: limitOf(limit, 500, 1000),
      after: after ? { atMs: after.t, clientId: after.c } : undefined,
    });
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor({ t: page.next.atMs, c: page.next.clientId }) : null });
  });
}
