/** Earlier outcome-measure scores, as the Observations intake reads for change from baseline. */
import type { PromScore, ScoringRule } from '@pxm/core/forms';
import type { Observation } from '../fhir/types.js';
import { toScoreObservation } from '../intake/prom-observations.js';

export function scoreObservation(score: PromScore, patientId: string, rule?: ScoringRule): Observation {
  return toScoreObservation({ score: score.score }, rule ?? { id: score.instrument, label: score.instrument }, undefined, `Patient/${patientId}`, score.recordedAt);
}
