/**
 * What the patient has been told about their answers, as one immutable value the element holds
 * in reactive state: the errors shown per answer, the summary of a page that could not be left,
 * and what was typed that never became an answer (a number, a date). Each change makes a new value.
 */
import { parseItemKey, validateAnswer, type FieldIssue, type FormEngine, type ValidationResult } from '@pxm/core/forms';

export interface FieldState {
  readonly shownErrors: ReadonlyMap<string, ValidationResult>;
  readonly summary: readonly FieldIssue[];
  /** Number fields exactly as typed ("61,5"), by answer key. */
  readonly numberTexts: ReadonlyMap<string, string>;
  /** Date fields whose text the browser cannot read as a date. */
  readonly unreadableDates: ReadonlySet<string>;
}

export const EMPTY_FIELD_STATE: FieldState = { shownErrors: new Map(), summary: [], numberTexts: new Map(), unreadableDates: new Set() };

/** Number text typed by the patient: `61,5` reads as 61.5; anything else that is not a number is not. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  const normalized = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return undefined;
  return Number(normalized);
}

/** The problem with one answer now, if any (hidden answers have none). */
export function validateKey(engine: FormEngine, fields: FieldState, key: string, today: string): ValidationResult | undefined {
  const item = engine.itemOf(key);
  if (!item || !engine.isVisible(key)) return undefined;
  if (item.type === 'number') {
    const text = fields.numberTexts.get(key);
    if (text !== undefined && text.trim() !== '' && parseNumber(text) === undefined) return { code: 'not_a_number' };
  }
  if (item.type === 'date' && fields.unreadableDates.has(key)) return { code: 'not_a_date' };
  const consentId = item.type === 'signature' ? item.consentItemId : undefined;
  const consent = consentId ? engine.itemOf(consentId) : undefined;
  return validateAnswer(item, engine.getAnswer(key), {
    required: engine.isRequired(key),
    today,
    consent: consent?.type === 'consent' ? consent : undefined,
  });
}

const pageOf = (engine: FormEngine, key: string) => engine.index.items.get(parseItemKey(key).id)?.pageId;

/** Problems on a page: the engine's, plus text typed that never became a number or date. */
export function issuesOn(engine: FormEngine, fields: FieldState, pageId: string, today: string): FieldIssue[] {
  const issues = engine.validatePage(pageId, { today });
  const known = new Set(issues.map((issue) => issue.key));
  for (const key of [...fields.numberTexts.keys(), ...fields.unreadableDates]) {
    if (known.has(key) || pageOf(engine, key) !== pageId) continue;
    const result = validateKey(engine, fields, key, today);
    if (result) {
      issues.push({ key, itemId: parseItemKey(key).id, ...result });
      known.add(key);
    }
  }
  const order = (key: string) => engine.index.items.get(parseItemKey(key).id)?.order ?? 0;
  return issues.sort((first, second) => order(first.key) - order(second.key) || (first.key < second.key ? -1 : 1));
}

/**
 * The error shown for `key` after a change or a blur. A `required` error appears only when asked
 * (`includeRequired`) or when it was already shown: leaving an empty field does not scold.
 */
export function withRefreshedError(engine: FormEngine, fields: FieldState, key: string, today: string, includeRequired = true): FieldState {
  const result = validateKey(engine, fields, key, today);
  const shown = result && (includeRequired || result.code !== 'required' || fields.shownErrors.has(key)) ? result : undefined;
  const before = fields.shownErrors.get(key);
  // The same value when nothing shown changes: a blur while a re-render removes a field must not render again.
  if (JSON.stringify(shown) === JSON.stringify(before)) return fields;
  const shownErrors = new Map(fields.shownErrors);
  if (shown) shownErrors.set(key, shown);
  else shownErrors.delete(key);
  return { ...fields, shownErrors };
}

/** After an answer changed: its shown error follows it, and the summary keeps only what still stands. */
export function afterAnswerChanged(engine: FormEngine, fields: FieldState, key: string, today: string): FieldState {
  const refreshed = fields.shownErrors.has(key) ? withRefreshedError(engine, fields, key, today) : fields;
  if (refreshed.summary.length === 0) return refreshed;
  return { ...refreshed, summary: refreshed.summary.filter((issue) => refreshed.shownErrors.has(issue.key) && engine.isVisible(issue.key)) };
}

export function withNumberText(fields: FieldState, key: string, text: string): FieldState {
  return { ...fields, numberTexts: new Map(fields.numberTexts).set(key, text) };
}

export function withUnreadableDate(fields: FieldState, key: string, unreadable: boolean): FieldState {
  if (fields.unreadableDates.has(key) === unreadable) return fields;
  const unreadableDates = new Set(fields.unreadableDates);
  if (unreadable) unreadableDates.add(key);
  else unreadableDates.delete(key);
  return { ...fields, unreadableDates };
}

/** Every issue shown, and listed in the summary. */
export function withIssuesShown(fields: FieldState, issues: readonly FieldIssue[]): FieldState {
  const shownErrors = new Map(fields.shownErrors);
  for (const issue of issues) shownErrors.set(issue.key, issue);
  return { ...fields, shownErrors, summary: issues };
}

export function withoutError(fields: FieldState, key: string): FieldState {
  if (!fields.shownErrors.has(key)) return fields;
  const shownErrors = new Map(fields.shownErrors);
  shownErrors.delete(key);
  return { ...fields, shownErrors };
}

/** Forgets what was kept per entry of a group whose entries shifted (`prefix` is `group[`). */
export function withoutPrefix(fields: FieldState, prefix: string): FieldState {
  const keep = (key: string) => !key.startsWith(prefix);
  return {
    ...fields,
    shownErrors: new Map([...fields.shownErrors].filter(([key]) => keep(key))),
    numberTexts: new Map([...fields.numberTexts].filter(([key]) => keep(key))),
    unreadableDates: new Set([...fields.unreadableDates].filter(keep)),
  };
}
