/**
 * The server starts empty unless asked for demo data, and its banner says what is on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configFromEnv, startupBanner } from '../src/index.js';

describe('startup configuration', () => {
  it('starts with no demo data unless asked', () => {
    assert.equal(configFromEnv({}).options.seed, 'none');
    assert.equal(configFromEnv({ PXM_SEED: 'none' }).options.seed, 'none');
    assert.equal(configFromEnv({ PXM_SEED: 'demo' }).options.seed, 'demo');
    assert.equal(configFromEnv({}, ['--demo']).options.seed, 'demo');
    assert.throws(() => configFromEnv({ PXM_SEED: 'yes' }), /PXM_SEED/);
  });

  it('the banner names the database, demo data, admin API, CORS origins, reminder sender and key, never a secret', () => {
    const quiet = startupBanner(configFromEnv({ PXM_SQLITE_PATH: '/tmp/x.sqlite', PXM_CORS_ORIGINS: '' }), 'http://127.0.0.1:8787').join('\n');
    assert.match(quiet, /server on http:\/\/127\.0\.0\.1:8787/);
    assert.match(quiet, /database: +SQLite at \/tmp\/x\.sqlite/);
    assert.match(quiet, /demo data: +off/);
    assert.match(quiet, /admin API: +off/);
    assert.match(quiet, /CORS origins: +none/);
    assert.match(quiet, /reminder sender: +log/);
    assert.match(quiet, /secret key: +per process/);

    const loud = startupBanner(
      configFromEnv(
        {
          DATABASE_URL: 'postgres://pxm:pw@db.example:5432/pxm',
          PXM_SEED: 'demo',
          PXM_ADMIN_API_KEY: 'admin-key-0123456789-abcdefghij',
          PXM_CORS_ORIGINS: 'https://clinic.example',
          PXM_REMINDER_WEBHOOK_URL: 'https://sms.example/hook?token=abc',
          PXM_REMINDER_WEBHOOK_SECRET: 'webhook-secret-0123456789-abcdefgh',
          PXM_SECRET_KEY: 'secret-key-0123456789-abcdefghijklmn',
        },
        [],
      ),
      'http://127.0.0.1:8787',
    ).join('\n');
    assert.match(loud, /database: +PostgreSQL/);
    assert.match(loud, /demo data: +ON/);
    assert.match(loud, /admin API: +on/);
    assert.match(loud, /CORS origins: +https:\/\/clinic\.example/);
    assert.match(loud, /reminder sender: +webhook to https:\/\/sms\.example$/m);
    assert.match(loud, /secret key: +configured/);
    for (const secret of ['pw@', 'admin-key-', 'webhook-secret', 'secret-key-', 'token=abc']) assert.ok(!loud.includes(secret), secret);
  });
});
