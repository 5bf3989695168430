/**
 * Therapy benefits in FHIR R4: a CoverageEligibilityRequest asks per service category (X12
 * service types PT, AD, AF), and a CoverageEligibilityResponse answers with one item per
 * category and unit (individual, family) carrying its benefit balances:
 * `copay` (allowedMoney), `copay-percent` (coinsurance, allowedUnsignedInt), `deductible` and
 * the project's `out-of-pocket` (allowedMoney total, usedMoney spent: remaining is the
 * difference), `visit` (allowedUnsignedInt, usedUnsignedInt); `network` in/out, `excluded` for
 * not covered, `authorizationRequired`, and two extensions: the visit pool's other categories and
 * the benefit period. Medicare's therapy threshold has no R4 home and is not carried.
 */
import type { Money } from '@pxm/core';
import type { AmountLevels, Amounts, BenefitsSummary, Discipline, DisciplineBenefits } from '@pxm/core/booking';
import { unknownBenefits } from '@pxm/core/benefits';
import { PXM_BENEFIT_TYPE_CODE_SYSTEM, SHARED_VISIT_POOL_EXTENSION, BENEFIT_PERIOD_EXTENSION, X12_SERVICE_TYPE_SYSTEM, BENEFIT_TYPE_SYSTEM, BENEFIT_NETWORK_SYSTEM, BENEFIT_UNIT_SYSTEM, BENEFIT_TERM_SYSTEM } from '../fhir/namespace.js';
import type { CodeableConcept, CoverageEligibilityItem, CoverageEligibilityResponse, Extension } from '../fhir/types.js';
import { fromFhirMoney, toFhirMoney } from './practice-mapping.js';

const CATEGORY_OF: Readonly<Record<Discipline, string>> = { 'physical-therapy': 'PT', 'occupational-therapy': 'AD', 'speech-therapy': 'AF' };
const DISCIPLINE_OF: Readonly<Record<string, Discipline>> = { PT: 'physical-therapy', AD: 'occupational-therapy', AF: 'speech-therapy' };
export const THERAPY_DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy', 'speech-therapy'];

const concept = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });
const codeIn = (value: CodeableConcept | undefined, system: string): string | undefined => value?.coding?.find((coding) => coding.system === system)?.code;

/** The category of a discipline, as a request or response item names it. */
export function categoryOf(discipline: Discipline): CodeableConcept {
  return concept(X12_SERVICE_TYPE_SYSTEM, CATEGORY_OF[discipline]);
}

function disciplineOf(item: CoverageEligibilityItem): Discipline | undefined {
  const code = codeIn(item.category, X12_SERVICE_TYPE_SYSTEM);
  return code === undefined ? undefined : DISCIPLINE_OF[code];
}

type Balance = NonNullable<CoverageEligibilityItem['benefit']>[number];

function amountBalance(type: CodeableConcept, amounts: Amounts | undefined): Balance[] {
  if (!amounts?.total) return [];
  const spent = amounts.remaining && amounts.remaining.currency === amounts.total.currency ? amounts.total.amountMinor - amounts.remaining.amountMinor : undefined;
  return [
    {
      type,
      allowedMoney: toFhirMoney(amounts.total),
      ...(spent === undefined || spent < 0 ? {} : { usedMoney: toFhirMoney({ amountMinor: spent, currency: amounts.total.currency }) }),
    },
  ];
}

const DEDUCTIBLE = concept(BENEFIT_TYPE_SYSTEM, 'deductible');
const OUT_OF_POCKET = concept(PXM_BENEFIT_TYPE_CODE_SYSTEM, 'out-of-pocket');

/** The response items for a summary: one per discipline, plus one for family amounts where given. */
export function toBenefitItems(summary: BenefitsSummary): CoverageEligibilityItem[] {
  return summary.disciplines.flatMap((line) => {
    const shared: Extension[] = (line.visits?.sharedWith ?? []).map((other) => ({ url: SHARED_VISIT_POOL_EXTENSION, valueCode: CATEGORY_OF[other] }));
    const period: Extension[] = line.visits?.period ? [{ url: BENEFIT_PERIOD_EXTENSION, valueCode: line.visits.period }] : [];
    const visits = line.visits;
    const used = visits?.used ?? (visits?.allowed !== undefined && visits.remaining !== undefined ? visits.allowed - visits.remaining : undefined);
    const individual: CoverageEligibilityItem = {
      ...(shared.length + period.length > 0 ? { extension: [...shared, ...period] } : {}),
      category: categoryOf(line.discipline),
      ...(line.coverage === 'inactive' ? { excluded: true } : {}),
      ...(line.network ? { network: concept(BENEFIT_NETWORK_SYSTEM, line.network) } : {}),
      unit: concept(BENEFIT_UNIT_SYSTEM, 'individual'),
      ...(visits?.period ? { term: concept(BENEFIT_TERM_SYSTEM, 'annual') } : {}),
      benefit: [
        ...(line.copay ? [{ type: concept(BENEFIT_TYPE_SYSTEM, 'copay'), allowedMoney: toFhirMoney(line.copay) }] : []),
        ...(line.coinsurancePercent !== undefined ? [{ type: concept(BENEFIT_TYPE_SYSTEM, 'copay-percent'), allowedUnsignedInt: Math.round(line.coinsurancePercent) }] : []),
        ...amountBalance(DEDUCTIBLE, line.deductible?.individual),
        ...amountBalance(OUT_OF_POCKET, line.outOfPocket?.individual),
        ...(visits?.allowed !== undefined
          ? [{ type: concept(BENEFIT_TYPE_SYSTEM, 'visit'), allowedUnsignedInt: visits.allowed, ...(used === undefined || used < 0 ? {} : { usedUnsignedInt: used }) }]
          : []),
      ],
      ...(line.priorAuthorization === undefined ? {} : { authorizationRequired: line.priorAuthorization }),
    };
    const familyBalances = [...amountBalance(DEDUCTIBLE, line.deductible?.family), ...amountBalance(OUT_OF_POCKET, line.outOfPocket?.family)];
    const family: CoverageEligibilityItem[] =
      familyBalances.length === 0
        ? []
        : [{ category: categoryOf(line.discipline), ...(line.network ? { network: concept(BENEFIT_NETWORK_SYSTEM, line.network) } : {}), unit: concept(BENEFIT_UNIT_SYSTEM, 'family'), benefit: familyBalances }];
    if (individual.benefit?.length === 0) delete individual.benefit;
    return [individual, ...family];
  });
}

