/**
 * `cdn/pxm-adapter-memory.js`: the in-browser demo backend for script-tag pages.
 *
 * ```html
 * <pxm-provider adapter="memory" adapter-latency="150-450" adapter-hold-minutes="10">
 * ```
 * - `adapter-latency`: simulated network time per call, ms, or a range `min-max`. Default 0.
 * - `adapter-hold-minutes`: how long a held time stays reserved. Default 10.
 *
 * Everything lives in the page's memory and is gone on reload: for demos and trials only.
 * The backend and its demo data load on the first call an element makes (progress and referrals
 * only on a page that uses them), so this file adds almost nothing to what a page downloads
 * before its elements first render.
 */
import { createLazyMemoryAdapter, type Latency } from '@pxm/adapter-memory/lazy';
import { registerAdapter, type AdapterAttributes } from '../../cdn.js';

function latency(options: AdapterAttributes): Latency | undefined {
  const value = options.string('latency');
  if (value === undefined) return undefined;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return options.number('latency');
}

registerAdapter('memory', {
  options: ['latency', 'hold-minutes'],
  create(options) {
    const holdMinutes = options.number('hold-minutes');
    return createLazyMemoryAdapter({
      latencyMs: latency(options),
      ...(holdMinutes === undefined ? {} : { holdTtlMs: holdMinutes * 60_000 }),
    });
  },
});
