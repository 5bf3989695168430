/**
 * Reads a display condition on the NPS answer as a set of segments: "score <= 6" is the
 * detractors, "score >= 7 and <= 8" the passives. Only conditions that cut exactly along segment
 * lines can become wording by segment; anything else is not a segment condition.
 */
import { conditionRefs, evaluateCondition } from '../forms/condition.js';
import type { Condition } from '../schemas/intake.js';
import type { NpsSegment } from '../schemas/survey.js';
import { NPS_SEGMENTS } from './segment.js';

/**
 * The segments for which `condition` shows its item, or undefined when it reads anything but
 * the NPS answer or splits a segment (e.g. "score >= 8").
 */
export function segmentsOfCondition(condition: Condition, npsItemId: string): NpsSegment[] | undefined {
  const refs = conditionRefs(condition);
  if (refs.length !== 1 || refs[0] !== npsItemId) return undefined;
  const segments: NpsSegment[] = [];
  for (const { segment, min, max } of NPS_SEGMENTS) {
    let shown = 0;
    for (let score = min; score <= max; score += 1) {
      if (evaluateCondition(condition, (item) => (item === npsItemId ? score : undefined))) shown += 1;
    }
    if (shown === max - min + 1) segments.push(segment);
    else if (shown > 0) return undefined;
  }
  return segments;
}
