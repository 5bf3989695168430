/**
 * A program's schedule through time: which version, and so which exercises and frequencies, was
 * in effect on each local date of the program. Dates are calendar dates in the program's zone;
 * nothing here reads the device's zone.
 */
import type { HepProgram, ScheduledExercise } from '../schemas/hep.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateIn } from '../time/zoned-time.js';

export interface ScheduleVersion {
  version: number;
  /** First local date this version governs. */
  effectiveDate: LocalDate;
  exercises: ScheduledExercise[];
}

export interface ProgramTimeline {
  timeZone: string;
  startDate: LocalDate;
  endDate: LocalDate | undefined;
  /** Ascending by version; effective dates never decrease. */
  versions: ScheduleVersion[];
}

export type TimelineSource = Pick<HepProgram, 'version' | 'updatedAt' | 'startDate' | 'endDate' | 'timeZone' | 'exercises' | 'revisions'>;

function scheduleOf(exercises: TimelineSource['exercises']): ScheduledExercise[] {
  return exercises.map((exercise) => ({
    id: exercise.id,
    name: exercise.name,
    frequency: exercise.frequency,
    ...(exercise.dosage.sets === undefined ? {} : { sets: exercise.dosage.sets }),
  }));
}

/**
 * Builds the timeline from the current program and its earlier revisions. A version takes effect
 * on the local date it was published (the day of the therapist's edit follows the new version);
 * the earliest version also covers every day before it, back to the start date.
 */
export function programTimeline(program: TimelineSource): ProgramTimeline {
  const zone = program.timeZone;
  const raw = [
    ...(program.revisions ?? [])
      .filter((revision) => revision.version < program.version)
      .map((revision) => ({ version: revision.version, effectiveDate: localDateIn(revision.effectiveFrom, zone), exercises: revision.exercises })),
    { version: program.version, effectiveDate: localDateIn(program.updatedAt, zone), exercises: scheduleOf(program.exercises) },
  ].sort((a, b) => a.version - b.version);
  const versions: ScheduleVersion[] = [];
  for (const entry of raw) {
    if (versions.at(-1)?.version === entry.version) continue; // duplicate revision records
    const previous = versions.at(-1)?.effectiveDate;
    const effectiveDate = previous !== undefined && entry.effectiveDate < previous ? previous : entry.effectiveDate;
    versions.push({ ...entry, effectiveDate });
  }
  return { timeZone: zone, startDate: program.startDate, endDate: program.endDate, versions };
}

export function isActiveDate(timeline: ProgramTimeline, date: LocalDate): boolean {
  return date >= timeline.startDate && (timeline.endDate === undefined || date <= timeline.endDate);
}

/** The version governing `date`, or undefined outside the program's dates. */
export function versionOn(timeline: ProgramTimeline, date: LocalDate): ScheduleVersion | undefined {
  if (!isActiveDate(timeline, date)) return undefined;
  let current = timeline.versions[0];
  for (const version of timeline.versions) {
    if (version.effectiveDate <= date) current = version;
    else break;
  }
  return current;
}

/** The exercise as scheduled on `date`, if it was part of the program that day. */
export function scheduledOn(timeline: ProgramTimeline, date: LocalDate, exerciseId: string): ScheduledExercise | undefined {
  return versionOn(timeline, date)?.exercises.find((exercise) => exercise.id === exerciseId);
}

/**
 * True when an edit published on `date` added the exercise: its first day is a grace day that
 * counts only if done, since the patient may have finished for the day before the edit.
 */
export function addedByEditOn(timeline: ProgramTimeline, date: LocalDate, exerciseId: string): boolean {
  if (date <= timeline.startDate) return false;
  const published = timeline.versions.some((version, index) => index > 0 && version.effectiveDate === date);
  if (!published) return false;
  return scheduledOn(timeline, addDays(date, -1), exerciseId) === undefined;
}
