/**
 * The SNOMED CT procedure code of each therapy discipline: a referral's ServiceRequest.code and
 * a visit type's HealthcareService.specialty carry it, so a referral finds the visit it books.
 */
import type { Discipline } from '@pxm/core/referral';
import { SNOMED_SYSTEM } from '../fhir/namespace.js';
import type { CodeableConcept } from '../fhir/types.js';

export const DISCIPLINE_CODES: Record<Discipline, { code: string; display: string }> = {
  'physical-therapy': { code: '91251008', display: 'Physical therapy procedure' },
  'occupational-therapy': { code: '84478008', display: 'Occupational therapy' },
  'speech-therapy': { code: '5154007', display: 'Speech therapy' },
};

export function disciplineConcept(discipline: Discipline): CodeableConcept {
  return { coding: [{ system: SNOMED_SYSTEM, ...DISCIPLINE_CODES[discipline] }] };
}

/** The discipline a concept names, if any of its codings is one of the three. */
export function disciplineOf(concepts: readonly CodeableConcept[] | undefined): Discipline | undefined {
  for (const concept of concepts ?? []) {
    for (const coding of concept.coding ?? []) {
      if (coding.system !== SNOMED_SYSTEM) continue;
      const found = (Object.keys(DISCIPLINE_CODES) as Discipline[]).find((discipline) => DISCIPLINE_CODES[discipline].code === coding.code);
      if (found) return found;
    }
  }
  return undefined;
}
