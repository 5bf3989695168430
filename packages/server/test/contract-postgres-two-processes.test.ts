/**
 * Two server processes on one PostgreSQL database, every request sent to the next process in
 * turn: the booking and survey rules still hold (one booking wins, one response per
 * invitation), because the database keeps them, not either process.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { runAdapterContract } from '@pxm/adapter-testkit';
import { createPxmServer } from '../src/index.js';
import { DATABASE_URL, dropSchema, freshSchemaName, postgresUnavailable } from './harness.js';
import { roundRobinFetch, startProcessGroup } from './server-process.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL two-process suite SKIPPED: ${unavailable}`);
if (unavailable && process.env.CI) {
  it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));
}

// Real time passes in the child processes, so holds are short enough to outwait. Both processes
// read one clock (PXM_NOW at PXM_NOW_AT): however far apart they start, a hold one of them made
// expires at the same instant for the other, so outwaiting it cannot lose a race.
const holdTtlMs = 5000;
const served = [0, 0];

const skipOthers = 'covered by the single-process PostgreSQL run';
runAdapterContract({
  name: 'rest (postgres, two processes)',
  async create({ now }) {
    const schema = freshSchemaName();
    const env = { DATABASE_URL, PXM_PG_SCHEMA: schema, PXM_NOW: now.toISOString(), PXM_NOW_AT: String(Date.now()), PXM_HOLD_TTL_MS: String(holdTtlMs) };
    // Migrated and seeded here first, so both processes start at once and find the work done.
    const setup = await createPxmServer({ database: { url: DATABASE_URL, schema }, now: () => now, log: false, reminders: { pollIntervalMs: false } });
    await setup.close();
    const group = await startProcessGroup(2, env);
    const adapter = createRestAdapter({ baseUrl: group.urls[0]!, fetch: roundRobinFetch(group.urls, served), timeoutMs: 15_000 });
    return {
      adapter,
      holdTtlMs,
      async dispose() {
        await group.stop();
        await dropSchema(schema);
      },
    };
  },
  skip: unavailable
    ? { booking: unavailable, intake: unavailable, hep: unavailable, survey: unavailable }
    : { intake: skipOthers, hep: skipOthers },
});

// Runs after the suites above: both processes really served their requests.
describe('rest (postgres, two processes): traffic', { skip: unavailable ?? false }, () => {
  it('both processes served requests', () => {
    assert.ok(served[0]! > 50 && served[1]! > 50, `requests per process: ${served.join(', ')}`);
  });
});