function amountsFrom(balance: Balance | undefined): Amounts | undefined {
  const total = fromFhirMoney(balance?.allowedMoney);
  if (!total) return undefined;
  const used = fromFhirMoney(balance?.usedMoney);
  const remaining: Money | undefined = used && used.currency === total.currency ? { amountMinor: Math.max(0, total.amountMinor - used.amountMinor), currency: total.currency } : undefined;
  return { total, ...(remaining ? { remaining } : {}) };
}

const balanceOf = (item: CoverageEligibilityItem, system: string, code: string) => item.benefit?.find((balance) => codeIn(balance.type, system) === code);

function levels(individual: Amounts | undefined, family: Amounts | undefined): AmountLevels | undefined {
  if (!individual && !family) return undefined;
  return { ...(individual ? { individual } : {}), ...(family ? { family } : {}) };
}

function disciplineFrom(discipline: Discipline, items: CoverageEligibilityItem[]): DisciplineBenefits {
  const unitOf = (item: CoverageEligibilityItem) => codeIn(item.unit, BENEFIT_UNIT_SYSTEM) ?? 'individual';
  const individual = items.find((item) => unitOf(item) !== 'family') ?? {};
  const family = items.find((item) => unitOf(item) === 'family');
  const network = codeIn(individual.network ?? family?.network, BENEFIT_NETWORK_SYSTEM);
  const copay = fromFhirMoney(balanceOf(individual, BENEFIT_TYPE_SYSTEM, 'copay')?.allowedMoney);
  const coinsurance = balanceOf(individual, BENEFIT_TYPE_SYSTEM, 'copay-percent')?.allowedUnsignedInt;
  const deductible = levels(amountsFrom(balanceOf(individual, BENEFIT_TYPE_SYSTEM, 'deductible')), family && amountsFrom(balanceOf(family, BENEFIT_TYPE_SYSTEM, 'deductible')));
  const outOfPocket = levels(amountsFrom(balanceOf(individual, PXM_BENEFIT_TYPE_CODE_SYSTEM, 'out-of-pocket')), family && amountsFrom(balanceOf(family, PXM_BENEFIT_TYPE_CODE_SYSTEM, 'out-of-pocket')));
  const visit = balanceOf(individual, BENEFIT_TYPE_SYSTEM, 'visit');
  const shared = (individual.extension ?? [])
    .filter((extension) => extension.url === SHARED_VISIT_POOL_EXTENSION)
    .map((extension) => DISCIPLINE_OF[extension.valueCode ?? ''])
    .filter((other): other is Discipline => other !== undefined);
  const period = individual.extension?.find((extension) => extension.url === BENEFIT_PERIOD_EXTENSION)?.valueCode;
  const allowed = visit?.allowedUnsignedInt;
  const used = visit?.usedUnsignedInt;
  const visits: DisciplineBenefits['visits'] =
    allowed === undefined && used === undefined
      ? undefined
      : {
          ...(allowed === undefined ? {} : { allowed }),
          ...(used === undefined ? {} : { used }),
          ...(allowed !== undefined && used !== undefined ? { remaining: Math.max(0, allowed - used) } : {}),
          ...(period === 'calendar-year' || period === 'plan-year' ? { period } : {}),
          ...(shared.length > 0 ? { sharedWith: shared } : {}),
        };
  return {
    discipline,
    coverage: individual.excluded ? 'inactive' : 'active',
    ...(network === 'in' || network === 'out' ? { network } : {}),
    ...(copay ? { copay } : {}),
    ...(coinsurance === undefined ? {} : { coinsurancePercent: Math.min(100, coinsurance) }),
    ...(deductible ? { deductible } : {}),
    ...(outOfPocket ? { outOfPocket } : {}),
    ...(visits ? { visits } : {}),
    ...(individual.authorizationRequired === undefined ? {} : { priorAuthorization: individual.authorizationRequired }),
  };
}

/** The summary a response carries, as of `asOf`; `undefined` when it has no therapy items. */
export function fromBenefitItems(response: CoverageEligibilityResponse, asOf: string, payerName?: string): BenefitsSummary | undefined {
  const insurance = response.insurance?.[0];
  const items = insurance?.item ?? [];
  const coverage = response.outcome === 'error' || insurance?.inforce === undefined ? 'unknown' : insurance.inforce ? 'active' : 'inactive';
  const disciplines = THERAPY_DISCIPLINES.flatMap((discipline) => {
    const mine = items.filter((item) => disciplineOf(item) === discipline);
    return mine.length === 0 ? [] : [disciplineFrom(discipline, mine)];
  });
  if (disciplines.length === 0) return undefined;
  return { asOf, ...(payerName ? { payerName } : {}), coverage, disciplines, unknown: unknownBenefits(coverage, disciplines) };
}
