/**
 * `@pxm/adapter-memory/lazy`: the memory backend for pages that load it from a script tag. The
 * adapter is handed over at once with its whole contract, and its code and demo data load on the
 * first call an element makes: booking, intake, HEP and surveys together (they share one demo
 * practice), progress and referrals each apart, only on a page that calls them. No test helpers
 * (`listStoredAppointments` and the like): `createMemoryAdapter` has those.
 */
import { CONTRACT_METHODS, lazyCapability, type CapabilityApi, type PxmAdapter } from '@pxm/core';
import type { MemoryBase } from './base.js';
import { systemClock } from './clock.js';
import type { MemoryAdapterOptions } from './options.js';

type BaseCapability = 'booking' | 'intake' | 'hep' | 'survey';

export function createLazyMemoryAdapter(options: MemoryAdapterOptions = {}): PxmAdapter {
  const now = options.now ?? systemClock;
  // Demo links expire relative to when the adapter was made, as with `createMemoryAdapter`.
  const createdAt = now();
  let base: Promise<MemoryBase> | undefined;
  const loadBase = () => (base ??= import('./base.js').then(({ createMemoryBase }) => createMemoryBase(options, createdAt)));
  const fromBase = <C extends BaseCapability>(capability: C) =>
    lazyCapability<CapabilityApi[C]>(capability, async (): Promise<CapabilityApi[C]> => (await loadBase())[capability] as CapabilityApi[C], CONTRACT_METHODS[capability]);
  return {
    name: 'memory',
    booking: fromBase('booking'),
    intake: fromBase('intake'),
    hep: fromBase('hep'),
    survey: fromBase('survey'),
    progress: lazyCapability<CapabilityApi['progress']>(
      'progress',
      async () => {
        const [loaded, area] = await Promise.all([loadBase(), import('./progress-area.js')]);
        return area.createBaseProgress(loaded, createdAt, options.seed?.progress);
      },
      CONTRACT_METHODS.progress,
    ),
    referral: lazyCapability<CapabilityApi['referral']>(
      'referral',
      async () => (await import('./referral.js')).createMemoryReferral({ now, latency: options.latencyMs }),
      CONTRACT_METHODS.referral,
    ),
  };
}

export type { MemoryAdapterOptions } from './options.js';
export type { Latency } from './latency.js';
