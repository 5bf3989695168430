/**
 * How the element words and formats its data: dates in the episode's zone (never the device's),
 * signed changes, goal levels, and the plain-language reading of a change.
 */
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { ChangeReading, GoalRating } from '@pxm/core/progress';
import type { ProgressMessages } from './progress.messages.en.js';

export type ProgressText = LocalizeController<ProgressMessages>;

/** A day, e.g. "Mar 4, 2026", of an instant in the episode's zone. */
export function dayOf(msg: ProgressText, instant: string, timeZone: string): string {
  return msg.dateTime(instant, timeZone, { dateStyle: 'medium' });
}

/** A short day for a chart's axis, e.g. "Mar 4". */
export function shortDayOf(msg: ProgressText, instant: string, timeZone: string): string {
  return msg.dateTime(instant, timeZone, { month: 'short', day: 'numeric' });
}

export function score(msg: ProgressText, value: number): string {
  return msg.number(value, { maximumFractionDigits: 1 });
}

/** "+12", "−3", "0". */
export function signed(msg: ProgressText, value: number): string {
  return msg.number(value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
}

const READING_KEYS = {
  'meaningful-better': 'reading_meaningful_better',
  'meaningful-worse': 'reading_meaningful_worse',
  'not-yet': 'reading_not_yet',
  'baseline-only': 'reading_baseline_only',
} as const satisfies Record<ChangeReading['reading'], keyof ProgressMessages>;

export function readingText(msg: ProgressText, reading: ChangeReading['reading']): string {
  return msg.text(READING_KEYS[reading]);
}

/** A rating as one line: "+1 on Mar 4, 2026", or just the date when it is a note. */
export function ratingLine(msg: ProgressText, rating: GoalRating, timeZone: string): string {
  const date = msg.text('ratedOn', dayOf(msg, rating.ratedAt, timeZone));
  return rating.level === undefined ? date : `${signed(msg, rating.level)} ${date}`;
}

/** The newest rating by an author (ratings come oldest first). */
export function latestBy(ratings: readonly GoalRating[], author: GoalRating['author']): GoalRating | undefined {
  for (let index = ratings.length - 1; index >= 0; index--) if (ratings[index]!.author === author) return ratings[index];
  return undefined;
}
