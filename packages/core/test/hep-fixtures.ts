/** Small builders for HEP programs and logs in the core tests. */
import { zonedTimeToInstant, toZonedIso } from '@pxm/core/time';
import type { ActivityLogEntry, Exercise, Frequency, HepProgram } from '@pxm/core/hep';

let sequence = 0;

/** A valid v4-shaped uuid, deterministic per call order so failures are reproducible. */
export function testUuid(): string {
  sequence += 1;
  const hex = sequence.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function exercise(id: string, frequency: Frequency, sets?: number): Exercise {
  return { id, name: id, dosage: sets === undefined ? {} : { sets }, frequency };
}

export function program(overrides: Partial<HepProgram> & Pick<HepProgram, 'startDate' | 'timeZone' | 'exercises'>): HepProgram {
  return {
    id: 'test-program',
    version: 1,
    title: 'Test program',
    updatedAt: `${overrides.startDate}T00:00:00Z`,
    ...overrides,
  };
}

/** A log at a wall-clock time in `timeZone`, written with that zone's offset. */
export function logAt(
  exerciseId: string,
  date: string,
  time: string,
  timeZone: string,
  extra: Partial<ActivityLogEntry> = {},
): ActivityLogEntry {
  return {
    clientId: testUuid(),
    exerciseId,
    programVersion: 1,
    completedAt: toZonedIso(zonedTimeToInstant(date, time, timeZone), timeZone),
    ...extra,
  };
}

/** A moment on `date` at `time` in `timeZone`, as a Date. */
export function at(date: string, time: string, timeZone: string): Date {
  return zonedTimeToInstant(date, time, timeZone);
}
