/**
 * A therapy benefits summary: what a payer said about physical, occupational and speech therapy
 * for one member, as of one instant. Everything is optional because payers answer partially;
 * `unknown` names what the payer did not say, so no reader guesses it.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { InstantSchema, MoneySchema, TextSchema } from './common.js';
import { DisciplineSchema } from './discipline.js';

export { DisciplineSchema, type Discipline } from './discipline.js';

export const BenefitCoverageSchema = z.enum(['active', 'inactive', 'unknown']);
export type BenefitCoverage = z.infer<typeof BenefitCoverageSchema>;

/** A yearly amount (deductible, out-of-pocket maximum): its total and what is left of it. */
export const AmountsSchema = z.object({
  total: z.optional(MoneySchema),
  remaining: z.optional(MoneySchema),
});
export type Amounts = z.infer<typeof AmountsSchema>;

/** The same amount for the member alone and for the family. */
export const AmountLevelsSchema = z.object({
  individual: z.optional(AmountsSchema),
  family: z.optional(AmountsSchema),
});
export type AmountLevels = z.infer<typeof AmountLevelsSchema>;

const VisitCountSchema = z.int().check(z.gte(0));

export const VisitLimitSchema = z.object({
  allowed: z.optional(VisitCountSchema),
  used: z.optional(VisitCountSchema),
  remaining: z.optional(VisitCountSchema),
  period: z.optional(z.enum(['calendar-year', 'plan-year'])),
  /** Disciplines drawing on the same pool of visits (a combined PT/OT/ST limit). */
  sharedWith: z.optional(z.array(DisciplineSchema)),
});
export type VisitLimit = z.infer<typeof VisitLimitSchema>;

export const DisciplineBenefitsSchema = z.object({
  discipline: DisciplineSchema,
  coverage: BenefitCoverageSchema,
  network: z.optional(z.enum(['in', 'out'])),
  copay: z.optional(MoneySchema),
  coinsurancePercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  deductible: z.optional(AmountLevelsSchema),
  outOfPocket: z.optional(AmountLevelsSchema),
  visits: z.optional(VisitLimitSchema),
  priorAuthorization: z.optional(z.boolean()),
});
export type DisciplineBenefits = z.infer<typeof DisciplineBenefitsSchema>;

/** Medicare's yearly therapy amount, past which claims need the KX modifier. */
export const MedicareTherapyThresholdSchema = z.object({
  thresholdAmount: z.optional(MoneySchema),
  amountUsed: z.optional(MoneySchema),
  year: z.optional(z.int()),
});
export type MedicareTherapyThreshold = z.infer<typeof MedicareTherapyThresholdSchema>;

export const BenefitsSummarySchema = z.object({
  asOf: InstantSchema,
  payerName: z.optional(TextSchema),
  planName: z.optional(TextSchema),
  coverage: BenefitCoverageSchema,
  disciplines: z.array(DisciplineBenefitsSchema),
  medicare: z.optional(MedicareTherapyThresholdSchema),
  /** Codes of what the payer did not say, e.g. `visits`, `deductible`: never guessed. */
  unknown: z.array(z.string()),
});
export type BenefitsSummary = z.infer<typeof BenefitsSummarySchema>;

export const VisitEstimateBasisSchema = z.enum(['copay', 'coinsurance', 'deductible', 'self-pay', 'unknown']);
export type VisitEstimateBasis = z.infer<typeof VisitEstimateBasisSchema>;

/** What one visit will likely cost the patient, and what that figure rests on. An estimate, not a guarantee. */
export const VisitEstimateSchema = z.object({
  amount: z.optional(MoneySchema),
  basis: VisitEstimateBasisSchema,
  note: z.optional(TextSchema),
});
export type VisitEstimate = z.infer<typeof VisitEstimateSchema>;
