/**
 * `@pxm/core/hep`: home exercise programs: schemas, schedule, today's plan, streak and the log
 * outbox. Adherence and the pain trend are in `@pxm/core/hep-progress`, reminders in
 * `@pxm/core/hep-reminders`: pages show those on demand, and a bundler splitting code keeps what
 * a barrel re-exports with the barrel's eager importers, so they stay out of this one.
 */
export {
  ActivityLogEntrySchema,
  ActivityLogListSchema,
  ActivityQuerySchema,
  CaptionTrackSchema,
  DosageSchema,
  ExerciseMediaSchema,
  ExerciseSchema,
  FrequencySchema,
  HepProgramSchema,
  HepRevisionSchema,
  ScheduledExerciseSchema,
  SideSchema,
  type ActivityLogEntry,
  type ActivityQuery,
  type Dosage,
  type Exercise,
  type ExerciseMedia,
  type Frequency,
  type HepProgram,
  type HepRevision,
  type ScheduledExercise,
  type Side,
} from '../schemas/hep.js';
export { frequencyKind, type FrequencyKind } from './frequency.js';
export { programTimeline, type ProgramTimeline, type ScheduleVersion } from './timeline.js';
export { expandSchedule, type SessionBucket } from './schedule.js';
export { computeStreak, programStreak, type Streak } from './streak.js';
export { todayPlan, type ProgramPhase, type TodayItem, type TodayPlan } from './today.js';
export { mergeLogs } from './merge-logs.js';
export { indexLogs as indexHepLogs, type DailyWork as HepDailyWork } from './completion.js';
export { cachedLocalDate } from './local-day.js';
