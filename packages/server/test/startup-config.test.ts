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

  it('refuses to start with a reminder webhook that would go unsigned or in the clear', () => {
    assert.throws(() => configFromEnv({ PXM_REMINDER_WEBHOOK_URL: 'https://sms.example/hook' }), /PXM_REMINDER_WEBHOOK_SECRET/);
    assert.throws(
      () => configFromEnv({ PXM_REMINDER_WEBHOOK_URL: 'http://sms.example/hook', PXM_REMINDER_WEBHOOK_SECRET: 'webhook-secret-0123456789-abcdefgh' }),
      /https:\/\//,
    );
    assert.equal(
      configFromEnv({ PXM_REMINDER_WEBHOOK_URL: 'http://127.0.0.1:9000/hook', PXM_REMINDER_WEBHOOK_SECRET: 'webhook-secret-0123456789-abcdefgh' }).options.reminders?.sender?.name,
      'webhook',
    );
  });
});

describe('the command line', () => {
  it('stops with one clear line, no stack trace, when the webhook has no signing secret', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli], {
      env: { ...process.env, PORT: '0', PXM_SQLITE_PATH: ':memory:', PXM_REMINDER_WEBHOOK_URL: 'https://sms.example/hook', PXM_REMINDER_WEBHOOK_SECRET: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^\[pxm\] cannot start: .*PXM_REMINDER_WEBHOOK_SECRET/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
