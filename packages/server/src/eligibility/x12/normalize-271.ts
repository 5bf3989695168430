/**
 * Turns the benefit lines of a 271 into core's `BenefitsSummary`. What the payer did not say
 * stays unsaid (listed in `unknown`), never filled in. The reading, line by line:
 * - plan coverage (EB03 `30`) active (EB01 1-5) or inactive (6-8) gives the summary's coverage;
 * - a discipline's own lines (PT, AD, AF) come first, then physical medicine (AE) for physical and
 *   occupational therapy, then plan-wide lines (`30`) for deductible and out-of-pocket only;
 * - in-network lines (EB12 Y) win over out-of-network ones (N); a discipline with only
 *   out-of-network lines is `network: 'out'`; lines with no indicator (or W) count for both;
 * - copay B (EB07), coinsurance A (EB08 fraction), deductible C and out-of-pocket G (EB02 IND or
 *   FAM; EB06 29 is what remains, a year or contract period the total), limitations F with EB09
 *   VS (EB06 29 remaining, a year allowed) or EB09 99 (used); a limitation naming several therapy
 *   service types is a pool they share; EB11 Y is prior authorization required;
 * - Medicare (EB04 MA, MB, MP): limitations with an amount are the yearly therapy threshold
 *   (calendar year) and the amount used (year to date).
 */
import type { Money } from '@pxm/core';
import type { BenefitsSummary, Discipline, DisciplineBenefits } from '@pxm/core/booking';
import { unknownBenefits } from '@pxm/core/benefits';
import type { BenefitLine, Read271 } from './read-271.js';
import {
  COVERAGE_LEVEL_FAMILY,
  DISCIPLINE_SERVICE_TYPES,
  EB01,
  MEDICARE_INSURANCE_TYPES,
  PHYSICAL_MEDICINE,
  PHYSICAL_MEDICINE_DISCIPLINES,
  PLAN_COVERAGE,
  QUANTITY,
  TIME_PERIOD,
} from './x12-codes.js';
import { dollarsToMinor, fractionToPercent, wholeNumber } from './x12-values.js';

const DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy', 'speech-therapy'];
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

type Tier = 'in' | 'out' | 'both';
const tierOf = (line: BenefitLine): Tier => (line.inPlanNetwork === 'Y' ? 'in' : line.inPlanNetwork === 'N' ? 'out' : 'both');

const isActive = (line: BenefitLine) => (EB01.activeCoverage as readonly string[]).includes(line.info);
const isInactive = (line: BenefitLine) => (EB01.inactive as readonly string[]).includes(line.info);

function disciplinesOf(line: BenefitLine): Discipline[] {
  return line.serviceTypes.map((code) => DISCIPLINE_SERVICE_TYPES[code]).filter((discipline): discipline is Discipline => discipline !== undefined);
}

function amountsOf(lines: BenefitLine[], info: string): DisciplineBenefits['deductible'] {
  const levels: NonNullable<DisciplineBenefits['deductible']> = {};
  for (const line of lines) {
    if (line.info !== info) continue;
    const amount = dollarsToMinor(line.amount);
    if (amount === undefined || line.timePeriod === TIME_PERIOD.yearToDate) continue;
    const level = line.coverageLevel === COVERAGE_LEVEL_FAMILY ? 'family' : 'individual';
    const key = line.timePeriod === TIME_PERIOD.remaining ? 'remaining' : 'total';
    const amounts = (levels[level] ??= {});
    amounts[key] ??= usd(amount);
  }
  return Object.keys(levels).length === 0 ? undefined : levels;
}

function visitsOf(lines: BenefitLine[], discipline: Discipline): DisciplineBenefits['visits'] {
  const visits: NonNullable<DisciplineBenefits['visits']> = {};
  for (const line of lines) {
    if (line.info !== EB01.limitations) continue;
    const quantity = wholeNumber(line.quantity);
    if (quantity === undefined) continue;
    if (line.quantityQualifier === QUANTITY.quantityUsed) visits.used ??= quantity;
    else if (line.quantityQualifier === QUANTITY.visits) {
      if (line.timePeriod === TIME_PERIOD.remaining) visits.remaining ??= quantity;
      else if (line.timePeriod === TIME_PERIOD.yearToDate) visits.used ??= quantity;
      else {
        visits.allowed ??= quantity;
        if (line.timePeriod === TIME_PERIOD.calendarYear) visits.period ??= 'calendar-year';
        if (line.timePeriod === TIME_PERIOD.serviceYear) visits.period ??= 'plan-year';
      }
    } else continue;
    const sharing = disciplinesOf(line).filter((other) => other !== discipline);
    if (sharing.length > 0) visits.sharedWith ??= sharing;
  }
  return Object.keys(visits).length === 0 ? undefined : visits;
}

function first<T>(lines: BenefitLine[], read: (line: BenefitLine) => T | undefined): T | undefined {
  for (const line of lines) {
    const value = read(line);
    if (value !== undefined) return value;
  }
  return undefined;
}

