/**
 * Progress over an episode of care: goals set with the therapist (with Goal Attainment Scaling
 * when the practice uses it), outcome-measure results over time, the measures due again, and the
 * schedule that says when they fall due.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, InstantSchema, LocalDateSchema, TextSchema, TimeZoneSchema, TokenSchema } from './common.js';

/** A Goal Attainment Scaling level: -2 much less than expected ... 0 expected ... +2 much more. */
export const GoalLevelSchema = z.int().check(z.gte(-2), z.lte(2));
export type GoalLevel = z.infer<typeof GoalLevelSchema>;

export const GoalScaleLevelSchema = z.object({
  value: GoalLevelSchema,
  description: TextSchema,
});
export type GoalScaleLevel = z.infer<typeof GoalScaleLevelSchema>;

/** A rating note is short: what the patient or therapist wants the other to read at a glance. */
export const GoalNoteSchema = z.string().check(z.maxLength(500));

export const GoalRatingSchema = z.object({
  id: IdSchema,
  author: z.enum(['patient', 'therapist']),
  authorName: z.optional(TextSchema),
  level: z.optional(GoalLevelSchema),
  note: z.optional(GoalNoteSchema),
  ratedAt: InstantSchema,
});
export type GoalRating = z.infer<typeof GoalRatingSchema>;

/** The five GAS levels, -2 to +2, each once: a scale with a gap or a repeat cannot be rated on. */
function isFullScale(levels: readonly GoalScaleLevel[]): boolean {
  const values = new Set(levels.map((level) => level.value));
  return levels.length === 5 && values.size === 5;
}

export const GoalStatusSchema = z.enum(['active', 'achieved', 'not-achieved', 'cancelled']);
export type GoalStatus = z.infer<typeof GoalStatusSchema>;

export const GoalSchema = z.object({
  id: IdSchema,
  /** The patient's own words. */
  text: TextSchema,
  targetDate: LocalDateSchema,
  status: GoalStatusSchema,
  /** Goal Attainment Scaling levels, when the practice uses GAS: exactly five, -2 to +2. */
  scale: z.optional(z.array(GoalScaleLevelSchema).check(z.refine(isFullScale, 'Expected the five levels -2 to +2, each once.'))),
  /** Oldest first. */
  ratings: z.array(GoalRatingSchema),
});
export type Goal = z.infer<typeof GoalSchema>;

export const MeasureSourceSchema = z.enum(['intake', 'clinic']);

export const MeasureResultSchema = z.object({
  id: IdSchema,
  /** `nprs`, `psfs`, `lefs`, another shipped instrument, or one the practice imported. */
  instrumentId: IdSchema,
  score: z.number(),
  takenAt: InstantSchema,
  source: z.optional(MeasureSourceSchema),
});
export type MeasureResult = z.infer<typeof MeasureResultSchema>;

export const MeasureSeriesSchema = z.object({
  instrumentId: IdSchema,
  title: TextSchema,
  range: z.object({ min: z.number(), max: z.number() }),
  higherIsBetter: z.boolean(),
  mcid: z.number().check(z.gte(0)),
  unit: z.optional(TextSchema),
  /** Oldest first; the first is the baseline. */
  results: z.array(MeasureResultSchema),
});
export type MeasureSeries = z.infer<typeof MeasureSeriesSchema>;

export const DueReasonSchema = z.enum(['interval-days', 'interval-visits', 'discharge']);
export type DueReason = z.infer<typeof DueReasonSchema>;

export const DueMeasureSchema = z.object({
  instrumentId: IdSchema,
  reason: DueReasonSchema,
  dueAt: z.optional(InstantSchema),
  /** Opens `<pxm-intake-form token=...>` holding only this measure. */
  formToken: TokenSchema,
});
export type DueMeasure = z.infer<typeof DueMeasureSchema>;

