import { ReferralInputSchema } from '@pxm/core/referral';
import { MAX_ATTACHMENT_BYTES } from '@pxm/core/forms';
import type { Hono } from 'hono';
import { HttpProblem } from '../http/problem.js';
import { readObject, strict } from '../http/request-body.js';
import { idempotencyKey } from '../http/request-headers.js';
import type { ReferralService } from '../services/referral-service.js';
import type { AppEnv } from '../app-env.js';

/** Referrals in from a physician's office: anonymous, rate-limited per address (see app.ts). */
export function referralRoutes(app: Hono<AppEnv>, referral: ReferralService): void {
  app.post('/referrals', async (c) => {
    const operation = 'referral.submitReferral';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const input = strict(ReferralInputSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await referral.submitReferral(input), 201);
  });

  app.post('/referrals/attachments', async (c) => {
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new HttpProblem(413, 'validation', 'The file is too large.', [{ path: 'file', message: 'Too large.' }]);
    return c.json(await referral.uploadReferralAttachment(bytes, contentType, idempotencyKey(c, false)), 201);
  });
}
