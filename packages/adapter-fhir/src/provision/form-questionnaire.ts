/**
 * Form definition -> FHIR R4 Questionnaire, the inverse of what the adapter reads: pages are
 * `page` groups, questions their FHIR types, conditions `enableWhen`, scales sliders with
 * bounds, choice points `ordinalValue`. What FHIR cannot say travels in the adapter's
 * `form-item`, `form-scoring` and `form-next-steps` extensions (see intake/questionnaire-form).
 */
import type { ChoiceOption, Condition, FormDefinition, FormItem, FormPage } from '@pxm/core/forms';
import { FORM_EXTENSION } from '../intake/questionnaire-form.js';
import { PXM_FHIR_BASE } from '../fhir/namespace.js';
import type { Extension, Questionnaire } from '../fhir/types.js';

const EXT = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  sliderStep: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  regex: 'http://hl7.org/fhir/StructureDefinition/regex',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
} as const;
const ITEM_CONTROL = 'http://hl7.org/fhir/questionnaire-item-control';

type QItem = Record<string, unknown> & { linkId: string; type: string; item?: QItem[]; extension?: Extension[] };

const control = (code: string): Extension => ({ url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL, code }] } } as Extension);

function linkIdOf(item: { id: string; linkId?: string | undefined }): string {
  return item.linkId ?? item.id;
}

/** Items FHIR has no type for, or whose details it cannot hold: carried whole. */
function needsCarrying(item: FormItem): boolean {
  if (['phone', 'email', 'address', 'insurance-card', 'consent', 'signature'].includes(item.type)) return true;
  if ('autocomplete' in item && item.autocomplete) return true;
  if (item.requiredWhen) return true;
  if (item.type === 'date' && (item.min === 'today' || item.max === 'today')) return true;
  if (item.type === 'multiple-choice' && (item.minSelected !== undefined || item.maxSelected !== undefined)) return true;
  if (item.type === 'group' && item.addLabel) return true;
  return false;
}

/** What the `form-item` extension holds: the whole item, or a container's own settings. */
function carried(item: FormItem): string {
  if (item.type === 'group' || item.type === 'section') {
    const { items: _children, ...own } = item;
    return JSON.stringify(own);
  }
  return JSON.stringify(item);
}

function optionValue(option: ChoiceOption): Record<string, unknown> {
  const points = option.score === undefined ? {} : { extension: [{ url: EXT.ordinalValue, valueDecimal: option.score }] };
  switch (option.valueType) {
    case 'string':
      return { valueString: option.value, ...points };
    case 'integer':
      return { valueInteger: Number(option.value), ...points };
    case 'date':
      return { valueDate: option.value, ...points };
    default:
      return { valueCoding: { ...(option.system ? { system: option.system } : {}), code: option.value, display: option.label }, ...points };
  }
}

class QuestionnaireWriter {
  private readonly byId = new Map<string, FormItem>();

  constructor(definition: FormDefinition) {
    const collect = (items: readonly FormItem[]) =>
      items.forEach((item) => {
        this.byId.set(item.id, item);
        if (item.type === 'section' || item.type === 'group') collect(item.items);
      });
    definition.pages.forEach((page) => collect(page.items));
  }

