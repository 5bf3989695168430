/**
 * `@pxm/core/progress`: an episode of care's goals (with Goal Attainment Scaling), outcome
 * measures over time and the measures due again: the schemas, and the rules that read them.
 */
export {
  AdherenceSchema,
  DueMeasureSchema,
  DueReasonSchema,
  EpisodeOfCareSchema,
  GoalLevelSchema,
  GoalNoteSchema,
  GoalRatingInputSchema,
  GoalRatingSchema,
  GoalScaleLevelSchema,
  GoalSchema,
  GoalSettingSchema,
  GoalStatusSchema,
  MeasureAssignmentSchema,
  MeasureResultSchema,
  MeasureScheduleSchema,
  MeasureSeriesSchema,
  MeasureSourceSchema,
  ProgressViewSchema,
  TherapistRatingInputSchema,
  type Adherence,
  type DueMeasure,
  type DueReason,
  type EpisodeOfCare,
  type Goal,
  type GoalLevel,
  type GoalRating,
  type GoalRatingInput,
  type GoalScaleLevel,
  type GoalSetting,
  type GoalStatus,
  type MeasureAssignment,
  type MeasureResult,
  type MeasureSchedule,
  type MeasureSeries,
  type ProgressView,
  type TherapistRatingInput,
} from '../schemas/progress.js';
/** The schema of each progress method's reply: here, not in `@pxm/core`, so a page without progress carries none of it. */
export { progressReplySchemas } from '../adapter/progress-reply-schemas.js';
export { changeReading, type ChangeReading, type ChangeReadingKind } from './change-reading.js';
export { dueMeasures, type MeasureDue } from './due-measures.js';
export { describeMeasure, measureSeriesList, type MeasureDescription } from './measure-series.js';
export { goalRatingOf, isSameGoalRating, withRating } from './goal-rating.js';
export { latestPatientRating, requireRatedGoal } from './rated-goal.js';
export { measureFormToken } from './measure-token.js';
