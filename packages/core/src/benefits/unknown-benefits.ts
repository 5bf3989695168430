/**
 * What a payer left unsaid, as codes for the summary's `unknown` list: a discipline's name when
 * it sent nothing for it, then `cost-share`, `deductible`, `out-of-pocket`, `visits`,
 * `prior-authorization` when no discipline has it. `coverage` when coverage itself is unknown.
 * Every reader of payer answers (X12, FHIR) lists them the same way.
 */
import type { BenefitCoverage, Discipline, DisciplineBenefits } from '../schemas/benefits.js';

const DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy', 'speech-therapy'];

export function unknownBenefits(coverage: BenefitCoverage, disciplines: readonly DisciplineBenefits[]): string[] {
  if (coverage !== 'active') return coverage === 'unknown' ? ['coverage'] : [];
  const unknown: string[] = DISCIPLINES.filter((discipline) => !disciplines.some((line) => line.discipline === discipline));
  if (!disciplines.some((line) => line.copay || line.coinsurancePercent !== undefined)) unknown.push('cost-share');
  if (!disciplines.some((line) => line.deductible)) unknown.push('deductible');
  if (!disciplines.some((line) => line.outOfPocket)) unknown.push('out-of-pocket');
  if (!disciplines.some((line) => line.visits)) unknown.push('visits');
  if (!disciplines.some((line) => line.priorAuthorization !== undefined)) unknown.push('prior-authorization');
  return unknown;
}
