/**
 * Validation of one answer against its item, for every item type. Returns a code and the
 * parameters a message needs (`{max: 200}`), never a sentence: elements word it through their
 * localization layer. Required is checked for every type, choices and yes/no included
 * (answering "No" is an answer).
 */
import type { AnswerValue, Answers, FormItem } from '../schemas/intake.js';
import { isLocalDate } from '../time/local-date.js';
import { isAnswered } from './answered.js';

export type ValidationCode =
  | 'required'
  | 'wrong_type'
  | 'too_long'
  | 'pattern'
  | 'not_a_number'
  | 'below_min'
  | 'above_max'
  | 'step'
  | 'not_a_date'
  | 'date_before_min'
  | 'date_after_max'
  | 'email'
  | 'phone'
  | 'not_an_option'
  | 'too_few_selected'
  | 'too_many_selected'
  | 'not_on_scale'
  | 'address_incomplete'
  | 'postal_code'
  | 'card_side_missing'
  | 'consent_not_agreed'
  | 'consent_outdated'
  | 'signature_name'
  | 'signature_outdated'
  | 'too_few_instances'
  | 'too_many_instances';

export type ValidationParams = Record<string, string | number>;

export interface ValidationResult {
  code: ValidationCode;
  params?: ValidationParams;
}

/** A problem with one answer, addressed by its answer key (`medications[0]/dose`). */
export interface FieldIssue extends ValidationResult {
  key: string;
  itemId: string;
}

export interface ValidationContext {
  /** Whether the item is required right now (`required`, or `requiredWhen` holds). */
  required: boolean;
  /** The patient's today as `YYYY-MM-DD`, for `today` date bounds. */
  today: string;
  /** The consent item a signature belongs to, to check the version signed. */
  consent?: Extract<FormItem, { type: 'consent' }> | undefined;
}

/** As `PhoneSchema`: digits with common punctuation, 7 to 15 digits in all. */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[\d\s().-]{7,25}$/.test(value) && digits >= 7 && digits <= 15;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;
const US_ZIP = /^\d{5}(-\d{4})?$/;

const fail = (code: ValidationCode, params?: ValidationParams): ValidationResult => (params ? { code, params } : { code });

function resolveDateBound(bound: string | undefined, today: string): string | undefined {
  if (bound === undefined) return undefined;
  return bound === 'today' ? today : bound;
}

