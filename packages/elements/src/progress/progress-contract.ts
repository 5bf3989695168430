/**
 * TEMPORARY: the progress contract as the element expects it from `@pxm/core` and
 * `@pxm/core/progress` (issue 18), until those land. Deleted once they do: every import from here
 * then points at core. Types only, plus a pass-through reply table and a stand-in for
 * `changeReading`; the real schemas live in core alone.
 */
import type { Capability, CallOptions as CoreCallOptions, ContractSchema } from '@pxm/core';

export type GoalLevel = -2 | -1 | 0 | 1 | 2;
export interface GoalScaleLevel { value: GoalLevel; description: string }
export interface GoalRating { id: string; author: 'patient' | 'therapist'; authorName?: string | undefined; level?: GoalLevel | undefined; note?: string | undefined; ratedAt: string }
export interface Goal {
  id: string;
  text: string;
  targetDate: string;
  status: 'active' | 'achieved' | 'not-achieved' | 'cancelled';
  scale?: GoalScaleLevel[] | undefined;
  ratings: GoalRating[];
}
export interface MeasureResult { id: string; instrumentId: string; score: number; takenAt: string; source?: 'intake' | 'clinic' | undefined }
export interface MeasureSeries {
  instrumentId: string;
  title: string;
  range: { min: number; max: number };
  higherIsBetter: boolean;
  mcid: number;
  unit?: string | undefined;
  results: MeasureResult[];
}
export interface DueMeasure { instrumentId: string; reason: 'interval-days' | 'interval-visits' | 'discharge'; dueAt?: string | undefined; formToken: string }
export interface EpisodeOfCare {
  id: string;
  title: string;
  status: 'active' | 'discharged';
  startedAt: string;
  dischargedAt?: string | undefined;
  timeZone: string;
  practiceName: string;
  practicePhone?: string | undefined;
  therapistName?: string | undefined;
  referringPhysician?: string | undefined;
}
export interface Adherence { percent: number; since: string }
export interface ProgressView { episode: EpisodeOfCare; goals: Goal[]; measures: MeasureSeries[]; due: DueMeasure[]; adherence?: Adherence | undefined }
export interface GoalRatingInput { clientId: string; goalId: string; level?: GoalLevel | undefined; note?: string | undefined }

export interface ProgressApi {
  loadProgress(token: string, options?: CoreCallOptions): Promise<ProgressView>;
  rateGoal(token: string, rating: GoalRatingInput, options?: CoreCallOptions): Promise<Goal>;
}

/** Pass-through until core's table exists. */
function passThrough<T>(): ContractSchema<T> {
  return { safeParse: (value: unknown) => ({ success: true, data: value }) } as unknown as ContractSchema<T>;
}

export const progressReplySchemas = {
  loadProgress: passThrough<ProgressView>(),
  rateGoal: passThrough<Goal>(),
} as const;

export const PROGRESS_CAPABILITY = 'progress' as unknown as Capability;

export type ChangeReading = { change: number; reading: 'meaningful-better' | 'meaningful-worse' | 'not-yet' | 'baseline-only' };

/** Stand-in for core's rule (removed with this file). */
export function changeReading(series: MeasureSeries): ChangeReading {
  const first = series.results[0];
  const last = series.results.at(-1);
  if (!first || !last || series.results.length < 2) return { change: 0, reading: 'baseline-only' };
  const change = last.score - first.score;
  const better = series.higherIsBetter ? change : -change;
  if (better >= series.mcid) return { change, reading: 'meaningful-better' };
  if (better <= -series.mcid) return { change, reading: 'meaningful-worse' };
  return { change, reading: 'not-yet' };
}

/** The capability's API as the element calls it (core's `CapabilityApi['progress']` after the merge). */
export function asProgressApi(api: unknown): ProgressApi {
  return api as ProgressApi;
}
