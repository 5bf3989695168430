/** The adapter contract through @pxm/adapter-rest, against the real server over HTTP, on SQLite. */
import { runAdapterContract } from '@pxm/adapter-testkit';
import { startTestServer } from './harness.js';

const holdTtlMs = 10 * 60_000;

runAdapterContract({
  name: 'rest (sqlite)',
  async create({ now }) {
    const server = await startTestServer('sqlite', { now, serverOptions: { holdTtlMs } });
    return { adapter: server.adapter, holdTtlMs, advanceTime: (ms) => server.clock.advance(ms), dispose: () => server.dispose() };
  },
});
