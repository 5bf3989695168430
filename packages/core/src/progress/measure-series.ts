/**
 * Results grouped into one series per measure, each described by its scoring rule (title, range,
 * direction, MCID), oldest first so the first result is the baseline.
 */
import type { ScoringRule } from '../prom/scoring-rule.js';
import type { MeasureResult, MeasureSeries } from '../schemas/progress.js';

/** What a series says about its measure, apart from the results. */
export type MeasureDescription = Omit<MeasureSeries, 'results'>;

/** A measure described by its scoring rule; a rule with no MCID gets 0 (no change reads as meaningful). */
export function describeMeasure(rule: Pick<ScoringRule, 'id' | 'label' | 'shortLabel' | 'scoreRange' | 'direction' | 'mcid'>): MeasureDescription {
  return {
    instrumentId: rule.id,
    title: rule.shortLabel ? `${rule.label} (${rule.shortLabel})` : rule.label,
    range: rule.scoreRange ?? { min: 0, max: 100 },
    higherIsBetter: rule.direction === 'higher-better',
    mcid: rule.mcid ?? 0,
  };
}

/**
 * One series per described measure, in the order given, holding its results oldest first. Results
 * of measures not described are left out: without a direction and a range they cannot be read.
 */
export function measureSeriesList(descriptions: readonly MeasureDescription[], results: readonly MeasureResult[]): MeasureSeries[] {
  return descriptions.map((description) => ({
    ...description,
    results: results
      .filter((result) => result.instrumentId === description.instrumentId)
      .map((result) => ({ result, at: Date.parse(result.takenAt) }))
      .sort((left, right) => left.at - right.at || left.result.id.localeCompare(right.result.id))
      .map(({ result }) => result),
  }));
}
