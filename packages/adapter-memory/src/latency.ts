import { delay, throwIfAborted, type CallOptions } from '@pxm/core';

/** Simulated network time: a fixed delay, or a random one in a range, so demos feel real. */
export type Latency = number | { min: number; max: number };

/**
 * Waits the backend's simulated latency, honouring the call's abort signal. Every method awaits this *before*
 * touching state, then checks and changes state with no await in between: that is what keeps
 * the rules race-free in a single-threaded backend.
 */
export async function simulateLatency({ latency }: { latency: Latency | undefined }, options: CallOptions | undefined): Promise<void> {
  const signal = options?.signal;
  throwIfAborted(signal);
  const ms = typeof latency === 'number' ? latency : latency ? latency.min + Math.random() * (latency.max - latency.min) : 0;
  if (ms > 0) await delay(ms, signal);
  else await Promise.resolve();
  throwIfAborted(signal);
}
