import { createManualClock } from '@pxm/adapter-memory';
import { createLazyMemoryAdapter } from '@pxm/adapter-memory/lazy';
import { runAdapterContract } from '../src/index.js';

// The script-tag memory adapter, whose code loads on the first call, keeps the same contract.
runAdapterContract({
  name: 'memory (loaded on first call)',
  async create({ now }) {
    const clock = createManualClock(now);
    const holdTtlMs = 10 * 60_000;
    const adapter = createLazyMemoryAdapter({ now: clock.now, holdTtlMs, latencyMs: { min: 0, max: 3 } });
    return { adapter, holdTtlMs, advanceTime: (ms) => clock.advance(ms) };
  },
});
