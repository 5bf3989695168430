import type { Clock } from './clock.js';
import type { Latency } from './latency.js';
import type { MemorySeed } from './seed.js';

/** What every capability of one memory backend shares. */
export interface MemoryContext {
  now: Clock;
  latency: Latency | undefined;
  holdTtlMs: number;
  seed: MemorySeed;
}
