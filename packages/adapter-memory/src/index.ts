/**
 * `@pxm/adapter-memory`: the embedded default backend. Runs in the browser and in Node with no
 * server, seeded with the demo practice, and keeps every rule a real backend keeps.
 */
import type { PxmAdapter } from '@pxm/core';
import { createMemoryBase } from './base.js';
import { bookingHelpers, type MemoryBookingApi } from './booking.js';
import { systemClock } from './clock.js';
import { hepHelpers, type MemoryHepApi } from './hep.js';
import { intakeHelpers, type MemoryIntakeApi } from './intake.js';
import type { MemoryAdapterOptions } from './options.js';
import { createBaseProgress } from './progress-area.js';
import type { MemoryProgressApi } from './progress.js';
import { createMemoryReferral, type MemoryReferralApi } from './referral.js';
import { surveyHelpers, type MemorySurveyApi } from './survey.js';

export interface MemoryAdapter extends PxmAdapter {
  readonly name: 'memory';
  readonly booking: MemoryBookingApi;
  readonly intake: MemoryIntakeApi;
  readonly hep: MemoryHepApi;
  readonly survey: MemorySurveyApi;
  readonly progress: MemoryProgressApi;
  readonly referral: MemoryReferralApi;
}

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const createdAt = (options.now ?? systemClock)();
  const base = createMemoryBase(options, createdAt);
  const { context, records } = base;
  // The base's capabilities with the test and demo helpers the script-tag adapter leaves out.
  return {
    name: 'memory',
    booking: { ...base.booking, ...bookingHelpers(context, records.booking) },
    intake: { ...base.intake, ...intakeHelpers(records.intake) },
    hep: { ...base.hep, ...hepHelpers(context, records.hep) },
    survey: { ...base.survey, ...surveyHelpers(records.survey) },
    progress: createBaseProgress(base, createdAt, options.seed?.progress),
    referral: createMemoryReferral(context),
  };
}

export { DEFAULT_HOLD_TTL_MS, type MemoryAdapterOptions } from './options.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export { demoSeed, type MemorySeed, type IntakeSeed, type HepSeed, type SurveySeed } from './seed.js';
export type { Latency } from './latency.js';
export type { MemoryBookingApi, MemoryIntakeApi, MemoryHepApi, MemorySurveyApi, MemoryProgressApi, MemoryReferralApi };
export type { StoredReferral } from './referral.js';
