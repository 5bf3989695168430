import { delay, throwIfAborted } from '@pxm/core';

/** Simulated network time: a fixed delay, or a random one in a range, so demos feel real. */
export type Latency = number | { min: number; max: number };

/**
 * Waits the simulated latency, honouring the abort signal. Every method awaits this *before*
 * touching state, then checks and changes state with no await in between: that is what keeps
 * the rules race-free in a single-threaded backend.
 */
export async function simulateLatency(latency: Latency | undefined, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  const ms = typeof latency === 'number' ? latency : latency ? latency.min + Math.random() * (latency.max - latency.min) : 0;
  if (ms > 0) await delay(ms, signal);
  else await Promise.resolve();
  throwIfAborted(signal);
}
