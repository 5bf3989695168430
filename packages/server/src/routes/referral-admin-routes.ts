/** The referral inbox and the loop back, in the admin API (behind the admin key: see admin-routes.ts). */
import { IdSchema, InstantSchema, LocalDateSchema } from '@pxm/core';
import { ReferralDetailsSchema, ReferralSourceSchema, ReferralStatusSchema, ReferralTriageRequestSchema } from '@pxm/core/referral';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../app-env.js';
import { limitOf, queryParams } from '../http/pagination.js';
import { HttpProblem } from '../http/problem.js';
import { readObject, strict } from '../http/request-body.js';
import type { ReferralInboxService } from '../services/referral-inbox-service.js';
import { MAX_PLAN_OF_CARE_BYTES, type ReferralLoopService } from '../services/referral-loop-service.js';

const InboxQuerySchema = z.strictObject({
  status: z.optional(ReferralStatusSchema),
  source: z.optional(ReferralSourceSchema),
  duplicates: z.optional(z.enum(['true', 'false'])),
});
const BookingLinkRequestSchema = z.strictObject({ appointmentTypeId: z.optional(IdSchema), expiresAt: z.optional(InstantSchema) });
const PlanOfCareQuerySchema = z.strictObject({ certifiedOn: LocalDateSchema });
const RecertificationQuerySchema = z.strictObject({ withinDays: z.optional(z.string().check(z.regex(/^\d{1,3}$/))) });

export function referralAdminRoutes(app: Hono<AppEnv>, inbox: ReferralInboxService, loop: ReferralLoopService, dispatch: () => Promise<unknown>): void {
  const idOf = (raw: string, operation: string) => strict(IdSchema, raw, operation);

  app.get('/admin/referrals', async (c) => {
    const { params, limit, cursor } = queryParams(c.req.url);
    const query = strict(InboxQuerySchema, params, 'admin.listReferrals');
    return c.json(await inbox.listReferrals({ status: query.status, source: query.source, duplicates: query.duplicates === 'true', limit: limitOf(limit, 50, 200), cursor }));
  });

  app.get('/admin/referrals/:id', async (c) => {
    const id = idOf(c.req.param('id'), 'admin.getReferral');
    return c.json({ ...(await inbox.getReferral(id)), transmissions: await loop.listTransmissions(id) });
  });

  app.get('/admin/referrals/:id/attachments/:attachmentId', async (c) => {
    const file = await inbox.getReferralAttachment(idOf(c.req.param('id'), 'admin.getReferralAttachment'), idOf(c.req.param('attachmentId'), 'admin.getReferralAttachment'));
    return c.body(Buffer.from(file.bytes), 200, { 'Content-Type': file.contentType, 'Content-Disposition': 'attachment' });
  });

  app.post('/admin/referrals/:id/triage', async (c) => {
    const operation = 'admin.triageReferral';
    return c.json(await inbox.triageReferral(idOf(c.req.param('id'), operation), strict(ReferralTriageRequestSchema, await readObject(c, operation), operation)));
  });

  app.put('/admin/referrals/:id/details', async (c) => {
    const operation = 'admin.updateReferralDetails';
    return c.json(await inbox.updateReferralDetails(idOf(c.req.param('id'), operation), strict(ReferralDetailsSchema, await readObject(c, operation), operation)));
  });

  app.post('/admin/referrals/:id/booking-links', async (c) => {
    const operation = 'admin.createReferralBookingLink';
    return c.json(await inbox.createReferralBookingLink(idOf(c.req.param('id'), operation), strict(BookingLinkRequestSchema, await readObject(c, operation), operation)), 201);
  });

  app.post('/admin/referrals/:id/discharge', async (c) => c.json(await loop.dischargeReferral(idOf(c.req.param('id'), 'admin.dischargeReferral'))));

  app.post('/admin/referrals/:id/plans-of-care', async (c) => {
    const operation = 'admin.uploadPlanOfCare';
    const { params } = queryParams(c.req.url);
    const query = strict(PlanOfCareQuerySchema, params, operation);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/pdf') throw new HttpProblem(415, 'validation', 'Send the plan of care as application/pdf.', [{ path: '', message: 'Unsupported media type.' }]);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_PLAN_OF_CARE_BYTES) throw new HttpProblem(413, 'validation', 'The file is too large.', [{ path: 'file', message: 'Too large.' }]);
    return c.json(await loop.uploadPlanOfCare(idOf(c.req.param('id'), operation), query.certifiedOn, bytes), 201);
  });

  app.get('/admin/plans-of-care/late', async (c) => {
    const { params, limit } = queryParams(c.req.url);
    strict(z.strictObject({}), params, 'admin.listLatePlansOfCare');
    return c.json({ items: await loop.listLatePlansOfCare(limitOf(limit, 100, 1000)) });
  });

  app.get('/admin/recertifications', async (c) => {
    const { params, limit } = queryParams(c.req.url);
    const query = strict(RecertificationQuerySchema, params, 'admin.listRecertificationsDue');
    return c.json({ items: await loop.listRecertificationsDue(query.withinDays === undefined ? 14 : Number(query.withinDays), limitOf(limit, 100, 1000)) });
  });

  app.post('/admin/referral-transmissions/dispatch', async (c) => c.json(await dispatch()));
}
