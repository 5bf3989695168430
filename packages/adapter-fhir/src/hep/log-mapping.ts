/**
 * An exercise log <-> Observation: LOINC 73985-4 "Exercise activity" whose value is the
 * activity's own code (so the log points at the exercise it records), `basedOn` the CarePlan,
 * performed by the patient; pain (LOINC 72514-3, 0-10), completed sets and difficulty as
 * components; the client-made id as identifier, which makes a retried log a no-op
 * (conditional create). An undone log is `entered-in-error`.
 */
import { AdapterError } from '@pxm/core';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { codeIn, extensionOf, identifierValue } from '../fhir/elements.js';
import { LOINC_PAIN_NRS, HEP_CODE_SYSTEM, ACTIVITY_LOG_IDENTIFIER, EXERCISE_CODE_SYSTEM, PROGRAM_VERSION_EXTENSION, LOINC_SYSTEM, OBSERVATION_CATEGORY_SYSTEM } from '../fhir/namespace.js';
import type { CarePlan, Observation, ObservationComponent } from '../fhir/types.js';

export const LOINC_EXERCISE_ACTIVITY = '73985-4';

const COMPLETED_SETS = { system: HEP_CODE_SYSTEM, code: 'completed-sets', display: 'Sets completed' };
const DIFFICULTY = { system: HEP_CODE_SYSTEM, code: 'difficulty', display: 'Perceived difficulty (1-5)' };
const PAIN = { system: LOINC_SYSTEM, code: LOINC_PAIN_NRS, display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };

export function toLogObservation(entry: ActivityLogEntry, plan: CarePlan, exerciseName: string | undefined): Observation {
  const patient = plan.subject?.reference;
  const component: ObservationComponent[] = [];
  if (entry.pain !== undefined) component.push({ code: { coding: [PAIN] }, valueInteger: entry.pain });
  if (entry.completedSets !== undefined) component.push({ code: { coding: [COMPLETED_SETS] }, valueInteger: entry.completedSets });
  if (entry.difficulty !== undefined) component.push({ code: { coding: [DIFFICULTY] }, valueInteger: entry.difficulty });
  return {
    resourceType: 'Observation',
    identifier: [{ use: 'secondary', system: ACTIVITY_LOG_IDENTIFIER, value: entry.clientId }],
    basedOn: [{ reference: `CarePlan/${plan.id ?? ''}` }],
    status: entry.voided ? 'entered-in-error' : 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'activity', display: 'Activity' }] }],
    code: { coding: [{ system: LOINC_SYSTEM, code: LOINC_EXERCISE_ACTIVITY, display: 'Exercise activity' }] },
    ...(patient ? { subject: { reference: patient }, performer: [{ reference: patient }] } : {}),
    effectiveDateTime: entry.completedAt,
    valueCodeableConcept: { coding: [{ system: EXERCISE_CODE_SYSTEM, code: entry.exerciseId, ...(exerciseName ? { display: exerciseName } : {}) }], ...(exerciseName ? { text: exerciseName } : {}) },
    ...(component.length > 0 ? { component } : {}),
    extension: [{ url: PROGRAM_VERSION_EXTENSION, valueInteger: entry.programVersion }],
  };
}

function componentValue(observation: Observation, system: string, code: string): number | undefined {
  return observation.component?.find((c) => c.code.coding?.some((coding) => coding.system === system && coding.code === code))?.valueInteger;
}

/** The log an Observation records; undefined for Observations that are not exercise logs. */
export function fromLogObservation(observation: Observation): ActivityLogEntry | undefined {
  const clientId = identifierValue(observation, ACTIVITY_LOG_IDENTIFIER);
  const exerciseId = codeIn(observation.valueCodeableConcept, EXERCISE_CODE_SYSTEM);
  const programVersion = extensionOf(observation, PROGRAM_VERSION_EXTENSION)?.valueInteger;
  if (!clientId || !exerciseId || !observation.effectiveDateTime) return undefined;
  const pain = componentValue(observation, LOINC_SYSTEM, LOINC_PAIN_NRS);
  const sets = componentValue(observation, COMPLETED_SETS.system, COMPLETED_SETS.code);
  const difficulty = componentValue(observation, DIFFICULTY.system, DIFFICULTY.code);
  return {
    clientId,
    exerciseId,
    programVersion: programVersion ?? 1,
    completedAt: observation.effectiveDateTime,
    ...(sets !== undefined ? { completedSets: sets } : {}),
    ...(pain !== undefined ? { pain } : {}),
    ...(difficulty !== undefined ? { difficulty } : {}),
    ...(observation.status === 'entered-in-error' ? { voided: true } : {}),
  };
}

export function requireLog(observation: Observation, operation: string): ActivityLogEntry {
  const entry = fromLogObservation(observation);
  if (!entry) throw new AdapterError('server', 'The FHIR server returned a log this adapter cannot read.', { operation, retryable: false });
  return entry;
}