export const EpisodeOfCareSchema = z.object({
  id: IdSchema,
  /** e.g. "Right knee after surgery". */
  title: TextSchema,
  status: z.enum(['active', 'discharged']),
  startedAt: InstantSchema,
  dischargedAt: z.optional(InstantSchema),
  /** The clinic's zone: dates of results and goals are read in it. */
  timeZone: TimeZoneSchema,
  practiceName: TextSchema,
  practicePhone: z.optional(TextSchema),
  therapistName: z.optional(TextSchema),
  referringPhysician: z.optional(TextSchema),
});
export type EpisodeOfCare = z.infer<typeof EpisodeOfCareSchema>;

/** Home-program adherence, from the HEP when the episode has one. */
export const AdherenceSchema = z.object({
  percent: z.int().check(z.gte(0), z.lte(100)),
  since: InstantSchema,
});
export type Adherence = z.infer<typeof AdherenceSchema>;

export const ProgressViewSchema = z.object({
  episode: EpisodeOfCareSchema,
  goals: z.array(GoalSchema),
  measures: z.array(MeasureSeriesSchema),
  due: z.array(DueMeasureSchema),
  adherence: z.optional(AdherenceSchema),
});
export type ProgressView = z.infer<typeof ProgressViewSchema>;

/** The patient's rating of one goal: a level, a note, or both. */
export const GoalRatingInputSchema = z.strictObject({
  /** Made by the client, so a retried rating never duplicates. */
  clientId: IdSchema,
  goalId: IdSchema,
  level: z.optional(GoalLevelSchema),
  note: z.optional(GoalNoteSchema),
}).check(z.refine((input) => input.level !== undefined || input.note !== undefined, 'Expected a level, a note, or both.'));
export type GoalRatingInput = z.infer<typeof GoalRatingInputSchema>;

/**
 * When one measure falls due again: every `everyDays` days (clinic calendar days), every
 * `everyVisits` visits, and/or at discharge. With none set, it is taken once (a baseline).
 */
export const MeasureAssignmentSchema = z.strictObject({
  instrumentId: IdSchema,
  everyDays: z.optional(z.int().check(z.gte(1), z.lte(366))),
  everyVisits: z.optional(z.int().check(z.gte(1), z.lte(100))),
  atDischarge: z.optional(z.boolean()),
});
export type MeasureAssignment = z.infer<typeof MeasureAssignmentSchema>;

/** The episode's measure schedule: what `dueMeasures` reads. */
export const MeasureScheduleSchema = z.strictObject({
  /** Start of the episode: a measure never taken is due from here (its baseline). */
  startedAt: InstantSchema,
  /** The clinic's zone: "every N days" counts its calendar days. */
  timeZone: TimeZoneSchema,
  assignments: z.array(MeasureAssignmentSchema),
  /** From this instant the discharge measures are due (discharge recorded or planned). */
  dischargeFrom: z.optional(InstantSchema),
});
export type MeasureSchedule = z.infer<typeof MeasureScheduleSchema>;

/** A goal as the therapist sets it with the patient (ratings are added one by one, never set). */
export const GoalSettingSchema = z.strictObject({
  id: IdSchema,
  text: TextSchema,
  targetDate: LocalDateSchema,
  status: GoalStatusSchema,
  scale: z.optional(z.array(GoalScaleLevelSchema).check(z.refine(isFullScale, 'Expected the five levels -2 to +2, each once.'))),
});
export type GoalSetting = z.infer<typeof GoalSettingSchema>;

/** The therapist's rating of one goal, recorded by the practice. */
export const TherapistRatingInputSchema = z.strictObject({
  goalId: IdSchema,
  authorName: z.optional(TextSchema),
  level: z.optional(GoalLevelSchema),
  note: z.optional(GoalNoteSchema),
  /** When the rating was made; now when absent. */
  ratedAt: z.optional(InstantSchema),
}).check(z.refine((input) => input.level !== undefined || input.note !== undefined, 'Expected a level, a note, or both.'));
export type TherapistRatingInput = z.infer<typeof TherapistRatingInputSchema>;
