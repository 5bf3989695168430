/**
 * The adapter contract through @pxm/adapter-rest, against the real server over HTTP, on
 * PostgreSQL (DATABASE_URL; .ci/run starts a cluster and sets it). Skipped, saying why, when no
 * PostgreSQL is reachable.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runAdapterContract } from '@pxm/adapter-testkit';
import { postgresUnavailable, skipEveryCapability, startTestServer } from './harness.js';

const holdTtlMs = 10 * 60_000;
const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL contract suite SKIPPED: ${unavailable}`);
// CI installs and starts PostgreSQL: there, its absence is a failure, not a skip.
if (unavailable && process.env.CI) it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));

runAdapterContract({
  name: 'rest (postgres)',
  async create({ now }) {
    const server = await startTestServer('postgres', { now, serverOptions: { holdTtlMs } });
    return { adapter: server.adapter, holdTtlMs, advanceTime: (ms) => server.clock.advance(ms), dispose: () => server.dispose() };
  },
  ...(unavailable
    ? { skip: skipEveryCapability(unavailable) }
    : {}),
});
