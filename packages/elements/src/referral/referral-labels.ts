/** Field names for the error summary, and the fields a backend's refusal names. */
import type { ValidationIssue } from '@pxm/core';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { FieldKey, ReferralDraft } from './referral-draft.js';
import type { ReferralMessages } from './referral.messages.en.js';

const LABELS: Partial<Record<FieldKey, keyof ReferralMessages>> = {
  'patient.givenName': 'givenName',
  'patient.familyName': 'familyName',
  'patient.birthDate': 'birthDate',
  'patient.phone': 'patientPhone',
  'patient.preferredLanguage': 'preferredLanguage',
  'referrer.name': 'referrerName',
  'referrer.npi': 'npi',
  'referrer.practice': 'practice',
  'referrer.phone': 'referrerPhone',
  'referrer.fax': 'fax',
  'referrer.directAddress': 'directAddress',
  'order.discipline': 'discipline',
  'order.visitsPerWeek': 'visitsPerWeek',
  'order.durationWeeks': 'durationWeeks',
  'order.precautions': 'precautions',
  urgency: 'urgencyLegend',
  consentToContact: 'consent',
  attachments: 'attachmentsLegend',
};

/** Where a field sits, in words: "Referring clinician: Phone" tells the two phones apart. */
const GROUPS: Record<string, keyof ReferralMessages> = { patient: 'patientLegend', referrer: 'referrerLegend', order: 'orderLegend' };

export function labelOf(msg: LocalizeController<ReferralMessages>, key: FieldKey, draft: ReferralDraft): string {
  if (key.startsWith('diagnoses.')) {
    const position = draft.diagnoses.findIndex((row) => `diagnoses.${row.rowId}` === key) + 1;
    return msg.text('diagnosisLabel', Math.max(1, position));
  }
  const label = msg.text(LABELS[key] as 'npi');
  const group = GROUPS[key.split('.')[0] ?? ''];
  return group && key.includes('.') ? `${msg.text(group as 'patientLegend')}: ${label}` : label;
}

/** The form's fields a backend's `validation` issues point at (`referrer.npi`, `diagnoses.1`, `attachmentIds`). */
export function issueKeys(issues: readonly ValidationIssue[], draft: ReferralDraft): FieldKey[] {
  const filled = draft.diagnoses.filter((row) => row.code.trim());
  return issues.flatMap((issue): FieldKey[] => {
    const [head, second] = issue.path.split('.');
    if (head === 'diagnoses') {
      const row = filled[Number(second)] ?? draft.diagnoses[0];
      return row ? [`diagnoses.${row.rowId}`] : [];
    }
    if (head === 'attachmentIds') return ['attachments'];
    if (head === 'consentToContact') return ['consentToContact'];
    if (head === 'urgency') return ['urgency'];
    const key = `${head}.${second}` as FieldKey;
    return LABELS[key] ? [key] : [];
  });
}
