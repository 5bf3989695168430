/**
 * `@pxm/core/hep`: home exercise programs: schemas, schedule, today's plan, streak, the log
 * outbox, adherence, the pain trend and reminders. Pages that show adherence or reminders on
 * demand import them from a lazily loaded module: bundlers split by module, not by entry point.
 */
export * from '../schemas/hep.js';
export { frequencyKind, type FrequencyKind } from './frequency.js';
export { programTimeline, type ProgramTimeline, type ScheduleVersion } from './timeline.js';
export { expandSchedule, type SessionBucket } from './schedule.js';
export { computeStreak, programStreak, type Streak } from './streak.js';
export { todayPlan, type ProgramPhase, type TodayItem, type TodayPlan } from './today.js';
export { LogOutbox, outboxId, retryDelayMs, type FlushOutcome, type LogOutboxOptions, type PendingLog, type PendingState, type PendingStore, type SendLogs } from './log-outbox.js';
export { mergeLogs } from './merge-logs.js';
export { indexLogs as indexHepLogs, type DailyWork as HepDailyWork } from './completion.js';
export { readActivityLogs, readHepProgram } from './read-hep.js';
export { cachedLocalDate } from './local-day.js';
export { adherenceBetween, summarizeAdherence, type AdherenceFigure, type AdherenceSummary, type WeeklyAdherence } from './adherence.js';
export { painTrend, type PainDirection, type PainPoint, type PainTrend } from './pain-trend.js';
export * from './reminders.js';
