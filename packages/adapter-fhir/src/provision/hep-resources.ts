/**
 * A home exercise program as the adapter reads it: every version of its CarePlan, oldest first
 * (load them in order as updates of one id, so the server's history holds the revisions), and
 * the patient's logs as Observations.
 */
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import type { CarePlan, Observation } from '../fhir/types.js';
import { toLogObservation } from '../hep/log-mapping.js';
import { toCarePlan, toCarePlanRevision, type CarePlanLinks } from '../hep/program-mapping.js';

export type { CarePlanLinks };

export function carePlanVersions(program: HepProgram, links: CarePlanLinks & { id: string }): CarePlan[] {
  const earlier = [...(program.revisions ?? [])].sort((a, b) => a.version - b.version).map((revision) => toCarePlanRevision(program, revision, links));
  return [...earlier, toCarePlan(program, links)];
}

export function activityObservations(logs: readonly ActivityLogEntry[], plan: CarePlan, program: HepProgram): Observation[] {
  const names = new Map(program.exercises.map((exercise) => [exercise.id, exercise.name]));
  for (const revision of program.revisions ?? []) for (const exercise of revision.exercises) if (exercise.name && !names.has(exercise.id)) names.set(exercise.id, exercise.name);
  return logs.map((entry) => toLogObservation(entry, plan, names.get(entry.exerciseId)));
}
