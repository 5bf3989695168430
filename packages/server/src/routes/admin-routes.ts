/**
 * The admin API: behind a bearer API key (compared in constant time), off entirely when no key
 * is configured.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { AdapterError, IdSchema, InstantSchema } from '@pxm/core';
import { FormDefinitionSchema, PromScoreSchema } from '@pxm/core/forms';
import { HepProgramSchema } from '@pxm/core/hep';
import { SurveyDefinitionSchema } from '@pxm/core/survey';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { limitOf, queryParams } from '../http/pagination.js';
import { readObject, strict } from '../http/request-body.js';
import type { AdminService } from '../services/admin-service.js';
import { LINK_KINDS } from '../services/link-revocation.js';
import type { AppEnv } from '../app-env.js';

const IntakeLinkRequestSchema = z.strictObject({
  form: FormDefinitionSchema,
  expiresAt: z.optional(InstantSchema),
  priorScores: z.optional(z.array(PromScoreSchema)),
});
const HepProgramRequestSchema = z.strictObject({ program: HepProgramSchema, expiresAt: z.optional(InstantSchema) });
const HepProgramUpdateSchema = z.strictObject({ program: HepProgramSchema });
const SurveyInvitationRequestSchema = z.strictObject({ survey: SurveyDefinitionSchema, expiresAt: z.optional(InstantSchema) });
const LinkRevocationSchema = z.strictObject({ kind: z.enum(LINK_KINDS), id: z.optional(IdSchema), token: z.optional(z.string()) });
const ReminderQuerySchema = z.strictObject({ status: z.optional(z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled'])) });

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function adminRoutes(
  app: Hono<AppEnv>,
  admin: AdminService,
  apiKey: string | { sha256Hex: string } | undefined,
  dispatch: () => Promise<{ sent: number; failed: number; cancelled: number }>,
): void {
  // A practice created through the operator API is known by its key's digest only.
  const expected = apiKey === undefined ? undefined : typeof apiKey === 'string' ? digest(apiKey) : Buffer.from(apiKey.sha256Hex, 'hex');
  app.use('/admin/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const presented = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    if (!expected || expected.length !== 32 || !timingSafeEqual(digest(presented), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="pxm-admin"');
      throw new AdapterError('unauthorized', apiKey ? 'A valid admin API key is needed.' : 'The admin API is off: set PXM_ADMIN_API_KEY.', {
        operation: 'admin',
      });
    }
    await next();
  });

  app.post('/admin/intake-links', async (c) => {
    const operation = 'admin.createIntakeLink';
    return c.json(await admin.createIntakeLink(strict(IntakeLinkRequestSchema, await readObject(c, operation), operation)), 201);
  });

  app.post('/admin/hep-programs', async (c) => {
    const operation = 'admin.createHepProgram';
    return c.json(await admin.createHepProgram(strict(HepProgramRequestSchema, await readObject(c, operation), operation)), 201);
  });

  app.put('/admin/hep-programs/:id', async (c) => {
    const operation = 'admin.updateHepProgram';
    const id = strict(IdSchema, c.req.param('id'), operation);
    const body = strict(HepProgramUpdateSchema, await readObject(c, operation), operation);
    return c.json(await admin.updateHepProgram(id, body.program));
  });

  app.post('/admin/survey-invitations', async (c) => {
    const operation = 'admin.createSurveyInvitation';
    return c.json(await admin.createSurveyInvitation(strict(SurveyInvitationRequestSchema, await readObject(c, operation), operation)), 201);
  });

  app.post('/admin/link-revocations', async (c) => {
    const operation = 'admin.revokeLink';
    return c.json(await admin.revokeLink(strict(LinkRevocationSchema, await readObject(c, operation), operation)));
  });

  app.get('/admin/reminders', async (c) => {
    const { params, limit } = queryParams(c.req.url);
    const query = strict(ReminderQuerySchema, params, 'admin.listReminders');
    return c.json({ items: await admin.listReminders({ status: query.status, limit: limitOf(limit, 100, 1000) }) });
  });

  app.post('/admin/reminders/dispatch', async (c) => c.json(await dispatch()));
}
