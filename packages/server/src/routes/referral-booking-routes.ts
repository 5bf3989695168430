import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { ReferralInboxService } from '../services/referral-inbox-service.js';

/** What the booking element opened with a referral link reads: the visit type to book (token-limited like the other links). */
export function referralBookingRoutes(app: Hono<AppEnv>, inbox: ReferralInboxService): void {
  app.get('/booking/referral-context/:token', async (c) => c.json(await inbox.getReferralBookingContext(c.req.param('token'))));
}
