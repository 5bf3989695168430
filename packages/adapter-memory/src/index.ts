/**
 * `@pxm/adapter-memory`: the embedded default backend. Runs in the browser and in Node with no
 * server, seeded with the demo practice, and keeps every rule a real backend keeps.
 */
import type { PxmAdapter } from '@pxm/core';
import { createMemoryBooking, type MemoryBookingApi } from './booking.js';
import { systemClock, type Clock } from './clock.js';
import type { MemoryContext } from './context.js';
import { createMemoryHep, type MemoryHepApi } from './hep.js';
import { createMemoryIntake, type MemoryIntakeApi } from './intake.js';
import { createMemoryProgress, type MemoryProgressApi } from './progress.js';
import type { Latency } from './latency.js';
import { createMemoryReferral, type MemoryReferralApi } from './referral.js';
import { demoSeed, type MemorySeed } from './seed.js';
import { createMemorySurvey, type MemorySurveyApi } from './survey.js';

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

export interface MemoryAdapter extends PxmAdapter {
  readonly name: 'memory';
  readonly booking: MemoryBookingApi;
  readonly intake: MemoryIntakeApi;
  readonly hep: MemoryHepApi;
  readonly survey: MemorySurveyApi;
  readonly progress: MemoryProgressApi;
  readonly referral: MemoryReferralApi;
}

export const DEFAULT_HOLD_TTL_MS = 10 * 60_000;

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const now = options.now ?? systemClock;
  const ctx: MemoryContext = {
    now,
    latency: options.latencyMs,
    holdTtlMs: options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS,
    seed: { ...demoSeed(now()), ...options.seed },
  };
  const intake = createMemoryIntake(ctx);
  const hep = createMemoryHep(ctx);
  return {
    name: 'memory',
    booking: createMemoryBooking(ctx),
    intake,
    hep,
    survey: createMemorySurvey(ctx),
    // Due measures open as intake forms, and adherence comes from the HEP: progress reads both.
    progress: createMemoryProgress(ctx, intake, hep),
    referral: createMemoryReferral(ctx),
  };
}

export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export { demoSeed, type MemorySeed, type IntakeSeed, type HepSeed, type SurveySeed } from './seed.js';
export type { Latency } from './latency.js';
export type { MemoryBookingApi, MemoryIntakeApi, MemoryHepApi, MemorySurveyApi, MemoryProgressApi, MemoryReferralApi };
export type { StoredReferral } from './referral.js';
