/**
 * What the office has typed so far, as typed: every field a string (a number box can hold "2x"
 * until it is checked), diagnosis codes as rows with their own ids so a removed row takes its
 * message with it. `referralInputOf` turns a checked draft into the contract's `ReferralInput`.
 */
import type { Discipline, ReferralInput, ReferralUrgency } from '@pxm/core/referral';
import { normalizeIcd10Code, normalizeNpi } from '@pxm/core/referral';

export interface DiagnosisRow {
  /** Stable per row: field ids and error keys follow it, not the row's position. */
  rowId: string;
  code: string;
}

export interface ReferralDraft {
  patient: { givenName: string; familyName: string; birthDate: string; phone: string; preferredLanguage: string };
  referrer: { name: string; npi: string; practice: string; phone: string; fax: string; directAddress: string };
  diagnoses: readonly DiagnosisRow[];
  order: { discipline: Discipline | ''; visitsPerWeek: string; durationWeeks: string; precautions: string };
  urgency: ReferralUrgency;
  consentToContact: boolean;
}

/** A text field of the draft, by its dotted key (`patient.givenName`). */
export type TextFieldKey =
  | `patient.${keyof ReferralDraft['patient']}`
  | `referrer.${keyof ReferralDraft['referrer']}`
  | `order.${Exclude<keyof ReferralDraft['order'], 'discipline'>}`;

/** Every key a message can be tied to: text fields, choices, consent, attachments, and each diagnosis row. */
export type FieldKey = TextFieldKey | 'order.discipline' | 'urgency' | 'consentToContact' | 'attachments' | `diagnoses.${string}`;

let rowCounter = 0;
export const newDiagnosisRow = (code = ''): DiagnosisRow => ({ rowId: `dx${(rowCounter += 1)}`, code });

export function emptyDraft(): ReferralDraft {
  return {
    patient: { givenName: '', familyName: '', birthDate: '', phone: '', preferredLanguage: '' },
    referrer: { name: '', npi: '', practice: '', phone: '', fax: '', directAddress: '' },
    diagnoses: [newDiagnosisRow()],
    order: { discipline: '', visitsPerWeek: '', durationWeeks: '', precautions: '' },
    urgency: 'routine',
    consentToContact: false,
  };
}

/** The value of a text field. */
export function textOf(draft: ReferralDraft, key: TextFieldKey): string {
  const [group, name] = key.split('.') as ['patient' | 'referrer' | 'order', string];
  return (draft[group] as Record<string, string>)[name] ?? '';
}

/** A new draft with one text field changed. */
export function withText(draft: ReferralDraft, key: TextFieldKey, value: string): ReferralDraft {
  const [group, name] = key.split('.') as ['patient' | 'referrer' | 'order', string];
  return { ...draft, [group]: { ...draft[group], [name]: value } };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const optionalInt = (value: string) => (value.trim() ? Number(value) : undefined);

/** Only what is filled in: optional fields left empty are left out, as the contract wants. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** The contract's input from a draft that passed its checks. */
export function referralInputOf(draft: ReferralDraft, attachmentIds: readonly string[], idempotencyKey: string): ReferralInput {
  const { patient, referrer, order } = draft;
  return {
    idempotencyKey,
    patient: compact({
      givenName: patient.givenName.trim(),
      familyName: patient.familyName.trim(),
      birthDate: patient.birthDate,
      phone: patient.phone.trim(),
      preferredLanguage: optional(patient.preferredLanguage),
    }),
    referrer: compact({
      name: referrer.name.trim(),
      npi: normalizeNpi(referrer.npi),
      practice: optional(referrer.practice),
      phone: referrer.phone.trim(),
      fax: optional(referrer.fax),
      directAddress: optional(referrer.directAddress),
    }),
    diagnoses: draft.diagnoses.map((row) => normalizeIcd10Code(row.code)).filter(Boolean),
    order: compact({
      discipline: order.discipline as Discipline,
      visitsPerWeek: optionalInt(order.visitsPerWeek),
      durationWeeks: optionalInt(order.durationWeeks),
      precautions: optional(order.precautions),
    }),
    urgency: draft.urgency,
    consentToContact: draft.consentToContact,
    attachmentIds: [...attachmentIds],
  };
}
