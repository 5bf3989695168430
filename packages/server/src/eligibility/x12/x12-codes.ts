/**
 * The X12 codes this reader uses, each checked against the 005010X279A1 implementation guide's
 * code lists (EB01, EB03 service types, EB06 time periods, EB09 quantities, AAA03 reasons).
 */
import type { Discipline } from '@pxm/core/booking';

/** EB03 service types that name one therapy discipline. */
export const DISCIPLINE_SERVICE_TYPES: Readonly<Record<string, Discipline>> = {
  PT: 'physical-therapy', // Physical Therapy
  AD: 'occupational-therapy', // Occupational Therapy
  AF: 'speech-therapy', // Speech Therapy
};

/** EB03 `AE` Physical Medicine: the 97000-range services physical and occupational therapists bill. */
export const PHYSICAL_MEDICINE = 'AE';
export const PHYSICAL_MEDICINE_DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy'];

/** EB03 `30` Health Benefit Plan Coverage: the plan as a whole (coverage, deductible, out-of-pocket). */
export const PLAN_COVERAGE = '30';

/** The service types a 270 asks about, one EQ segment each. */
export const INQUIRY_SERVICE_TYPES = [PLAN_COVERAGE, 'PT', 'AD', 'AF', PHYSICAL_MEDICINE] as const;

/** EB01 Eligibility or Benefit Information codes. */
export const EB01 = {
  activeCoverage: ['1', '2', '3', '4', '5'], // Active; full risk capitation; services capitated (twice); pending investigation
  inactive: ['6', '7', '8'], // Inactive; pending eligibility update; pending investigation
  coinsurance: 'A',
  copayment: 'B',
  deductible: 'C',
  limitations: 'F',
  outOfPocket: 'G', // Out of Pocket (Stop Loss)
  nonCovered: 'I',
} as const;

/** EB02 Coverage Level: individual and family amounts. */
export const COVERAGE_LEVEL_FAMILY = 'FAM';
export const COVERAGE_LEVEL_INDIVIDUAL = 'IND';

/** EB04 Insurance Type codes that mean Medicare (Part A, Part B, Medicare primary). */
export const MEDICARE_INSURANCE_TYPES: readonly string[] = ['MA', 'MB', 'MP'];

/** EB06 Time Period Qualifier. */
export const TIME_PERIOD = {
  serviceYear: '22',
  calendarYear: '23',
  yearToDate: '24',
  visit: '27',
  remaining: '29',
} as const;

/** EB09 Quantity Qualifier. */
export const QUANTITY = { visits: 'VS', quantityUsed: '99' } as const;

/** AAA03 Reject Reason codes: those that mean "ask again later" (the payer did not answer). */
export const PAYER_UNAVAILABLE_REASONS: readonly string[] = [
  '42', // Unable to Respond at Current Time
  '80', // No Response received - Transaction Terminated
];

/** AAA03 Reject Reason codes about the member's identity. */
export const MEMBER_NOT_FOUND_REASONS: readonly string[] = [
  '72', // Invalid/Missing Subscriber/Insured ID
  '73', // Invalid/Missing Subscriber/Insured Name
  '75', // Subscriber/Insured Not Found
  '76', // Duplicate Subscriber/Insured ID Number
  '58', // Invalid/Missing Date-of-Birth
  '71', // Patient Birth Date Does Not Match That for the Patient on the Database
];

/** The segments a 271 may carry (005010X279A1); anything else is kept and reported, never fatal. */
export const KNOWN_271_SEGMENTS: ReadonlySet<string> = new Set([
  'BHT', 'HL', 'TRN', 'NM1', 'N3', 'N4', 'PER', 'PRV', 'REF', 'DMG', 'INS', 'HI', 'DTP', 'MPI',
  'EB', 'HSD', 'MSG', 'III', 'LS', 'LE', 'AAA',
]);
