/**
 * Change from baseline: today's score against the first score on record for the same
 * instrument, read in the instrument's direction, and held against its commonly cited MCID.
 */
import type { PromScore } from '../schemas/intake.js';
import { roundScore } from './score.js';
import type { ScoringRule } from './scoring-rule.js';

export interface BaselineComparison {
  instrument: string;
  /** The earliest prior score for the instrument. */
  baseline: PromScore;
  /** Current minus baseline, in the instrument's units. */
  change: number;
  /** The change read so that positive is better for the patient. */
  improvement: number;
  /** Where the patient moved: better, worse, or not at all. */
  trend: 'better' | 'worse' | 'same';
  /** The MCID used, when the instrument has one. */
  mcid: number | undefined;
  /** True when the change is at least the MCID, in either direction. */
  meetsMcid: boolean;
}

/** The earliest prior score of an instrument, or undefined when there is none. */
export function baselineScore(instrument: string, prior: readonly PromScore[]): PromScore | undefined {
  let earliest: PromScore | undefined;
  for (const score of prior) {
    if (score.instrument !== instrument) continue;
    if (!earliest || Date.parse(score.recordedAt) < Date.parse(earliest.recordedAt)) earliest = score;
  }
  return earliest;
}

export function compareWithBaseline(rule: ScoringRule, current: number, prior: readonly PromScore[]): BaselineComparison | undefined {
  const baseline = baselineScore(rule.id, prior);
  if (!baseline) return undefined;
  const decimals = Math.max(rule.decimals ?? (rule.method === 'sum' ? 0 : 1), 0);
  const change = roundScore(current - baseline.score, decimals);
  const improvement = rule.direction === 'higher-better' ? change : roundScore(-change, decimals);
  return {
    instrument: rule.id,
    baseline,
    change,
    improvement,
    trend: improvement > 0 ? 'better' : improvement < 0 ? 'worse' : 'same',
    mcid: rule.mcid,
    meetsMcid: rule.mcid !== undefined && Math.abs(improvement) >= rule.mcid - 1e-9,
  };
}