  /** One rule as `enableWhen`; undefined when the target cannot be compared that way. */
  private rule(condition: Extract<Condition, { item: string }>): Record<string, unknown> | undefined {
    const target = this.byId.get(condition.item);
    if (!target) return undefined;
    const question = linkIdOf(target);
    if (condition.op === 'exists' || condition.op === 'notExists') return { question, operator: 'exists', answerBoolean: condition.op === 'exists' };
    const operator = { equals: '=', notEquals: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[condition.op];
    const value = condition.value;
    if (value === undefined) return undefined;
    switch (target.type) {
      case 'yes-no':
        return typeof value === 'boolean' ? { question, operator, answerBoolean: value } : undefined;
      case 'number':
      case 'scale':
        return typeof value === 'number' ? { question, operator, ...(Number.isInteger(value) ? { answerInteger: value } : { answerDecimal: value }) } : undefined;
      case 'date':
        return typeof value === 'string' ? { question, operator, answerDate: value } : undefined;
      case 'single-choice':
      case 'multiple-choice': {
        const option = target.options.find((o) => o.value === String(value));
        return option ? { question, operator, answerCoding: { ...(option.system ? { system: option.system } : {}), code: option.value } } : undefined;
      }
      default:
        return typeof value === 'string' ? { question, operator, answerString: value } : undefined;
    }
  }

  /** `enableWhen` for one level of all/any; undefined when the condition nests deeper. */
  conditions(condition: Condition | undefined): Record<string, unknown> | undefined {
    if (!condition) return {};
    const rules = 'item' in condition ? [condition] : 'all' in condition ? condition.all : condition.any;
    if (rules.some((rule) => !('item' in rule))) return undefined;
    const enableWhen = rules.map((rule) => this.rule(rule as Extract<Condition, { item: string }>));
    if (enableWhen.some((rule) => rule === undefined) || enableWhen.length === 0) return undefined;
    return { enableWhen, ...(enableWhen.length > 1 ? { enableBehavior: 'all' in condition ? 'all' : 'any' } : {}) };
  }

  item(item: FormItem): QItem {
    const linkId = linkIdOf(item);
    const base: QItem = { linkId, type: 'display' };
    const label = item.type === 'section' ? item.title : item.type === 'display' ? item.text : item.label;
    if (label) base.text = label;
    if (item.required && item.type !== 'display' && item.type !== 'section') base.required = true;
    const children: QItem[] = item.help ? [{ linkId: `${linkId}-help`, type: 'display', text: item.help, extension: [control('help')] }] : [];
    const conditions = this.conditions(item.visibleWhen);
    const extension: Extension[] = [];
    const carry = needsCarrying(item) || conditions === undefined;
    if (carry) extension.push({ url: FORM_EXTENSION.item, valueString: carried(item) });
    Object.assign(base, conditions ?? {});

    switch (item.type) {
      case 'text':
        base.type = 'string';
        if (item.maxLength) base.maxLength = item.maxLength;
        if (item.pattern) extension.push({ url: EXT.regex, valueString: item.pattern });
        break;
      case 'long-text':
        base.type = 'text';
        if (item.maxLength) base.maxLength = item.maxLength;
        break;
      case 'number': {
        const integer = item.step !== undefined && Number.isInteger(item.step);
        base.type = integer ? 'integer' : 'decimal';
        const bound = (url: string, value: number | undefined) =>
          value === undefined ? undefined : ({ url, ...(integer ? { valueInteger: value } : { valueDecimal: value }) } as Extension);
        for (const ext of [bound(EXT.minValue, item.min), bound(EXT.maxValue, item.max)]) if (ext) extension.push(ext);
        if (item.unit) extension.push({ url: EXT.unit, valueCoding: { display: item.unit } });
        break;
      }
      case 'scale':
        base.type = 'integer';
        extension.push(control('slider'), { url: EXT.minValue, valueInteger: item.min }, { url: EXT.maxValue, valueInteger: item.max });
        if (item.step) extension.push({ url: EXT.sliderStep, valueInteger: item.step });
        if (item.minLabel) children.push({ linkId: `${linkId}-lower`, type: 'display', text: item.minLabel, extension: [control('lower')] });
        if (item.maxLabel) children.push({ linkId: `${linkId}-upper`, type: 'display', text: item.maxLabel, extension: [control('upper')] });
        break;
      case 'date':
        base.type = 'date';
        if (item.min && item.min !== 'today') extension.push({ url: EXT.minValue, valueDate: item.min });
        if (item.max && item.max !== 'today') extension.push({ url: EXT.maxValue, valueDate: item.max });
        break;
      case 'yes-no':
      case 'consent':
        base.type = 'boolean';
        break;
      case 'single-choice':
      case 'multiple-choice':
        base.type = 'choice';
        if (item.type === 'multiple-choice') base.repeats = true;
        else if (item.display) extension.push(control(item.display === 'dropdown' ? 'drop-down' : 'radio-button'));
        base.answerOption = item.options.map(optionValue);
        break;
      case 'insurance-card':
        base.type = 'attachment';
        base.repeats = true;
        break;
      case 'phone':
      case 'email':
      case 'address':
      case 'signature':
        base.type = 'string';
        break;
      case 'section':
      case 'group':
        base.type = 'group';
        if (item.type === 'group') {
          base.repeats = true;
          if (item.minInstances !== undefined) extension.push({ url: EXT.minOccurs, valueInteger: item.minInstances });
          if (item.maxInstances !== undefined) extension.push({ url: EXT.maxOccurs, valueInteger: item.maxInstances });
          if (item.label) base.text = item.label;
        }
        children.push(...item.items.map((child) => this.item(child)));
        break;
      case 'display':
        break;
    }
    // Carried questions import as plain questions, their help inside them; containers keep children.
    const container = item.type === 'group' || item.type === 'section';
    if (children.length > 0 && (!carry || container)) base.item = children;
    if (extension.length > 0) base.extension = extension;
    return base;
  }

  page(page: FormPage): QItem {
    const description: QItem[] = page.description ? [{ linkId: `${linkIdOf(page)}-help`, type: 'display', text: page.description, extension: [control('help')] }] : [];
    return {
      linkId: linkIdOf(page),
      type: 'group',
      text: page.title,
      extension: [control('page')],
      ...(this.conditions(page.visibleWhen) ?? {}),
      item: [...description, ...page.items.map((item) => this.item(item))],
    };
  }
}

/** The Questionnaire for a form; `url` defaults to one under the adapter's namespace. */
export function questionnaireFromForm(definition: FormDefinition, options: { id?: string; url?: string } = {}): Questionnaire {
  const writer = new QuestionnaireWriter(definition);
  const extension: Extension[] = [];
  if (definition.scoring?.length) extension.push({ url: FORM_EXTENSION.scoring, valueString: JSON.stringify(definition.scoring) });
  if (definition.nextSteps) extension.push({ url: FORM_EXTENSION.nextSteps, valueMarkdown: definition.nextSteps });
  if (definition.nextStepsWhen?.length) extension.push({ url: FORM_EXTENSION.nextStepsWhen, valueString: JSON.stringify(definition.nextStepsWhen) });
  return {
    resourceType: 'Questionnaire',
    id: options.id ?? definition.id,
    ...(extension.length > 0 ? { extension } : {}),
    url: options.url ?? definition.url ?? `${PXM_FHIR_BASE}/Questionnaire/${definition.id}`,
    version: definition.version,
    name: definition.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase()),
    title: definition.title,
    status: 'active',
    ...(definition.description ? { description: definition.description } : {}),
    ...(definition.locale ? { language: definition.locale } : {}),
    item: definition.pages.map((page) => writer.page(page)),
  } as Questionnaire;
}
