/** The staff side of patient messaging, inside the admin API: the consent ledger, the replies queue, confirmations. */
import { IdSchema } from '@pxm/core';
import { HepProgramSchema } from '@pxm/core/hep';
import { SurveyDefinitionSchema } from '@pxm/core/survey';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../app-env.js';
import { limitOf, queryParams } from '../http/pagination.js';
import { readObject, strict } from '../http/request-body.js';
import type { MessagingService } from '../services/messaging-service.js';

const StaffConsentSchema = z.strictObject({
  channel: z.enum(['sms', 'email']),
  /** `reminder`, `care`, or `channel` (the whole channel, as a keyword would). */
  scope: z.enum(['reminder', 'care', 'channel']),
  granted: z.boolean(),
  note: z.optional(z.string().check(z.maxLength(500))),
});
const CompletionSchema = z.strictObject({ program: z.optional(HepProgramSchema) });
const DischargeSchema = z.strictObject({ survey: SurveyDefinitionSchema });
const ReplyQuerySchema = z.strictObject({ state: z.optional(z.enum(['queued', 'done'])) });

/** What else a visit marked completed sets off (the referral loop's "seen" message to the referrer). */
export type AfterCompletion = (appointmentId: string) => Promise<Record<string, unknown>>;

export function messagingAdminRoutes(app: Hono<AppEnv>, messaging: MessagingService, afterCompletion?: AfterCompletion): void {
  app.get('/admin/patients/:id/consents', async (c) => {
    const id = strict(IdSchema, c.req.param('id'), 'admin.listConsents');
    return c.json({ items: await messaging.ledger(id) });
  });

  app.post('/admin/patients/:id/consents', async (c) => {
    const operation = 'admin.recordConsent';
    const id = strict(IdSchema, c.req.param('id'), operation);
    const body = strict(StaffConsentSchema, await readObject(c, operation), operation);
    return c.json({ items: await messaging.recordStaffConsent(id, body) }, 201);
  });

  app.get('/admin/replies', async (c) => {
    const { params, limit } = queryParams(c.req.url);
    const query = strict(ReplyQuerySchema, params, 'admin.listReplies');
    return c.json({ items: await messaging.replies({ state: query.state ?? 'queued', limit: limitOf(limit, 100, 1000) }) });
  });

  app.post('/admin/replies/:id/done', async (c) => {
    await messaging.closeReply(strict(IdSchema, c.req.param('id'), 'admin.closeReply'));
    return c.body(null, 204);
  });

  app.get('/admin/appointments/:id', async (c) => c.json(await messaging.appointmentState(strict(IdSchema, c.req.param('id'), 'admin.getAppointment'))));

  app.post('/admin/appointments/:id/confirmation', async (c) => {
    const id = strict(IdSchema, c.req.param('id'), 'admin.confirmAppointment');
    await messaging.markConfirmed(id, 'staff');
    return c.json(await messaging.appointmentState(id));
  });

  // Journey triggers, from staff or the practice's own systems: each fires once per visit.
  app.post('/admin/appointments/:id/completion', async (c) => {
    const operation = 'admin.completeVisit';
    const id = strict(IdSchema, c.req.param('id'), operation);
    // The body is optional: a visit completed with no program to send.
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    const body = strict(CompletionSchema, hasBody ? await readObject(c, operation) : {}, operation);
    const issued = await messaging.completeVisit(id, body.program);
    // One completion for every journey it ends: the patient's next step, then the referrer's news.
    const referral = afterCompletion ? await afterCompletion(id) : {};
    return c.json({ ...(await messaging.appointmentState(id)), ...issued, ...referral });
  });

  app.post('/admin/appointments/:id/discharge', async (c) => {
    const operation = 'admin.discharge';
    const id = strict(IdSchema, c.req.param('id'), operation);
    const body = strict(DischargeSchema, await readObject(c, operation), operation);
    const issued = await messaging.discharge(id, body.survey);
    return c.json({ ...(await messaging.appointmentState(id)), ...issued });
  });
}
