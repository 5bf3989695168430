/**
 * Operations: `/health` says the process is live, `/ready` that it can serve (database reachable,
 * every migration applied), `/metrics` speaks Prometheus's text format behind a token, and the
 * JSON access log carries route patterns, statuses, times and ids: never a token from a path.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { configFromEnv } from '../src/index.js';
import { startTestServer, type TestServer } from './harness.js';

const METRICS_TOKEN = 'metrics-token-for-the-operations-test';
const RANGE = new URLSearchParams({
  locationId: 'denver-highlands',
  appointmentTypeId: 'initial-evaluation',
  from: '2027-03-08T00:00:00-07:00',
  to: '2027-03-10T00:00:00-07:00',
});

describe('operations endpoints and logs (SQLite)', () => {
  let server: TestServer;
  const lines: string[] = [];
  before(async () => {
    server = await startTestServer('sqlite', {
      now: CONTRACT_NOW,
      serverOptions: { seed: 'demo', log: (line) => lines.push(line), logFormat: 'json', metricsToken: METRICS_TOKEN },
    });
  });
  after(() => server.dispose());

  it('/health is live and /ready is ready with every migration applied; a missing migration makes it not ready', async () => {
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', database: 'ok', migrations: 'current' });

    const [last] = await server.server.db.all<{ version: number; name: string; applied_at: number }>(
      'SELECT version, name, applied_at FROM schema_migrations ORDER BY version DESC LIMIT 1',
    );
    await server.server.db.run('DELETE FROM schema_migrations WHERE version = $1', [last!.version]);
    try {
      const behind = await fetch(`${server.url}/ready`);
      assert.equal(behind.status, 503);
      assert.deepEqual(await behind.json(), { status: 'unavailable', database: 'ok', migrations: '1 pending' });
      assert.equal((await fetch(`${server.url}/health`)).status, 200, 'still live');
    } finally {
      await server.server.db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [last!.version, last!.name, last!.applied_at]);
    }
  });

  it('/metrics needs its token and answers request counts, a latency histogram and job series in Prometheus text', async () => {
    assert.equal((await fetch(`${server.url}/booking/slots?${RANGE}`)).status, 200);
    assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401);
    const reply = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await reply.text();
    assert.match(text, /^# TYPE pxm_http_requests_total counter$/m);
    assert.match(text, /^pxm_http_requests_total\{method="GET",route="\/booking\/slots",status="200"\} 1$/m);
    assert.match(text, /^# TYPE pxm_http_request_duration_seconds histogram$/m);
    assert.match(text, /^pxm_http_request_duration_seconds_bucket\{method="GET",route="\/booking\/slots",le="\+Inf"\} 1$/m);
    assert.match(text, /^pxm_http_request_duration_seconds_count\{method="GET",route="\/booking\/slots"\} 1$/m);
    assert.match(text, /^# TYPE pxm_jobs_queued gauge$/m);
    assert.match(text, /^# TYPE pxm_job_runs_total counter$/m);
    // Every sample line is `name{labels} number`.
    for (const line of text.trim().split('\n').filter((row) => !row.startsWith('#'))) assert.match(line, /^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$/, line);
  });

  it('without a token /metrics is off', async () => {
    const quiet = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { seed: 'demo' } });
    try {
      assert.equal((await fetch(`${quiet.url}/metrics`)).status, 404);
    } finally {
      await quiet.dispose();
    }
  });

  it('the JSON access log has the route pattern, status, time and request id, never the token in the path', async () => {
    lines.length = 0;
    const token = 'demo-intake-new-patient';
    assert.equal((await fetch(`${server.url}/intake/${token}`, { headers: { 'x-request-id': 'ops-test-request-1' } })).status, 200);
    const entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record.requestId === 'ops-test-request-1');
    assert.ok(entry);
    assert.deepEqual(Object.keys(entry).sort(), ['durationMs', 'event', 'level', 'method', 'requestId', 'route', 'status', 'time']);
    assert.equal(entry.route, '/intake/:token');
    assert.equal(entry.status, 200);
    assert.ok(!lines.some((line) => line.includes(token)), 'the token never reaches the log');
  });

  it('configuration: PXM_WORKER, job timing, log format and metrics token come from the environment, and bad values stop the start', () => {
    const config = configFromEnv({
      PXM_WORKER: 'off',
      PXM_JOB_TIMEOUT_SECONDS: '120',
      PXM_JOB_MAINTENANCE_SECONDS: '30',
      PXM_JOB_POLL_SECONDS: '1',
      PXM_LOG_FORMAT: 'json',
      PXM_METRICS_TOKEN: METRICS_TOKEN,
    });
    assert.deepEqual(config.options.jobs, { work: false, timeoutSeconds: 120, maintenanceSeconds: 30, pollingSeconds: 1 });
    assert.equal(config.options.logFormat, 'json');
    assert.equal(config.options.metricsToken, METRICS_TOKEN);
    assert.throws(() => configFromEnv({ PXM_LOG_FORMAT: 'xml' }), /PXM_LOG_FORMAT/);
    assert.throws(() => configFromEnv({ PXM_METRICS_TOKEN: 'short' }), /PXM_METRICS_TOKEN/);
  });
});
