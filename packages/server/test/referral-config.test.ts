import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnv, startupBanner } from '../src/index.js';

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

  it('builds the fax, Direct and email senders from the environment, polls the HISP only without a webhook, and names them in the banner without a secret', () => {
    const env = {
      PXM_PUBLIC_URL: 'https://clinic.example/pxm',
      PXM_FAX_CALLBACK_TOKEN: 'fax-token-secret',
      PXM_PHAXIO_API_KEY: 'phaxio-key-secret',
      PXM_PHAXIO_API_SECRET: 'phaxio-secret-secret',
      PXM_HISP_API_URL: 'https://api.hisp.example/v1',
      PXM_HISP_API_TOKEN: 'hisp-token-secret',
      PXM_DIRECT_ADDRESS: 'intake@direct.clinic.example',
      PXM_REFERRAL_EMAIL: 'allowed',
      PXM_SMTP_URL: 'smtp://user:smtp-password-secret@mail.example:587',
      PXM_EMAIL_FROM: 'referrals@clinic.example',
    };
    const config = configFromEnv(env);
    const referrals = config.options.referrals!;
    assert.equal(typeof referrals.channels?.fax?.sendFax, 'function');
    assert.equal(typeof referrals.channels?.direct?.sendDirect, 'function');
    assert.equal(referrals.directInbox?.pollIntervalMs, 60_000, 'no webhook secret: the inbox is polled');
    assert.equal(referrals.emailAttachesPlanOfCare, false, 'a plan of care goes by plain email only when asked');
    const banner = startupBanner(config, 'http://127.0.0.1:8787').join('\n');
    assert.match(banner, /referral senders: +fax via Phaxio, Direct via HISP at https:\/\/api\.hisp\.example, inbox polled every 60 s, email via mail\.example:587 \(plan of care as a notice\)$/m);
    for (const secret of ['fax-token-secret', 'phaxio-key-secret', 'phaxio-secret-secret', 'hisp-token-secret', 'smtp-password-secret']) assert.ok(!banner.includes(secret), secret);

    const pushed = configFromEnv({ ...env, PXM_HISP_WEBHOOK_SECRET: 'hisp-webhook-secret', PXM_REFERRAL_EMAIL_PLAN: 'attach' }).options.referrals!;
    assert.equal(pushed.directInbox, undefined, 'a webhook is configured: no polling unless PXM_HISP_POLL_MS says so');
    assert.equal(pushed.emailAttachesPlanOfCare, true);
    assert.equal(configFromEnv({ ...env, PXM_HISP_WEBHOOK_SECRET: 'hisp-webhook-secret', PXM_HISP_POLL_MS: '30000' }).options.referrals!.directInbox?.pollIntervalMs, 30_000);
    assert.match(startupBanner(configFromEnv({}), 'http://127.0.0.1:8787').join('\n'), /referral senders: +none$/m);
  });

  it('refuses a fax sender whose delivery status could never come back, and half-configured senders', () => {
    assert.throws(() => configFromEnv({ PXM_PHAXIO_API_KEY: 'key', PXM_PHAXIO_API_SECRET: 'secret' }), /PXM_PUBLIC_URL and PXM_FAX_CALLBACK_TOKEN/);
    assert.throws(() => configFromEnv({ PXM_PHAXIO_API_KEY: 'key' }), /PXM_PHAXIO_API_SECRET/);
    assert.throws(() => configFromEnv({ PXM_HISP_API_URL: 'https://api.hisp.example', PXM_HISP_API_TOKEN: 'token' }), /PXM_DIRECT_ADDRESS/);
    assert.throws(() => configFromEnv({ PXM_HISP_API_URL: 'https://api.hisp.example', PXM_DIRECT_ADDRESS: 'a@direct.example' }), /PXM_HISP_API_TOKEN/);
    assert.throws(() => configFromEnv({ PXM_REFERRAL_EMAIL_PLAN: 'always' }), /notice or attach/);
  });
});
