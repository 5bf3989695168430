/**
 * What a page chooses about benefits: which parts of the coverage check the patient sees
 * (`benefits`) and the therapy discipline whose benefits apply (`discipline`). Kept apart from
 * the benefits view so the element reads its attributes without loading the view.
 */
import { DisciplineSchema, type Discipline } from '@pxm/core/booking';

/** The parts a practice may show, in the order they are shown. */
export const BENEFIT_PARTS = ['status', 'cost', 'visits', 'prior-auth'] as const;
export type BenefitPart = (typeof BENEFIT_PARTS)[number];

export interface BenefitsChoice {
  parts: BenefitPart[];
  discipline: Discipline;
}

/** `benefits="status cost"`: the named parts, in their fixed order; absent means all of them. */
export function benefitParts(value: string | null | undefined): BenefitPart[] {
  if (value === null || value === undefined) return [...BENEFIT_PARTS];
  const named = new Set(value.trim().toLowerCase().split(/[\s,]+/));
  return BENEFIT_PARTS.filter((part) => named.has(part));
}

/** The discipline named, or physical therapy (the default) for an absent or unknown value. */
export function disciplineOf(value: string | null | undefined): Discipline {
  return DisciplineSchema.options.find((discipline) => discipline === value) ?? 'physical-therapy';
}

export function benefitsChoice(parts: string | null | undefined, discipline: string | null | undefined): BenefitsChoice {
  return { parts: benefitParts(parts), discipline: disciplineOf(discipline) };
}
