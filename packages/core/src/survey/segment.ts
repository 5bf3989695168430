/**
 * Net Promoter segments and the wording that may vary by them. Zod-free on purpose: the survey
 * element uses these and must stay small.
 */
import type { NpsSegment, SegmentedText, SurveyAnswers, SurveyDefinition } from '../schemas/survey.js';

/** Every segment with its inclusive score range. */
export const NPS_SEGMENTS: ReadonlyArray<{ segment: NpsSegment; min: number; max: number }> = [
  { segment: 'detractor', min: 0, max: 6 },
  { segment: 'passive', min: 7, max: 8 },
  { segment: 'promoter', min: 9, max: 10 },
];

/** NPS segment of a 0-10 score: 0-6 detractor, 7-8 passive, 9-10 promoter. */
export function npsSegment(score: number): NpsSegment {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** True for a whole number from 0 to 10. */
export function isNpsScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/** The answer to the definition's NPS question, when there is one and it is answered. */
export function npsScoreOf(definition: SurveyDefinition, answers: SurveyAnswers): number | undefined {
  const question = definition.questions.find((q) => q.type === 'nps');
  const value = question ? answers[question.id] : undefined;
  return isNpsScore(value) ? value : undefined;
}

/** The segment of the answered NPS score, or undefined before it is answered. */
export function segmentOfAnswers(definition: SurveyDefinition, answers: SurveyAnswers): NpsSegment | undefined {
  const score = npsScoreOf(definition, answers);
  return score === undefined ? undefined : npsSegment(score);
}

/** The wording for a segment: its own variant when given, else the default. */
export function segmentedText(text: string | SegmentedText | undefined, segment: NpsSegment | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return (segment && text[segment]) || text.default;
}
