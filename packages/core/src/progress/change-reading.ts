/**
 * What a measure's change from baseline means for the patient: the latest score against the
 * first, read in the measure's direction and held against its minimal clinically important
 * difference (MCID).
 */
import type { MeasureSeries } from '../schemas/progress.js';

export type ChangeReadingKind = 'meaningful-better' | 'meaningful-worse' | 'not-yet' | 'baseline-only';

export interface ChangeReading {
  /** Latest minus baseline, in the measure's units (0 with a single result). */
  change: number;
  reading: ChangeReadingKind;
}

/** Float noise from subtraction (0.1 + 0.2) must not hide a change exactly at the MCID. */
const TOLERANCE = 1e-9;

/**
 * The change from the first result (the baseline) to the latest. Results are read oldest first,
 * as the series carries them; with only one there is nothing to compare.
 */
export function changeReading(series: Pick<MeasureSeries, 'results' | 'higherIsBetter' | 'mcid'>): ChangeReading {
  const { results } = series;
  if (results.length < 2) return { change: 0, reading: 'baseline-only' };
  const baseline = results[0]!.score;
  const latest = results[results.length - 1]!.score;
  // Subtraction of decimals (4.3 - 2.1) leaves binary noise: keep the change to 10 places.
  const change = Number((latest - baseline).toFixed(10));
  const improvement = series.higherIsBetter ? change : -change;
  if (series.mcid > 0 && Math.abs(improvement) + TOLERANCE >= series.mcid) {
    return { change, reading: improvement > 0 ? 'meaningful-better' : 'meaningful-worse' };
  }
  return { change, reading: 'not-yet' };
}
