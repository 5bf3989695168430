/**
 * FHIR R4 `Questionnaire` -> form definition. Every linkId is kept (as the item id when it is a
 * valid id, else in `linkId` beside a derived id), so answers export back to the same linkIds.
 * What has no equivalent here is reported in `issues` with its linkId and path, never dropped
 * silently: unsupported item types are skipped, unsupported extensions ignored, and an
 * `enableWhen` that cannot be expressed becomes the constant FHIR would evaluate it to.
 *
 * Pages: top-level groups with the `page` item control become pages; without any, a form whose
 * top level is all groups gets one page per group; otherwise everything goes on one page.
 */
import type { ChoiceOption, Condition, ConditionValue, FormDefinition, FormItem, FormPage } from '../../schemas/intake.js';
import { isLocalDate } from '../../time/local-date.js';
import { checkFormDefinition } from '../definition-check.js';
import { indexForm, type FormIndex } from '../form-index.js';
import { EXT, type FhirMappingIssue } from './fhir-types.js';

export type QuestionnaireImportIssue = FhirMappingIssue;

export interface QuestionnaireImport {
  /** The form, or undefined when nothing usable could be made of the input. */
  definition: FormDefinition | undefined;
  issues: QuestionnaireImportIssue[];
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

const ITEM_ID = /^[A-Za-z][\w.-]{0,99}$/;
const LABEL_MAX = 500;
const TEXT_MAX = 20_000;
const ALWAYS: Condition = { all: [] };
const NEVER: Condition = { any: [] };

/** Extension urls read somewhere in this file; anything else on an item is reported. */
const HANDLED_EXTENSIONS: ReadonlySet<string> = new Set([
  EXT.itemControl,
  EXT.minValue,
  EXT.maxValue,
  EXT.qMinValue,
  EXT.qMaxValue,
  EXT.regex,
  EXT.sliderStep,
  EXT.unit,
  EXT.hidden,
  EXT.minOccurs,
  EXT.maxOccurs,
]);

/** Known but unsupported extensions, with what that means for the patient. */
const UNSUPPORTED_EXTENSIONS: ReadonlyArray<[suffix: string, message: string]> = [
  ['enableWhenExpression', 'FHIRPath enableWhenExpression is not supported: the item is always shown.'],
  ['calculatedExpression', 'calculatedExpression is not supported: the answer is not calculated, the patient gives it.'],
  ['initialExpression', 'initialExpression is not supported: the item starts empty.'],
  ['answerExpression', 'answerExpression is not supported: only the listed options are offered.'],
  ['variable', 'FHIRPath variables are not supported.'],
  ['signatureRequired', 'signatureRequired is not supported: add consent and signature items to the form instead.'],
  ['choiceOrientation', 'choiceOrientation is a layout hint; options are laid out for the screen size instead.'],
  ['entryFormat', 'entryFormat (placeholder text) is not shown.'],
  ['optionExclusive', 'optionExclusive is not supported: an exclusive option can be chosen alongside others.'],
  ['minLength', 'minLength is not enforced.'],
  ['maxDecimalPlaces', 'maxDecimalPlaces is not enforced.'],
  ['supportLink', 'supportLink (help links) is not shown.'],
  ['displayCategory', 'displayCategory is not used.'],
];

function sanitizeId(value: string, fallback: string): string {
  let id = value.replace(/[^\w.-]+/g, '-');
  if (!id) id = fallback;
  if (!/^[A-Za-z]/.test(id)) id = `q${id}`;
  return id.slice(0, 100);
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function itemControlOf(raw: Raw): string | undefined {
  for (const extension of listOf(raw.extension)) {
    if (!isObject(extension) || extension.url !== EXT.itemControl) continue;
    const concept = extension.valueCodeableConcept;
    if (!isObject(concept)) continue;
    for (const coding of listOf(concept.coding)) if (isObject(coding) && typeof coding.code === 'string') return coding.code;
    if (typeof concept.text === 'string') return concept.text;
  }
  return undefined;
}

function extensionValue(raw: Raw, ...urls: string[]): unknown {
  for (const extension of listOf(raw.extension)) {
    if (!isObject(extension) || !urls.includes(extension.url as string)) continue;
    for (const [key, value] of Object.entries(extension)) if (key.startsWith('value')) return value;
  }
  return undefined;
}

function pointsOf(option: Raw): number | undefined {
  const fromOption = numberOf(extensionValue(option, EXT.ordinalValue, EXT.itemWeight));
  if (fromOption !== undefined) return fromOption;
  const coding = option.valueCoding;
  return isObject(coding) ? numberOf(extensionValue(coding, EXT.ordinalValue, EXT.itemWeight, EXT.coValue)) : undefined;
}

interface Concept {
  system?: string;
  code: string;
  display?: string;
  score?: number;
}

/** A value-set concept, with its ordinal value when the set carries one. */
function conceptOf(raw: Raw, code: string, system: unknown): Concept {
  const score = numberOf(extensionValue(raw, EXT.ordinalValue, EXT.valueSetOrdinal, EXT.itemWeight, EXT.coValue));
  return {
    code,
    ...(textOf(system) ? { system: system as string } : {}),
    ...(textOf(raw.display) ? { display: raw.display as string } : {}),
    ...(score !== undefined ? { score } : {}),
  };
}

interface PendingCondition {
  holder: { visibleWhen?: Condition | undefined };
  /** The item or page the condition belongs to. */
  ownerId: string;
  ownerIsPage: boolean;
  linkId: string;
  path: string;
  raw: Raw;
}

class QuestionnaireImporter {
  readonly issues: QuestionnaireImportIssue[] = [];
  /** linkId -> item id (first occurrence wins). */
  private readonly ids = new Map<string, string>();
  private readonly used = new Set<string>();
  /** linkIds whose first-use id has been handed out. */
  private readonly claimed = new Set<string>();
  private readonly pending: PendingCondition[] = [];
  private readonly valueSets = new Map<string, Raw>();

  constructor(private readonly questionnaire: Raw) {
    for (const resource of listOf(questionnaire.contained)) {
      if (isObject(resource) && resource.resourceType === 'ValueSet' && typeof resource.id === 'string') this.valueSets.set(resource.id, resource);
    }
  }

  report(path: string, message: string, linkId?: string): void {
    this.issues.push(linkId === undefined ? { path, message } : { linkId, path, message });
  }

  run(): FormDefinition | undefined {
    const q = this.questionnaire;
    const items = listOf(q.item);
    if (items.length === 0) {
      this.report('item', 'The Questionnaire has no items.');
      return undefined;
    }
    this.assignIds(items, 'item');
    const pages = this.buildPages(items);
    if (pages.length === 0 || pages.every((page) => page.items.length === 0)) {
      this.report('item', 'None of the items could be imported.');
      return undefined;
    }
    const title = textOf(q.title) ?? textOf(q.name) ?? 'Questionnaire';
    const definition: FormDefinition = {
      id: sanitizeId(textOf(q.id) ?? textOf(q.name) ?? 'questionnaire', 'questionnaire'),
      version: clip(textOf(q.version) ?? '1', 50),
      title: clip(title, LABEL_MAX),
      pages: pages.filter((page) => page.items.length > 0),
    };
    if (textOf(q.description)) definition.description = clip(q.description as string, TEXT_MAX);
    if (typeof q.language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(q.language)) definition.locale = q.language;
    if (textOf(q.url)) definition.url = clip(q.url as string, 1000);
    if (q.status === 'retired') this.report('status', 'The Questionnaire is retired.');
    // A form has no place for these: say so rather than drop them silently.
    if (listOf(q.code).length > 0) this.report('code', 'The Questionnaire\'s codes are not kept on the form; responses exported from it carry none.');
    // The name is kept when it is the title or the id (in another spelling); any other is lost.
    const spelling = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (textOf(q.name) && textOf(q.title) && spelling(q.name as string) !== spelling(definition.id) && spelling(q.name as string) !== spelling(definition.title)) this.report('name', `The Questionnaire's name "${clip(q.name as string, 100)}" is not kept (its title and id are used).`);
    if (listOf(q.modifierExtension).length > 0) this.report('modifierExtension', 'Modifier extensions on the Questionnaire are not understood; its meaning may differ here.');

    this.resolveConditions(indexForm(definition));
    return definition;
  }

  // ---------------------------------------------------------------- ids

  private uniqueId(candidate: string): string {
    let id = candidate;
    for (let n = 2; this.used.has(id); n++) id = `${candidate.slice(0, 95)}-${n}`;
    this.used.add(id);
    return id;
  }

  private assignIds(items: unknown[], path: string): void {
    items.forEach((raw, position) => {
      const here = `${path}[${position}]`;
      if (!isObject(raw)) return;
      const linkId = typeof raw.linkId === 'string' ? raw.linkId : undefined;
      if (linkId !== undefined) {
        if (this.ids.has(linkId)) this.report(`${here}.linkId`, `The linkId "${linkId}" appears more than once; conditions refer to its first use.`, linkId);
        else this.ids.set(linkId, this.uniqueId(ITEM_ID.test(linkId) ? linkId : sanitizeId(linkId, 'item')));
      }
      this.assignIds(listOf(raw.item), `${here}.item`);
    });
  }

  /** The id of the item at `linkId`; a repeated linkId gets a fresh id for each later use. */
  private idFor(linkId: string, path: string): string {
    const first = this.ids.get(linkId);
    if (first !== undefined && !this.claimed.has(linkId)) {
      this.claimed.add(linkId);
      return first;
    }
    return this.uniqueId(sanitizeId(first ?? `${linkId}-${path}`, 'item'));
  }

  // ---------------------------------------------------------------- pages

  private buildPages(items: unknown[]): FormPage[] {
    const isGroup = (raw: unknown) => isObject(raw) && raw.type === 'group' && raw.repeats !== true;
    const explicitPages = items.some((raw) => isObject(raw) && isGroup(raw) && itemControlOf(raw) === 'page');
    const allGroups = items.every(isGroup);
    const pages: FormPage[] = [];
    let loose: FormPage | undefined;
    const pageIds = new Set<string>();
    const newPageId = (candidate: string) => {
      let id = candidate;
      for (let n = 2; pageIds.has(id); n++) id = `${candidate}-${n}`;
      pageIds.add(id);
      return id;
    };
    const title = clip(textOf(this.questionnaire.title) ?? textOf(this.questionnaire.name) ?? 'Questionnaire', LABEL_MAX);

    items.forEach((raw, position) => {
      const path = `item[${position}]`;
      const asPage = isObject(raw) && isGroup(raw) && (explicitPages ? itemControlOf(raw) === 'page' : allGroups);
      if (asPage) {
        loose = undefined;
        pages.push(this.pageFrom(raw, path, newPageId));
        return;
      }
      if (!loose) {
        loose = { id: newPageId(`page-${pages.length + 1}`), title, items: [] };
        pages.push(loose);
      }
      loose.items.push(...this.convertList([raw], path.replace(/\[\d+\]$/, ''), position));
    });
    return pages;
  }

  private pageFrom(raw: Raw, path: string, newPageId: (candidate: string) => string): FormPage {
    const linkId = typeof raw.linkId === 'string' ? raw.linkId : undefined;
    const id = newPageId(linkId ? this.idFor(linkId, path) : `page-${path}`);
    const { items, help } = this.convertChildren(raw, path);
    const page: FormPage = { id, title: clip(textOf(raw.text) ?? textOf(raw.prefix) ?? 'Page', LABEL_MAX), items };
    if (linkId) page.linkId = linkId;
    if (help) page.description = help;
    if (raw.required === true) this.report(`${path}.required`, 'A required page group is not enforced as such; its required questions are.', linkId);
    this.reportCommon(raw, path, linkId, new Set([EXT.itemControl]));
    this.queueConditions(raw, path, page, id, true, linkId);
    return page;
  }

  // ---------------------------------------------------------------- items

  private convertList(list: unknown[], path: string, offset = 0): FormItem[] {
    return list.flatMap((raw, position) => this.convert(raw, `${path}[${position + offset}]`));
  }

  /** Children of a group or question: help texts are lifted onto the parent, the rest converted. */
  private convertChildren(raw: Raw, path: string): { items: FormItem[]; help?: string; lower?: string; upper?: string } {
    const result: { items: FormItem[]; help?: string; lower?: string; upper?: string } = { items: [] };
    listOf(raw.item).forEach((child, position) => {
      const here = `${path}.item[${position}]`;
      if (isObject(child) && child.type === 'display') {
        const control = itemControlOf(child);
        const text = textOf(child.text);
        if (text && (control === 'help' || control === 'flyover' || control === 'prompt' || control === 'legal')) {
          result.help = clip(result.help ? `${result.help}\n${text}` : text, TEXT_MAX);
          return;
        }
        if (text && (control === 'lower' || control === 'upper')) {
          result[control] = clip(text, LABEL_MAX);
          return;
        }
      }
      result.items.push(...this.convert(child, here));
    });
    return result;
  }

  private convert(raw: unknown, path: string): FormItem[] {
    if (!isObject(raw)) {
      this.report(path, 'Not an item object; skipped.');
      return [];
    }
    const linkId = typeof raw.linkId === 'string' ? raw.linkId : undefined;
    if (!linkId) {
      this.report(path, 'An item without a linkId cannot be answered or exported; skipped.');
      return [];
    }
    const type = typeof raw.type === 'string' ? raw.type : 'missing';
    if (listOf(raw.modifierExtension).length > 0) {
      this.report(`${path}.modifierExtension`, 'The item has modifier extensions that change its meaning in ways not understood here; skipped.', linkId);
      return [];
    }
    if (extensionValue(raw, EXT.hidden) === true) {
      this.report(path, 'Hidden items are not imported (they would need calculated or initial values).', linkId);
      return [];
    }
    const id = this.idFor(linkId, path);
    const base: Record<string, unknown> = { id };
    if (id !== linkId) base.linkId = linkId;
    const text = textOf(raw.text);
    const label = [textOf(raw.prefix), text].filter(Boolean).join(' ');
    if (label) base.label = clip(label, TEXT_MAX);
    if (raw._text !== undefined) this.report(`${path}._text`, 'Rich text (rendering-xhtml and other _text extensions) is shown as plain text.', linkId);

    const handled = new Set<string>();
    const children = type === 'group' || type === 'display' ? undefined : listOf(raw.item).length > 0 ? this.convertChildren(raw, path) : undefined;
    if (children?.help) base.help = children.help;
    let item: FormItem | undefined;

    switch (type) {
      case 'group':
        item = this.convertGroup(raw, path, linkId, base, handled);
        break;
      case 'display':
        if (listOf(raw.item).length > 0) this.report(`${path}.item`, 'Items nested under a display item are not supported; skipped.', linkId);
        item = { ...base, type: 'display', text: clip(text ?? '', TEXT_MAX) } as FormItem;
        delete (item as { label?: string }).label;
        handled.add(EXT.itemControl);
        break;
      case 'boolean':
        item = { ...base, type: 'yes-no' } as FormItem;
        break;
      case 'integer':
      case 'decimal':
        item = this.convertNumber(raw, path, linkId, base, type, handled, children);
        break;
      case 'date': {
        const min = extensionValue(raw, EXT.minValue, EXT.qMinValue);
        const max = extensionValue(raw, EXT.maxValue, EXT.qMaxValue);
        item = { ...base, type: 'date', ...(typeof min === 'string' && isLocalDate(min) ? { min } : {}), ...(typeof max === 'string' && isLocalDate(max) ? { max } : {}) } as FormItem;
        handled.add(EXT.minValue).add(EXT.maxValue).add(EXT.qMinValue).add(EXT.qMaxValue);
        break;
      }
      case 'string':
      case 'text':
        item = this.convertText(raw, path, linkId, base, type, handled);
        break;
      case 'choice':
      case 'open-choice':
        item = this.convertChoice(raw, path, linkId, base, type, handled);
        break;
      case 'dateTime':
      case 'time':
      case 'url':
      case 'attachment':
      case 'reference':
      case 'quantity':
        this.report(path, `Items of type "${type}" are not supported; skipped.`, linkId);
        return [];
      default:
        this.report(`${path}.type`, `Unknown item type "${type}"; skipped.`, linkId);
        return [];
    }
    if (!item) return [];

    if (raw.required === true && item.type !== 'display' && item.type !== 'section') (item as { required?: boolean }).required = true;
    if (raw.required === true && item.type === 'section') this.report(`${path}.required`, 'A required non-repeating group is not enforced as such; its required questions are.', linkId);
    if (raw.repeats === true && item.type !== 'multiple-choice' && item.type !== 'group') {
      this.report(`${path}.repeats`, 'Repeated answers are only supported for choices; one answer is kept.', linkId);
    }
    if (raw.readOnly === true) this.report(`${path}.readOnly`, 'Read-only items are shown as editable.', linkId);
    if (listOf(raw.initial).length > 0) this.report(`${path}.initial`, 'Initial answers are not imported; the item starts empty.', linkId);
    if (raw.maxLength !== undefined && type !== 'string' && type !== 'text') this.report(`${path}.maxLength`, `maxLength applies only to text; ignored on "${type}".`, linkId);
    this.reportCommon(raw, path, linkId, handled);
    this.queueConditions(raw, path, item, id, false, linkId);

    if (children && children.items.length > 0) {
      this.report(`${path}.item`, 'Items nested under a question are placed after it (answers export as its siblings, not under its answer).', linkId);
      return [item, ...children.items];
    }
    return [item];
  }

  private convertGroup(raw: Raw, path: string, linkId: string, base: Record<string, unknown>, handled: Set<string>): FormItem | undefined {
    const { items, help } = this.convertChildren(raw, path);
    handled.add(EXT.itemControl).add(EXT.minOccurs).add(EXT.maxOccurs);
    const control = itemControlOf(raw);
    if (control && control !== 'page' && control !== 'list') this.report(path, `Group item control "${control}" is shown as a plain list of questions.`, linkId);
    if (items.length === 0) {
      this.report(`${path}.item`, 'The group has no importable items; skipped.', linkId);
      return undefined;
    }
    const { label, ...rest } = base as { label?: string };
    if (raw.repeats === true) {
      const minOccurs = numberOf(extensionValue(raw, EXT.minOccurs));
      const maxOccurs = numberOf(extensionValue(raw, EXT.maxOccurs));
      return {
        ...rest,
        type: 'group',
        ...(label ? { label: clip(label, TEXT_MAX) } : {}),
        ...(help ? { help } : {}),
        items,
        minInstances: Math.max(Number.isInteger(minOccurs) ? minOccurs! : 0, 1),
        ...(Number.isInteger(maxOccurs) && maxOccurs! >= 1 ? { maxInstances: maxOccurs } : {}),
      } as FormItem;
    }
    return { ...rest, type: 'section', ...(label ? { title: clip(label, LABEL_MAX) } : {}), ...(help ? { help } : {}), items } as FormItem;
  }

  private convertNumber(
    raw: Raw,
    path: string,
    linkId: string,
    base: Record<string, unknown>,
    type: 'integer' | 'decimal',
    handled: Set<string>,
    children: { lower?: string; upper?: string } | undefined,
  ): FormItem {
    handled.add(EXT.minValue).add(EXT.maxValue).add(EXT.qMinValue).add(EXT.qMaxValue).add(EXT.unit).add(EXT.sliderStep).add(EXT.itemControl);
    const min = numberOf(extensionValue(raw, EXT.minValue, EXT.qMinValue));
    const max = numberOf(extensionValue(raw, EXT.maxValue, EXT.qMaxValue));
    const control = itemControlOf(raw);
    const step = numberOf(extensionValue(raw, EXT.sliderStep));
    if (type === 'integer' && control === 'slider' && Number.isInteger(min) && Number.isInteger(max) && max! > min! && max! - min! <= 100) {
      return {
        ...base,
        type: 'scale',
        min,
        max,
        ...(step !== undefined && Number.isInteger(step) && step >= 1 ? { step } : {}),
        ...(children?.lower ? { minLabel: children.lower } : {}),
        ...(children?.upper ? { maxLabel: children.upper } : {}),
      } as FormItem;
    }
    if (control && control !== 'spinner' && control !== 'slider') this.report(path, `Item control "${control}" is not supported; a number field is shown.`, linkId);
    if (control === 'slider') this.report(path, 'A slider needs integer minValue and maxValue at most 100 apart; a number field is shown.', linkId);
    const unitValue = extensionValue(raw, EXT.unit);
    const unit = isObject(unitValue) ? (textOf(unitValue.display) ?? textOf(unitValue.code)) : undefined;
    return {
      ...base,
      type: 'number',
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(type === 'integer' ? { step: 1 } : {}),
      ...(unit ? { unit: clip(unit, 40) } : {}),
    } as FormItem;
  }

  private convertText(raw: Raw, path: string, linkId: string, base: Record<string, unknown>, type: 'string' | 'text', handled: Set<string>): FormItem {
    handled.add(EXT.regex);
    const maxLength = numberOf(raw.maxLength);
    const item: Record<string, unknown> = { ...base, type: type === 'string' ? 'text' : 'long-text' };
    // The expected format, said to the patient when a one-line answer does not match its regex.
    const format = extensionValue(raw, EXT.entryFormat);
    if (type === 'string' && typeof format === 'string' && format.trim()) {
      handled.add(EXT.entryFormat);
      item.entryFormat = clip(format.trim(), 100);
    }
    if (maxLength !== undefined && Number.isInteger(maxLength) && maxLength >= 1) item.maxLength = Math.min(maxLength, 100_000);
    const pattern = extensionValue(raw, EXT.regex);
    if (typeof pattern === 'string') {
      if (type === 'text') {
        this.report(path, 'A regex on a long-text item is not enforced.', linkId);
      } else {
        try {
          new RegExp(pattern, 'u');
          item.pattern = pattern.slice(0, 500);
        } catch {
          this.report(path, `The regex ${JSON.stringify(pattern)} is not a valid regular expression here; not enforced.`, linkId);
        }
      }
    }
    return item as unknown as FormItem;
  }

  private convertChoice(
    raw: Raw,
    path: string,
    linkId: string,
    base: Record<string, unknown>,
    type: 'choice' | 'open-choice',
    handled: Set<string>,
  ): FormItem | undefined {
    handled.add(EXT.itemControl);
    if (type === 'open-choice') this.report(path, 'open-choice: free-text answers besides the options are not supported; only the listed options can be chosen.', linkId);
    const options = this.optionsOf(raw, path, linkId);
    if (options.length === 0) {
      this.report(path, 'The choice item has no options that could be imported; skipped.', linkId);
      return undefined;
    }
    if (listOf(raw.answerOption).some((option) => isObject(option) && option.initialSelected === true)) {
      this.report(`${path}.answerOption`, 'initialSelected is not imported; no option starts selected.', linkId);
    }
    const control = itemControlOf(raw);
    if (control && !['drop-down', 'radio-button', 'check-box', 'autocomplete'].includes(control)) {
      this.report(path, `Item control "${control}" is not supported; options are shown as a list.`, linkId);
    }
    if (raw.repeats === true) return { ...base, type: 'multiple-choice', options } as FormItem;
    const display = control === 'drop-down' || control === 'autocomplete' ? 'dropdown' : control === 'radio-button' ? 'radio' : undefined;
    return { ...base, type: 'single-choice', options, ...(display ? { display } : {}) } as FormItem;
  }

  private optionsOf(raw: Raw, path: string, linkId: string): ChoiceOption[] {
    const options: ChoiceOption[] = [];
    const add = (option: ChoiceOption, where: string) => {
      if (options.some((existing) => existing.value === option.value)) {
        this.report(where, `The option "${option.value}" appears twice; the first is kept.`, linkId);
        return;
      }
      options.push(option);
    };
    listOf(raw.answerOption).forEach((entry, position) => {
      const where = `${path}.answerOption[${position}]`;
      if (!isObject(entry)) return;
      const points = pointsOf(entry);
      const withPoints = (option: ChoiceOption): ChoiceOption => (points === undefined ? option : { ...option, score: points });
      if (isObject(entry.valueCoding)) {
        const coding = entry.valueCoding;
        const code = textOf(coding.code);
        if (!code) return this.report(where, 'A coding option without a code cannot be answered; skipped.', linkId);
        const option: ChoiceOption = { value: clip(code, 200), label: clip(textOf(coding.display) ?? code, LABEL_MAX) };
        if (textOf(coding.system)) option.system = coding.system as string;
        add(withPoints(option), where);
      } else if (typeof entry.valueString === 'string' && entry.valueString.trim()) {
        add(withPoints({ value: clip(entry.valueString, 200), label: clip(entry.valueString, LABEL_MAX), valueType: 'string' }), where);
      } else if (typeof entry.valueInteger === 'number' && Number.isInteger(entry.valueInteger)) {
        add(withPoints({ value: String(entry.valueInteger), label: String(entry.valueInteger), valueType: 'integer' }), where);
      } else if (typeof entry.valueDate === 'string' && isLocalDate(entry.valueDate)) {
        add(withPoints({ value: entry.valueDate, label: entry.valueDate, valueType: 'date' }), where);
      } else {
        this.report(where, 'Only coding, string, integer and date options are supported; skipped.', linkId);
      }
    });
    if (typeof raw.answerValueSet === 'string') {
      const reference = raw.answerValueSet;
      const valueSet = reference.startsWith('#') ? this.valueSets.get(reference.slice(1)) : undefined;
      if (!valueSet) {
        this.report(`${path}.answerValueSet`, `The value set ${reference} is not contained in the Questionnaire and cannot be expanded here.`, linkId);
      } else {
        for (const concept of this.conceptsOf(valueSet, `${path}.answerValueSet`, linkId)) {
          add(
            {
              value: clip(concept.code, 200),
              label: clip(concept.display ?? concept.code, LABEL_MAX),
              ...(concept.system ? { system: concept.system } : {}),
              ...(concept.score !== undefined ? { score: concept.score } : {}),
            },
            `${path}.answerValueSet`,
          );
        }
      }
    }
    return options;
  }

  private conceptsOf(valueSet: Raw, path: string, linkId: string): Concept[] {
    const found: Concept[] = [];
    const fromExpansion = (contains: unknown[]) => {
      for (const entry of contains) {
        if (!isObject(entry)) continue;
        const code = textOf(entry.code);
        if (code && entry.abstract !== true) found.push(conceptOf(entry, code, entry.system));
        fromExpansion(listOf(entry.contains));
      }
    };
    if (isObject(valueSet.expansion)) {
      fromExpansion(listOf(valueSet.expansion.contains));
      return found;
    }
    const compose = isObject(valueSet.compose) ? valueSet.compose : {};
    for (const include of listOf(compose.include)) {
      if (!isObject(include)) continue;
      if (listOf(include.filter).length > 0 || listOf(include.valueSet).length > 0 || listOf(include.concept).length === 0) {
        this.report(path, 'Value set rules other than listed concepts (filters, whole code systems, imported sets) cannot be expanded here.', linkId);
        continue;
      }
      for (const concept of listOf(include.concept)) {
        if (!isObject(concept) || !textOf(concept.code)) continue;
        found.push(conceptOf(concept, concept.code as string, include.system));
      }
    }
    if (listOf(compose.exclude).length > 0) this.report(path, 'Value set excludes are not applied.', linkId);
    return found;
  }

  /** Reports extensions nothing here reads, and item elements that are not kept. */
  private reportCommon(raw: Raw, path: string, linkId: string | undefined, handled: ReadonlySet<string>): void {
    listOf(raw.extension).forEach((extension, position) => {
      if (!isObject(extension) || typeof extension.url !== 'string') return;
      const url = extension.url;
      if (handled.has(url)) return;
      const where = `${path}.extension[${position}]`;
      const known = UNSUPPORTED_EXTENSIONS.find(([suffix]) => url.endsWith(suffix));
      if (known) this.report(where, known[1], linkId);
      else if (HANDLED_EXTENSIONS.has(url)) this.report(where, `The extension ${url} does not apply to this item; ignored.`, linkId);
      else this.report(where, `The extension ${url} is not supported; ignored.`, linkId);
    });
    if (listOf(raw.code).length > 0) this.report(`${path}.code`, 'Item codes are not kept in the form; the linkId is.', linkId);
    if (textOf(raw.definition)) this.report(`${path}.definition`, 'The item definition reference is not kept.', linkId);
  }

  // ---------------------------------------------------------------- conditions

  private queueConditions(raw: Raw, path: string, holder: { visibleWhen?: Condition | undefined }, ownerId: string, ownerIsPage: boolean, linkId: string | undefined): void {
    if (listOf(raw.enableWhen).length === 0) return;
    this.pending.push({ holder, ownerId, ownerIsPage, linkId: linkId ?? ownerId, path, raw });
  }

  private resolveConditions(index: FormIndex): void {
    for (const pending of this.pending) {
      const rules = listOf(pending.raw.enableWhen).map((entry, position) => this.resolveRule(entry, `${pending.path}.enableWhen[${position}]`, pending, index));
      let behavior = pending.raw.enableBehavior;
      if (rules.length > 1 && behavior !== 'all' && behavior !== 'any') {
        this.report(`${pending.path}.enableBehavior`, 'enableBehavior is required with more than one enableWhen; "all" is assumed.', pending.linkId);
        behavior = 'all';
      }
      pending.holder.visibleWhen = rules.length === 1 ? rules[0]! : behavior === 'any' ? { any: rules } : { all: rules };
    }
  }

  private resolveRule(entry: unknown, path: string, pending: PendingCondition, index: FormIndex): Condition {
    const linkId = pending.linkId;
    if (!isObject(entry)) {
      this.report(path, 'Not an enableWhen object; treated as never true.', linkId);
      return NEVER;
    }
    const operator = entry.operator;
    const answerKey = Object.keys(entry).find((key) => key.startsWith('answer'));
    const answer = answerKey ? entry[answerKey] : undefined;
    // FHIR: with no answer to the question, every rule is false except "exists = false".
    const unanswerable = operator === 'exists' && answer === false ? ALWAYS : NEVER;
    const question = typeof entry.question === 'string' ? entry.question : undefined;
    const targetId = question !== undefined ? this.ids.get(question) : undefined;
    const target = targetId !== undefined ? index.items.get(targetId) : undefined;
    if (!question || !targetId) {
      this.report(`${path}.question`, `Refers to ${question ? `the unknown linkId "${question}"` : 'no question'}; treated as unanswered.`, linkId);
      return unanswerable;
    }
    if (!target || target.item.type === 'display' || target.item.type === 'section') {
      this.report(`${path}.question`, `Refers to "${question}", which was not imported or takes no answer; treated as unanswered.`, linkId);
      return unanswerable;
    }
    const ownerGroups = pending.ownerIsPage ? [] : (index.items.get(pending.ownerId)?.groups ?? []);
    if (!target.groups.every((group, depth) => ownerGroups[depth] === group)) {
      this.report(path, `Refers to "${question}" inside a repeating group from outside it; the condition is not supported and the item is always shown.`, linkId);
      return ALWAYS;
    }
    if (operator === 'exists') {
      if (typeof answer !== 'boolean') {
        this.report(path, 'The exists operator needs answerBoolean; treated as never true.', linkId);
        return NEVER;
      }
      return { item: targetId, op: answer ? 'exists' : 'notExists' };
    }
    const ops: Record<string, Extract<Condition, { op: string }>['op']> = { '=': 'equals', '!=': 'notEquals', '>': 'gt', '<': 'lt', '>=': 'gte', '<=': 'lte' };
    const op = typeof operator === 'string' ? ops[operator] : undefined;
    if (!op) {
      this.report(`${path}.operator`, `Unknown operator ${JSON.stringify(operator)}; treated as never true.`, linkId);
      return NEVER;
    }
    let value: ConditionValue | undefined;
    switch (answerKey) {
      case 'answerBoolean':
        value = typeof answer === 'boolean' ? answer : undefined;
        break;
      case 'answerString':
        value = typeof answer === 'string' ? answer : undefined;
        break;
      case 'answerInteger':
      case 'answerDecimal':
        value = numberOf(answer);
        break;
      case 'answerDate':
        value = typeof answer === 'string' && isLocalDate(answer) ? answer : undefined;
        break;
      case 'answerCoding':
        value = isObject(answer) ? textOf(answer.code) : undefined;
        break;
      default:
        this.report(path, `${answerKey ?? 'A missing answer[x]'} cannot be compared here; treated as never true.`, linkId);
        return NEVER;
    }
    if (value === undefined) {
      this.report(path, `The ${answerKey} value is missing or malformed; treated as never true.`, linkId);
      return NEVER;
    }
    const item = target.item;
    const mismatch = (message: string): Condition => {
      this.report(path, `${message} Treated as never true.`, linkId);
      return NEVER;
    };
    switch (item.type) {
      case 'yes-no':
        if (typeof value !== 'boolean') return mismatch(`"${question}" is a boolean; the comparison value is not.`);
        if (op !== 'equals' && op !== 'notEquals') return mismatch(`The ${operator} operator does not apply to booleans.`);
        break;
      case 'number':
      case 'scale':
        if (typeof value !== 'number') return mismatch(`"${question}" is numeric; the comparison value is not.`);
        break;
      case 'date':
        if (typeof value !== 'string' || !isLocalDate(value)) return mismatch(`"${question}" is a date; the comparison value is not.`);
        break;
      case 'single-choice':
      case 'multiple-choice': {
        if (op !== 'equals' && op !== 'notEquals') return mismatch(`The ${operator} operator does not apply to choices.`);
        const text = String(value);
        if (!item.options.some((option) => option.value === text)) {
          this.report(path, `"${text}" is not an option of "${question}"; "=" can never hold${op === 'notEquals' ? ', so "!=" holds whenever it is answered' : ''}.`, linkId);
          return op === 'notEquals' ? { item: targetId, op: 'exists' } : NEVER;
        }
        value = text;
        break;
      }
      default:
        if (typeof value !== 'string') return mismatch(`"${question}" holds text; the comparison value is not text.`);
    }
    return { item: targetId, op, value };
  }
}

/** Imports a FHIR R4 Questionnaire; `definition` is undefined when nothing usable results. */
export function importQuestionnaire(questionnaire: unknown): QuestionnaireImport {
  if (!isObject(questionnaire) || questionnaire.resourceType !== 'Questionnaire') {
    return { definition: undefined, issues: [{ path: 'resourceType', message: 'Not a FHIR Questionnaire resource.' }] };
  }
  const importer = new QuestionnaireImporter(questionnaire);
  const definition = importer.run();
  if (!definition) return { definition: undefined, issues: importer.issues };
  const check = checkFormDefinition(definition);
  if (check.problems.length === 0) return { definition: check.definition, issues: importer.issues };
  const linkIds = new Map<string, string>();
  const collect = (items: readonly FormItem[]) =>
    items.forEach((item) => {
      linkIds.set(item.id, item.linkId ?? item.id);
      if (item.type === 'section' || item.type === 'group') collect(item.items);
    });
  definition.pages.forEach((page) => {
    linkIds.set(page.id, page.linkId ?? page.id);
    collect(page.items);
  });
  const problems = check.problems.map((problem) => {
    const linkId = problem.itemId !== undefined ? linkIds.get(problem.itemId) : undefined;
    return { ...(linkId !== undefined ? { linkId } : {}), path: problem.path, message: `The imported form is not usable: ${problem.message}` };
  });
  return { definition: undefined, issues: [...importer.issues, ...problems] };
}