function disciplineBenefitsOf(discipline: Discipline, lines: BenefitLine[], planLines: BenefitLine[], planCoverage: BenefitsSummary['coverage']): DisciplineBenefits | undefined {
  const own = lines.filter((line) => disciplinesOf(line).includes(discipline));
  const medicine = PHYSICAL_MEDICINE_DISCIPLINES.includes(discipline) ? lines.filter((line) => line.serviceTypes.includes(PHYSICAL_MEDICINE)) : [];
  const specific = [...own, ...medicine];
  if (specific.length === 0) return undefined;

  const tiers = new Set(specific.map(tierOf));
  const network = tiers.has('in') ? 'in' : tiers.has('out') ? 'out' : undefined;
  const keep = (line: BenefitLine) => network === undefined || tierOf(line) === network || tierOf(line) === 'both';
  const chosen = specific.filter(keep);
  const plan = planLines.filter(keep);

  const nonCovered = chosen.some((line) => line.info === EB01.nonCovered || isInactive(line));
  const coverage = planCoverage === 'inactive' || nonCovered ? 'inactive' : 'active';
  const copay = first(chosen, (line) => (line.info === EB01.copayment ? dollarsToMinor(line.amount) : undefined));
  const coinsurancePercent = first(chosen, (line) => (line.info === EB01.coinsurance ? fractionToPercent(line.percent) : undefined));
  const deductible = amountsOf(chosen, EB01.deductible) ?? amountsOf(plan, EB01.deductible);
  const outOfPocket = amountsOf(chosen, EB01.outOfPocket) ?? amountsOf(plan, EB01.outOfPocket);
  const visits = visitsOf(chosen, discipline);
  const authorization = chosen.map((line) => line.authorizationRequired);
  const priorAuthorization = authorization.includes('Y') ? true : authorization.includes('N') ? false : undefined;
  return {
    discipline,
    coverage,
    ...(network ? { network } : {}),
    ...(copay === undefined ? {} : { copay: usd(copay) }),
    ...(coinsurancePercent === undefined ? {} : { coinsurancePercent }),
    ...(deductible ? { deductible } : {}),
    ...(outOfPocket ? { outOfPocket } : {}),
    ...(visits ? { visits } : {}),
    ...(priorAuthorization === undefined ? {} : { priorAuthorization }),
  };
}

function medicareOf(lines: BenefitLine[]): BenefitsSummary['medicare'] {
  const medicareLines = lines.filter((line) => line.insuranceType !== undefined && MEDICARE_INSURANCE_TYPES.includes(line.insuranceType));
  if (medicareLines.length === 0) return undefined;
  const therapyLimits = medicareLines.filter((line) => line.info === EB01.limitations && disciplinesOf(line).length > 0);
  const threshold = first(therapyLimits, (line) => (line.timePeriod === TIME_PERIOD.calendarYear ? dollarsToMinor(line.amount) : undefined));
  const used = first(therapyLimits, (line) => (line.timePeriod === TIME_PERIOD.yearToDate ? dollarsToMinor(line.amount) : undefined));
  const year = first(therapyLimits, (line) => {
    const date = line.benefitDates[0];
    return date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
  });
  if (threshold === undefined && used === undefined) return undefined;
  return {
    ...(threshold === undefined ? {} : { thresholdAmount: usd(threshold) }),
    ...(used === undefined ? {} : { amountUsed: usd(used) }),
    ...(year === undefined ? {} : { year }),
  };
}

/** The summary of a read 271, as of `asOf` (when the response arrived). */
export function normalize271(read: Read271, asOf: string): BenefitsSummary {
  const memberRejected = read.rejections.length > 0;
  const planLines = read.lines.filter((line) => line.serviceTypes.includes(PLAN_COVERAGE));
  const coverageLines = read.lines.filter((line) => isActive(line) || isInactive(line));
  const planStatusLines = planLines.filter((line) => isActive(line) || isInactive(line));
  const statusLines = planStatusLines.length > 0 ? planStatusLines : coverageLines;
  const coverage: BenefitsSummary['coverage'] = memberRejected
    ? 'unknown'
    : statusLines.some(isActive)
      ? 'active'
      : statusLines.some(isInactive)
        ? 'inactive'
        : 'unknown';
  const planName = first(statusLines, (line) => line.planDescription);
  const disciplines =
    coverage === 'unknown' && memberRejected
      ? []
      : DISCIPLINES.map((discipline) => disciplineBenefitsOf(discipline, read.lines, planLines, coverage)).filter(
          (entry): entry is DisciplineBenefits => entry !== undefined,
        );
  const medicare = medicareOf(read.lines);
  return {
    asOf,
    ...(read.payerName ? { payerName: read.payerName } : {}),
    ...(planName ? { planName } : {}),
    coverage,
    disciplines,
    ...(medicare ? { medicare } : {}),
    unknown: unknownBenefits(coverage, disciplines),
  };
}
