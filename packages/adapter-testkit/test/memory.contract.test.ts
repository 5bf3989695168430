import { createManualClock, createMemoryAdapter } from '@pxm/adapter-memory';
import { runAdapterContract } from '../src/index.js';

runAdapterContract({
  name: 'memory',
  async create({ now }) {
    const clock = createManualClock(now);
    const holdTtlMs = 10 * 60_000;
    // A little latency so concurrent calls really interleave.
    const adapter = createMemoryAdapter({ now: clock.now, holdTtlMs, latencyMs: { min: 0, max: 3 } });
    return { adapter, holdTtlMs, advanceTime: (ms) => clock.advance(ms) };
  },
});