function isRecord(value: AnswerValue | undefined): value is Exclude<AnswerValue, null | string | number | boolean | unknown[]> & object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onStep(value: number, base: number, step: number): boolean {
  const steps = (value - base) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** An instance with nothing answered in it: skipped in an optional group. */
export function isEmptyInstance(instance: Answers): boolean {
  return !Object.values(instance).some((value) => (Array.isArray(value) && value.every((entry) => isRecord(entry)) ? value.some((entry) => !isEmptyInstance(entry as Answers)) : isAnswered(value)));
}

/**
 * The answer as it is stored and exported: what `validateAnswer` checked. Text, email and phone
 * answers are checked trimmed (a pattern, an address), so they are kept trimmed, and an exported
 * answer never breaks its own item's constraint.
 */
export function storedAnswer(item: FormItem, value: AnswerValue): AnswerValue {
  const trimmed = item.type === 'text' || item.type === 'email' || item.type === 'phone';
  return trimmed && typeof value === 'string' ? value.trim() : value;
}

export function validateAnswer(item: FormItem, value: AnswerValue | undefined, context: ValidationContext): ValidationResult | undefined {
  if (item.type === 'section' || item.type === 'display') return undefined;

  if (item.type === 'group') {
    const instances = Array.isArray(value) ? (value as Answers[]).filter((entry) => isRecord(entry)) : [];
    const filled = instances.filter((instance) => !isEmptyInstance(instance)).length;
    if (context.required) {
      const minimum = Math.max(1, item.minInstances ?? 1);
      if (filled === 0) return fail('required');
      if (filled < minimum) return fail('too_few_instances', { min: minimum });
    }
    if (item.maxInstances !== undefined && instances.length > item.maxInstances) return fail('too_many_instances', { max: item.maxInstances });
    return undefined;
  }

  if (!isAnswered(value)) {
    if (item.type === 'consent' && context.required) return fail('consent_not_agreed');
    // A number field holding text that is not a number is "answered" wrongly, not blank.
    if (item.type === 'number' && ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')) return fail('not_a_number');
    return context.required ? fail('required') : undefined;
  }

  switch (item.type) {
    case 'text':
    case 'long-text': {
      if (typeof value !== 'string') return fail('wrong_type');
      if (item.maxLength !== undefined && value.length > item.maxLength) return fail('too_long', { max: item.maxLength });
      if (item.type === 'text' && item.pattern !== undefined) {
        let matches = true;
        try {
          matches = new RegExp(`^(?:${item.pattern})$`, 'u').test(value.trim());
        } catch {
          matches = true; // a broken pattern is a definition problem, reported at load
        }
        if (!matches) return fail('pattern');
      }
      return undefined;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('not_a_number');
      if (item.min !== undefined && value < item.min) return fail('below_min', { min: item.min });
      if (item.max !== undefined && value > item.max) return fail('above_max', { max: item.max });
      if (item.step !== undefined && !onStep(value, item.min ?? 0, item.step)) return fail('step', { step: item.step });
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string' || !isLocalDate(value)) return fail('not_a_date');
      const min = resolveDateBound(item.min, context.today);
      const max = resolveDateBound(item.max, context.today);
      if (min !== undefined && value < min) return fail('date_before_min', { min });
      if (max !== undefined && value > max) return fail('date_after_max', { max });
      return undefined;
    }
    case 'email':
      if (typeof value !== 'string') return fail('wrong_type');
      return EMAIL.test(value.trim()) && value.trim().length <= 254 ? undefined : fail('email');
    case 'phone':
      if (typeof value !== 'string') return fail('wrong_type');
      return isPhoneNumber(value.trim()) ? undefined : fail('phone');
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : fail('wrong_type');
    case 'single-choice':
      if (typeof value !== 'string') return fail('wrong_type');
      return item.options.some((option) => option.value === value) ? undefined : fail('not_an_option');
    case 'multiple-choice': {
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return fail('wrong_type');
      const chosen = value as string[];
      if (!chosen.every((entry) => item.options.some((option) => option.value === entry))) return fail('not_an_option');
      if (item.minSelected !== undefined && chosen.length < item.minSelected) return fail('too_few_selected', { min: item.minSelected });
      if (item.maxSelected !== undefined && chosen.length > item.maxSelected) return fail('too_many_selected', { max: item.maxSelected });
      return undefined;
    }
    case 'scale': {
      if (typeof value !== 'number') return fail('wrong_type');
      const step = item.step ?? 1;
      if (value < item.min || value > item.max || !onStep(value, item.min, step)) return fail('not_on_scale', { min: item.min, max: item.max });
      return undefined;
    }
    case 'address': {
      if (!isRecord(value) || !('line1' in value)) return fail('wrong_type');
      if (!value.line1.trim() || !value.city.trim()) return fail('address_incomplete');
      const postal = value.postalCode?.trim();
      if (postal) {
        const us = (value.country ?? 'US').toUpperCase() === 'US';
        if (!(us ? US_ZIP : POSTAL_CODE).test(postal)) return fail('postal_code');
      } else if (context.required) {
        return fail('address_incomplete');
      }
      return undefined;
    }
    case 'insurance-card': {
      if (!isRecord(value) || 'line1' in value || 'agreed' in value || 'signerName' in value) return fail('wrong_type');
      const card = value as { front?: unknown; back?: unknown };
      if (context.required) {
        for (const side of item.sides ?? ['front', 'back']) {
          if (!card[side]) return fail('card_side_missing', { side });
        }
      }
      return undefined;
    }
    case 'consent': {
      if (!isRecord(value) || !('agreed' in value)) return fail('wrong_type');
      if (value.version !== item.version) return fail('consent_outdated');
      return undefined;
    }
    case 'signature': {
      if (!isRecord(value) || !('signerName' in value)) return fail('wrong_type');
      if (value.signerName.trim().length < 2) return fail('signature_name');
      if (context.consent && value.consentVersion !== context.consent.version) return fail('signature_outdated');
      return undefined;
    }
    default:
      return undefined;
  }
}
