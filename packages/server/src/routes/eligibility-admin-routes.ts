/**
 * The front desk's view of eligibility (behind the admin API key, registered after its guard):
 * every check of an appointment with the raw 270/271 and the normalized result, and a trigger
 * for the queued re-checks (the poller runs them too).
 */
import { IdSchema } from '@pxm/core';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { strict } from '../http/request-body.js';
import type { EligibilityService } from '../services/eligibility-service.js';

export function eligibilityAdminRoutes(app: Hono<AppEnv>, eligibility: EligibilityService): void {
  app.get('/admin/appointments/:id/eligibility', async (c) => {
    const id = strict(IdSchema, c.req.param('id'), 'admin.listEligibilityChecks');
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await eligibility.listForAppointment(id) });
  });

  app.post('/admin/eligibility/recheck', async (c) => c.json(await eligibility.runDueRechecks()));
}
