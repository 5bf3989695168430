/**
 * `@pxm/adapter-memory/lazy`: the memory backend for pages that load it from a script tag. The
 * adapter is handed over at once with its whole contract, and its code and demo data load on the
 * first call an element makes: booking, intake, HEP and surveys together (they share one demo
 * practice), progress and referrals each apart, only on a page that calls them. No test helpers
 * (`listStoredAppointments` and the like): `createMemoryAdapter` has those.
 */
import { CONTRACT_METHODS, lazyCapability, type CapabilityApi, type PxmAdapter } from '@pxm/core';
import type { MemoryBase, importProgressArea } from './base.js';
import { systemClock } from './clock.js';
import type { MemoryAdapterOptions } from './options.js';

type BaseCapability = 'booking' | 'intake' | 'hep' | 'survey';

export function createLazyMemoryAdapter(options: MemoryAdapterOptions = {}): PxmAdapter {
  const now = options.now ?? systemClock;
  // Demo links expire relative to when the adapter was made, as with `createMemoryAdapter`.
  const createdAt = now();
  let loaded: Promise<{ base: MemoryBase; importProgressArea: typeof importProgressArea }> | undefined;
  const loadBaseModule = () =>
    (loaded ??= import('./base.js').then(({ createMemoryBase, importProgressArea }) => ({ base: createMemoryBase(options, createdAt), importProgressArea })));
  const loadBase = async () => (await loadBaseModule()).base;
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
        // Loaded by the base's module, after it: its file then holds only what the base lacks.
        const { base, importProgressArea } = await loadBaseModule();
        return (await importProgressArea()).createBaseProgress(base, createdAt, options.seed?.progress);
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
