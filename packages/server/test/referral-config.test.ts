import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnv } from '../src/index.js';

describe('referral settings from the environment', () => {
  it('defaults: 14-day duplicate window, no email, callbacks off', () => {
    const referrals = configFromEnv({}).options.referrals!;
    assert.equal(referrals.duplicateWindowDays, 14);
    assert.equal(referrals.emailAllowed, false);
    assert.deepEqual(referrals.webhooks, {});
  });

  it('turns the fax and Direct callbacks on, and refuses a fax token without the public address it signs', () => {
    const referrals = configFromEnv({ PXM_FAX_CALLBACK_TOKEN: 'token', PXM_PUBLIC_URL: 'https://clinic.example/pxm', PXM_HISP_WEBHOOK_SECRET: 'secret', PXM_REFERRAL_EMAIL: 'allowed', PXM_CLINIC_TIME_ZONE: 'America/Denver' }).options.referrals!;
    assert.deepEqual(referrals.webhooks, { fax: { callbackToken: 'token', publicUrl: 'https://clinic.example/pxm' }, direct: { webhookSecret: 'secret' } });
    assert.equal(referrals.emailAllowed, true);
    assert.equal(referrals.timeZone, 'America/Denver');
    assert.throws(() => configFromEnv({ PXM_FAX_CALLBACK_TOKEN: 'token' }), /PXM_PUBLIC_URL/);
    assert.throws(() => configFromEnv({ PXM_CLINIC_TIME_ZONE: 'Mars/Olympus' }), /IANA/);
  });
});
