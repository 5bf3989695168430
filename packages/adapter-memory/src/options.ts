import type { Clock } from './clock.js';
import type { Latency } from './latency.js';
import type { MemorySeed } from './seed.js';

export interface MemoryAdapterOptions {
  /** Current time; inject a manual clock in tests. */
  now?: Clock;
  /** How long a slot hold lasts. Default 10 minutes. */
  holdTtlMs?: number;
  /** Simulated network delay per call, in ms. Default 0. */
  latencyMs?: Latency;
  /** Replace parts of the demo data. */
  seed?: Partial<MemorySeed>;
}

export const DEFAULT_HOLD_TTL_MS = 10 * 60_000;
