/**
 * How a form turns answers into an outcome-measure score. A rule names the items it reads, the
 * arithmetic, reverse-scored items and what to do when answers are missing, so a practice that
 * holds the licence for an instrument can supply it as data, with no code.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, LabelSchema } from '../schemas/common.js';

export const SCORING_METHODS = ['sum', 'mean', 'percentage'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

const ItemIdSchema = z.string().check(z.regex(/^[A-Za-z][\w.-]{0,99}$/));

const RangeSchema = z.strictObject({ min: z.number(), max: z.number() });

export const ScoringRuleSchema = z.strictObject({
  /** Instrument id, e.g. `lefs`; prior scores from the adapter are matched on it. */
  id: IdSchema,
  /** Name shown to people, e.g. `Lower Extremity Functional Scale`. */
  label: LabelSchema,
  /** Short name, e.g. `LEFS`. */
  shortLabel: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** Versioned algorithm id stored with every score, e.g. `pxm:lefs@1`. */
  algorithm: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  method: z.enum(SCORING_METHODS),
  /**
   * Item ids read for the score. An item inside a repeating group contributes one value per
   * instance (the PSFS activities, for example).
   */
  items: z.array(ItemIdSchema).check(z.minLength(1), z.maxLength(500)),
  /** Items scored backwards: `min + max - value` with `itemRange`. */
  reverse: z.optional(z.array(ItemIdSchema)),
  /** Range of one item's value; derived from the items (scale bounds, option scores) when absent. */
  itemRange: z.optional(RangeSchema),
  /** Fewest answered items that still give a score; default: every item. */
  minAnswered: z.optional(z.int().check(z.gte(1))),
  /**
   * What a missing item does once `minAnswered` is met: `exclude` leaves it out (a mean of the
   * answered items; a percentage whose denominator shrinks), `prorate` scales a sum up to the
   * full item count. Default `exclude`.
   */
  missing: z.optional(z.enum(['exclude', 'prorate'])),
  /** Range of the final score, for display (`52 of 80`). */
  scoreRange: z.optional(RangeSchema),
  /** Whether a higher score means the patient is doing better or worse. */
  direction: z.enum(['higher-better', 'higher-worse']),
  /** The change commonly cited as clinically important (minimal clinically important difference). */
  mcid: z.optional(z.number().check(z.gt(0))),
  /** Where the MCID figure comes from, for people reading the result. */
  mcidSource: z.optional(z.string().check(z.maxLength(300))),
  /** Decimal places the score is rounded to (half away from zero). Default 0 for sums, 1 otherwise. */
  decimals: z.optional(z.int().check(z.gte(0), z.lte(4))),
  /**
   * A conversion table from the raw sum to the published score: `table[sum]` (the HOOS JR and
   * KOOS JR interval scores are published this way). Only with `method: 'sum'` and every item
   * answered: a table is read at whole sums, never between them.
   */
  table: z.optional(z.array(z.number()).check(z.minLength(2), z.maxLength(1001))),
  /** LOINC code of the total score, when one exists. */
  loinc: z.optional(z.string().check(z.maxLength(20))),
});
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;
