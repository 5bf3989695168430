/**
 * The memory backend's booking, intake, HEP and surveys over one demo practice: what
 * `createMemoryAdapter` and the lazily loaded script-tag adapter both start from. Progress and
 * referrals are added on top (they read the intake and HEP of this same base).
 */
import { createMemoryBooking, newBookingRecords, type BookingRecords } from './booking.js';
import { systemClock } from './clock.js';
import type { MemoryContext } from './context.js';
import { createMemoryHep, newHepRecords, type HepRecord } from './hep.js';
import { createMemoryIntake, newIntakeRecords, type IntakeRecords } from './intake.js';
import { DEFAULT_HOLD_TTL_MS, type MemoryAdapterOptions } from './options.js';
import { demoBaseSeed, type MemorySeed } from './seed.js';
import { createMemorySurvey, newSurveyRecords, type InvitationRecord } from './survey.js';

/** What the capabilities store, kept here so `createMemoryAdapter` can add its test and demo helpers over it. */
export interface MemoryRecords {
  booking: BookingRecords;
  intake: IntakeRecords;
  hep: Map<string, HepRecord>;
  survey: Map<string, InvitationRecord>;
}

export interface MemoryBase {
  context: MemoryContext;
  records: MemoryRecords;
  booking: ReturnType<typeof createMemoryBooking>;
  intake: ReturnType<typeof createMemoryIntake>;
  hep: ReturnType<typeof createMemoryHep>;
  survey: ReturnType<typeof createMemorySurvey>;
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
  const records: MemoryRecords = {
    booking: newBookingRecords(),
    intake: newIntakeRecords(context),
    hep: newHepRecords(context),
    survey: newSurveyRecords(context),
  };
  return {
    context,
    records,
    booking: createMemoryBooking(context, records.booking),
    intake: createMemoryIntake(context, records.intake),
    hep: createMemoryHep(context, records.hep),
    survey: createMemorySurvey(context, records.survey),
  };
}

/**
 * Progress for the lazily loaded adapter, imported from here (after the base) so that its file
 * reuses the code and demo data this base already loaded rather than sharing them in a third one.
 */
export const importProgressArea = () => import('./progress-area.js');
