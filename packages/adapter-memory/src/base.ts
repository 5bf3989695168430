/**
 * The memory backend's booking, intake, HEP and surveys over one demo practice: what
 * `createMemoryAdapter` and the lazily loaded script-tag adapter both start from. Progress and
 * referrals are added on top (they read the intake and HEP of this same base).
 */
import { createMemoryBooking, type MemoryBookingApi } from './booking.js';
import { systemClock } from './clock.js';
import type { MemoryContext } from './context.js';
import { createMemoryHep, type MemoryHepApi } from './hep.js';
import { createMemoryIntake, type MemoryIntakeApi } from './intake.js';
import { DEFAULT_HOLD_TTL_MS, type MemoryAdapterOptions } from './options.js';
import { demoBaseSeed, type MemorySeed } from './seed.js';
import { createMemorySurvey, type MemorySurveyApi } from './survey.js';

export interface MemoryBase {
  context: MemoryContext;
  booking: MemoryBookingApi;
  intake: MemoryIntakeApi;
  hep: MemoryHepApi;
  survey: MemorySurveyApi;
}

/**
 * The base, its demo links expiring relative to `createdAt` (when the adapter was made). The
 * progress episodes are the caller's: `progress` is what the options seed, or none yet.
 */
export function createMemoryBase(options: MemoryAdapterOptions, createdAt: Date, progress: MemorySeed['progress'] = []): MemoryBase {
  const context: MemoryContext = {
    now: options.now ?? systemClock,
    latency: options.latencyMs,
    holdTtlMs: options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS,
    seed: { ...demoBaseSeed(createdAt), progress, ...options.seed },
  };
  return {
    context,
    booking: createMemoryBooking(context),
    intake: createMemoryIntake(context),
    hep: createMemoryHep(context),
    survey: createMemorySurvey(context),
  };
}

/**
 * Progress for the lazily loaded adapter, imported from here (after the base) so that its file
 * reuses the code and demo data this base already loaded rather than sharing them in a third one.
 */
export const importProgressArea = () => import('./progress-area.js');
