/**
 * Goals <-> FHIR `Goal`: the patient's words are `description.text`, the target date
 * `target.dueDate`, the status `lifecycleStatus` with `achievementStatus` (standard codes). Goal
 * Attainment Scaling has no element in R4, so the five described levels travel in one complex
 * extension on the target (`goal-attainment-scale`: `level` + `description` pairs).
 *
 * Ratings are Observations, not `Goal.note`: each has its own time, author and level, can be
 * written once per client-made id (`If-None-Exist`), and is found like any other observation.
 * The rating's `focus` is the Goal, `valueInteger` the level (absent for a note alone), `note`
 * the note, `effectiveDateTime` the time; the author is the `goal-rating-author` extension
 * (`patient` or `therapist`), the therapist's name the performer's display.
 */
import type { Goal, GoalRating, GoalScaleLevel, GoalStatus } from '@pxm/core/progress';
import { complexExtension, extensionOf, identifierValue, parts } from '../fhir/elements.js';
import { GOAL_ATTAINMENT_SCALE_EXTENSION, GOAL_RATING_IDENTIFIER, GOAL_RATING_AUTHOR_EXTENSION, PROGRESS_CODE_SYSTEM, GOAL_ACHIEVEMENT_SYSTEM } from '../fhir/namespace.js';
import type { Goal as FhirGoal, Observation } from '../fhir/types.js';

export const GOAL_RATING_CODE = 'goal-rating';

const LIFECYCLE: Record<GoalStatus, FhirGoal['lifecycleStatus']> = {
  active: 'active',
  achieved: 'completed',
  'not-achieved': 'completed',
  cancelled: 'cancelled',
};

const ACHIEVEMENT: Record<GoalStatus, string | undefined> = {
  active: 'in-progress',
  achieved: 'achieved',
  'not-achieved': 'not-achieved',
  cancelled: undefined,
};

export function toFhirGoal(goal: Omit<Goal, 'ratings'>, patientId: string): FhirGoal {
  const achievement = ACHIEVEMENT[goal.status];
  const scale = goal.scale
    ? [complexExtension(GOAL_ATTAINMENT_SCALE_EXTENSION, goal.scale.flatMap((level) => [{ url: 'level', valueInteger: level.value }, { url: 'description', valueString: level.description }]))]
    : [];
  return {
    resourceType: 'Goal',
    id: goal.id,
    lifecycleStatus: LIFECYCLE[goal.status],
    ...(achievement ? { achievementStatus: { coding: [{ system: GOAL_ACHIEVEMENT_SYSTEM, code: achievement }] } } : {}),
    description: { text: goal.text },
    subject: { reference: `Patient/${patientId}` },
    target: [{ dueDate: goal.targetDate, ...(scale.length > 0 ? { extension: scale } : {}) }],
  };
}

function statusOf(goal: FhirGoal): GoalStatus {
  const achievement = goal.achievementStatus?.coding?.find((coding) => coding.system === GOAL_ACHIEVEMENT_SYSTEM)?.code;
  if (goal.lifecycleStatus === 'cancelled' || goal.lifecycleStatus === 'rejected' || goal.lifecycleStatus === 'entered-in-error') return 'cancelled';
  if (achievement === 'achieved') return 'achieved';
  if (achievement === 'not-achieved' || achievement === 'no-progress') return 'not-achieved';
  return goal.lifecycleStatus === 'completed' ? 'achieved' : 'active';
}

function scaleOf(goal: FhirGoal): GoalScaleLevel[] | undefined {
  const ext = extensionOf(goal.target?.[0], GOAL_ATTAINMENT_SCALE_EXTENSION);
  if (!ext) return undefined;
  const levels = parts(ext, 'level');
  const descriptions = parts(ext, 'description');
  return levels.map((level, position) => ({ value: level.valueInteger ?? Number.NaN, description: descriptions[position]?.valueString ?? '' }));
}

export function fromFhirGoal(goal: FhirGoal, ratings: GoalRating[]): Goal {
  const scale = scaleOf(goal);
  // Handed on unvalidated: the element boundary validates the reply with the contract's schema.
  return {
    id: goal.id ?? '',
    text: goal.description?.text ?? goal.description?.coding?.[0]?.display ?? '',
    targetDate: goal.target?.find((target) => target.dueDate)?.dueDate ?? '',
    status: statusOf(goal),
    ...(scale ? { scale } : {}),
    ratings,
  } as Goal;
}

export function toRatingObservation(rating: GoalRating, goalId: string, patientId: string | undefined, clientId?: string): Observation {
  return {
    resourceType: 'Observation',
    ...(clientId ? { identifier: [{ use: 'secondary', system: GOAL_RATING_IDENTIFIER, value: clientId }] } : {}),
    extension: [{ url: GOAL_RATING_AUTHOR_EXTENSION, valueCode: rating.author }],
    status: 'final',
    code: { coding: [{ system: PROGRESS_CODE_SYSTEM, code: GOAL_RATING_CODE, display: 'Goal attainment rating' }], text: 'Goal attainment rating' },
    ...(patientId ? { subject: { reference: `Patient/${patientId}` } } : {}),
    focus: [{ reference: `Goal/${goalId}` }],
    effectiveDateTime: rating.ratedAt,
    ...(rating.author === 'patient' && patientId ? { performer: [{ reference: `Patient/${patientId}` }] } : rating.authorName ? { performer: [{ display: rating.authorName }] } : {}),
    ...(rating.level !== undefined ? { valueInteger: rating.level } : {}),
    ...(rating.note ? { note: [{ text: rating.note }] } : {}),
  };
}

export function goalIdOfRating(observation: Observation): string | undefined {
  const ref = observation.focus?.find((focus) => focus.reference?.startsWith('Goal/'))?.reference;
  return ref?.slice('Goal/'.length);
}

export const ratingClientIdOf = (observation: Observation): string | undefined => identifierValue(observation, GOAL_RATING_IDENTIFIER);

export function fromRatingObservation(observation: Observation): GoalRating {
  const author = extensionOf(observation, GOAL_RATING_AUTHOR_EXTENSION)?.valueCode === 'therapist' ? 'therapist' : 'patient';
  const authorName = author === 'therapist' ? observation.performer?.find((performer) => performer.display)?.display : undefined;
  return {
    id: observation.id ?? '',
    author,
    ...(authorName ? { authorName } : {}),
    ...(observation.valueInteger !== undefined ? { level: observation.valueInteger } : {}),
    ...(observation.note?.[0]?.text ? { note: observation.note[0].text } : {}),
    ratedAt: observation.effectiveDateTime ?? observation.issued ?? '',
  };
}

