/**
 * An episode of care as the adapter reads it: the EpisodeOfCare (with its link tokens), its
 * Goals, the ratings so far as Observations, the plan of care (CarePlan), the patient's results
 * as outcome-measure Observations, and the attended visits as finished Encounters.
 */
import type { EpisodeOfCare, Goal, MeasureAssignment, MeasureResult } from '@pxm/core/progress';
import { shippedInstrument } from '@pxm/core/prom';
import { ACT_CODE_SYSTEM } from '../fhir/namespace.js';
import type { Encounter, Resource } from '../fhir/types.js';
import { toScoreObservation } from '../intake/prom-observations.js';
import { toEpisodeOfCare, toProgressCarePlan, type EpisodeLinks } from '../progress/episode-mapping.js';
import { toFhirGoal, toRatingObservation } from '../progress/goal-mapping.js';

export interface ProgressDescription {
  episode: EpisodeOfCare;
  goals: readonly Goal[];
  assignments: readonly MeasureAssignment[];
  results: readonly MeasureResult[];
  /** Instants of the visits attended. */
  visits: readonly string[];
}

export interface ProgressLinks extends EpisodeLinks {
  /** The home program's CarePlan id, for adherence. */
  hepPlanId?: string;
}

export function progressResources(description: ProgressDescription, links: ProgressLinks): Resource[] {
  const { episode, goals } = description;
  const encounters: Encounter[] = description.visits.map((visit, position) => ({
    resourceType: 'Encounter',
    id: `${episode.id}-visit-${position + 1}`,
    status: 'finished',
    class: { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' },
    subject: { reference: `Patient/${links.patientId}` },
    episodeOfCare: [{ reference: `EpisodeOfCare/${episode.id}` }],
    period: { start: visit },
  }));
  const results = description.results.flatMap((result) => {
    const rule = shippedInstrument(result.instrumentId)?.scoring;
    // A result taken from a form names its response; one recorded in the clinic stands alone.
    return rule ? [{ ...toScoreObservation(result, rule, undefined, `Patient/${links.patientId}`, result.takenAt), id: result.id }] : [];
  });
  return [
    toEpisodeOfCare(episode, links),
    ...goals.map(({ ratings: _ratings, ...goal }) => toFhirGoal(goal, links.patientId)),
    ...goals.flatMap((goal) => goal.ratings.map((rating) => ({ ...toRatingObservation(rating, goal.id, links.patientId), id: rating.id }))),
    toProgressCarePlan(episode, description.assignments, {
      id: `${episode.id}-plan`,
      episodeId: episode.id,
      patientId: links.patientId,
      organizationId: links.organizationId,
      goalIds: goals.map((goal) => goal.id),
      ...(links.hepPlanId ? { hepPlanId: links.hepPlanId } : {}),
    }),
    ...results,
    ...encounters,
  ];
}
