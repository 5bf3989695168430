/**
 * The checks an office sees as it types (on leaving a field) and all at once on Send. Each rule
 * is core's (NPI check digit, ICD-10-CM shape, phone and date shapes); this file only says which
 * field breaks which, as a message code the catalogue words.
 */
import { EmailSchema, PhoneSchema } from '@pxm/core';
import { isIcd10CmShape, isValidNpi, normalizeIcd10Code, normalizeNpi } from '@pxm/core/referral';
import { isLocalDate } from '@pxm/core/time';
import { textOf, type FieldKey, type ReferralDraft, type TextFieldKey } from './referral-draft.js';

export type FieldProblem =
  | 'required'
  | 'phone'
  | 'email'
  | 'date'
  | 'npi_length'
  | 'npi_check_digit'
  | 'icd_shape'
  | 'diagnosis_required'
  | 'visits_range'
  | 'weeks_range'
  | 'too_long'
  | 'consent_required'
  | 'attachments_busy'
  | 'attachments_failed';

const REQUIRED: readonly TextFieldKey[] = ['patient.givenName', 'patient.familyName', 'patient.birthDate', 'patient.phone', 'referrer.name', 'referrer.npi', 'referrer.phone'];

function wholeNumberIn(value: string, min: number, max: number): boolean {
  return /^\d{1,2}$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

/** What is wrong with one text field, or undefined. */
export function textFieldProblem(draft: ReferralDraft, key: TextFieldKey): FieldProblem | undefined {
  const value = textOf(draft, key).trim();
  if (!value) return REQUIRED.includes(key) ? 'required' : undefined;
  switch (key) {
    case 'patient.birthDate':
      return isLocalDate(value) && value >= '1900-01-01' ? undefined : 'date';
    case 'patient.phone':
    case 'referrer.phone':
    case 'referrer.fax':
      return PhoneSchema.safeParse(value).success ? undefined : 'phone';
    case 'referrer.directAddress':
      return EmailSchema.safeParse(value).success ? undefined : 'email';
    case 'referrer.npi': {
      const npi = normalizeNpi(value);
      if (!/^\d{10}$/.test(npi)) return 'npi_length';
      return isValidNpi(npi) ? undefined : 'npi_check_digit';
    }
    case 'order.visitsPerWeek':
      return wholeNumberIn(value, 1, 7) ? undefined : 'visits_range';
    case 'order.durationWeeks':
      return wholeNumberIn(value, 1, 52) ? undefined : 'weeks_range';
    case 'order.precautions':
      return value.length > 2000 ? 'too_long' : undefined;
    default:
      return value.length > 500 ? 'too_long' : undefined;
  }
}

/** What is wrong with one diagnosis row: a filled row must be shaped like a code. */
export function diagnosisProblem(code: string): FieldProblem | undefined {
  if (!code.trim()) return undefined;
  return isIcd10CmShape(normalizeIcd10Code(code)) ? undefined : 'icd_shape';
}

const TEXT_FIELDS: readonly TextFieldKey[] = [
  'patient.givenName',
  'patient.familyName',
  'patient.birthDate',
  'patient.phone',
  'referrer.name',
  'referrer.npi',
  'referrer.practice',
  'referrer.phone',
  'referrer.fax',
  'referrer.directAddress',
];
const ORDER_FIELDS: readonly TextFieldKey[] = ['order.visitsPerWeek', 'order.durationWeeks', 'order.precautions'];

/** Every problem of the draft, in the order of the form (the error summary's order). */
export function draftProblems(draft: ReferralDraft): Map<FieldKey, FieldProblem> {
  const problems = new Map<FieldKey, FieldProblem>();
  for (const key of TEXT_FIELDS) {
    const problem = textFieldProblem(draft, key);
    if (problem) problems.set(key, problem);
  }
  for (const row of draft.diagnoses) {
    const problem = diagnosisProblem(row.code);
    if (problem) problems.set(`diagnoses.${row.rowId}`, problem);
  }
  if (draft.diagnoses.every((row) => !row.code.trim())) problems.set(`diagnoses.${draft.diagnoses[0]!.rowId}`, 'diagnosis_required');
  if (!draft.order.discipline) problems.set('order.discipline', 'required');
  for (const key of ORDER_FIELDS) {
    const problem = textFieldProblem(draft, key);
    if (problem) problems.set(key, problem);
  }
  if (!draft.consentToContact) problems.set('consentToContact', 'consent_required');
  return problems;
}

/** The DOM id of a field's control (the error summary's links and focus use it). */
export const controlIdOf = (key: FieldKey): string => `referral-${key.replace(/\./g, '-')}`;
