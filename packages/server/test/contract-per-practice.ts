/**
 * The adapter contract against a second practice: the server's default practice stays as
 * seeded, a practice created through the operator API (with the demo catalogue) is the subject,
 * reached by the REST adapter with only its base URL changed.
 */
import assert from 'node:assert/strict';
import { createRestAdapter } from '@pxm/adapter-rest';
import { runAdapterContract } from '@pxm/adapter-testkit';
import { skipEveryCapability, startTestServer, type Dialect } from './harness.js';

const holdTtlMs = 10 * 60_000;
const OPERATOR_KEY = 'operator-key-0123456789-abcdefgh';

export function contractPerPractice(dialect: Dialect, unavailable?: string): void {
  runAdapterContract({
    name: `rest (${dialect}, second practice under /practices/second-practice)`,
    async create({ now }) {
      const server = await startTestServer(dialect, { now, serverOptions: { holdTtlMs, operatorKey: OPERATOR_KEY } });
      const created = await fetch(`${server.url}/operator/practices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'second-practice', name: 'Second practice', adminApiKey: 'second-practice-admin-key-0123', settings: { seed: 'demo' } }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const adapter = createRestAdapter({ baseUrl: `${server.url}/practices/second-practice`, timeoutMs: 15_000 });
      return { adapter, holdTtlMs, advanceTime: (ms) => server.clock.advance(ms), dispose: () => server.dispose() };
    },
    ...(unavailable ? { skip: skipEveryCapability(unavailable) } : {}),
  });
}
