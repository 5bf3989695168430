/**
 * Closing the server (what SIGTERM does) drains: requests in flight are answered, new
 * connections are refused. And an outage is logged once per kind every few seconds, not once per
 * failed request.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { createThrottledLog } from '../src/app.js';
import { startTestServer } from './harness.js';

describe('graceful shutdown', () => {
  it('answers the requests in flight when closed, then refuses new ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const server = await startTestServer('sqlite', {
      now: CONTRACT_NOW,
      serverOptions: {
        seed: 'demo',
        eligibility: {
          async check() {
            started();
            await gate;
            return { status: 'active', checkedAt: CONTRACT_NOW.toISOString() } as never;
          },
        },
      },
    });
    try {
      const pending = fetch(`${server.url}/booking/eligibility`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'insurance', payerName: 'Aetna', memberId: 'W1', relationship: 'self' }),
      });
      await inFlight;
      const closing = server.running.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await assert.rejects(fetch(`${server.url}/health`), 'new connections are refused while draining');
      release();
      const response = await pending;
      assert.ok(response.status < 500, `in-flight request answered ${response.status}`);
      await closing;
    } finally {
      release();
      await server.dispose();
    }
  });
});

describe('outage log', () => {
  it('writes one line per kind per window, then says how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = createThrottledLog((line) => lines.push(line), 5_000, () => now);
    for (let i = 0; i < 700; i++) {
      log('server', `failure ${i}`);
      now += 10;
    }
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /failure 500 \(499 more like it/);
  });
});
