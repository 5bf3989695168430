/**
 * Two server processes on one PostgreSQL database, every request sent to the next process in
 * turn: the booking and survey rules still hold (one booking wins, one response per
 * invitation), because the database keeps them, not either process. Both processes run jobs
 * themselves (the default); the processes start once for the file, and each test still gets a
 * fresh backend (process-deployment.ts).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runAdapterContract } from '@pxm/adapter-testkit';
import { postgresUnavailable, skipEveryCapability } from './harness.js';
import { processDeployment } from './process-deployment.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.log(`# PostgreSQL two-process suite SKIPPED: ${unavailable}`);
if (unavailable && process.env.CI) {
  it('PostgreSQL is reachable in CI', () => assert.fail(unavailable));
}

const deployment = processDeployment({ servers: 2, worker: false, holdTtlMs: 5000 });
after(() => deployment.stop());

const skipOthers = 'covered by the single-process PostgreSQL run';
runAdapterContract({
  name: 'rest (postgres, two processes)',
  create: () => deployment.subject(),
  skip: unavailable
    ? skipEveryCapability(unavailable)
    : { intake: skipOthers, hep: skipOthers },
});

// Runs after the suites above: both processes really served their requests.
describe('rest (postgres, two processes): traffic', { skip: unavailable ?? false }, () => {
  it('both processes served requests', () => {
    const served = deployment.served;
    assert.ok(served[0]! > 50 && served[1]! > 50, `requests per process: ${served.join(', ')}`);
  });
});
