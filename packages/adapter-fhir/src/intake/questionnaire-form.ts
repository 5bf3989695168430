/**
 * Questionnaire -> form definition, through the form engine's own import (`importQuestionnaire`),
 * plus what a FHIR Questionnaire cannot say and a PXM-authored one carries in extensions:
 *
 * - `form-item` on an item: the exact form item (consent with its text and version, signature,
 *   insurance-card photos, address, phone, email, autocomplete tokens). Other FHIR clients see
 *   an ordinary boolean, string or attachment question; this adapter restores the item.
 * - `form-scoring` on the Questionnaire: the outcome-measure scoring rules (LOINC included).
 * - `form-next-steps` on the Questionnaire: what the confirmation tells the patient.
 *
 * Any other Questionnaire imports as the engine imports it, with its issues.
 */
import {
  FormDefinitionSchema,
  FormItemSchema,
  importQuestionnaire,
  type FormDefinition,
  type FormItem,
  type QuestionnaireImportIssue,
  type ScoringRule,
} from '@pxm/core/forms';
import { ScoringRuleSchema } from '@pxm/core/prom';
import { PXM_FHIR_BASE } from '../fhir/namespace.js';
import { isObject, listOf, parseJson, rawExtension, type Raw } from '../fhir/raw-json.js';

export const FORM_EXTENSION = {
  item: `${PXM_FHIR_BASE}/StructureDefinition/form-item`,
  scoring: `${PXM_FHIR_BASE}/StructureDefinition/form-scoring`,
  nextSteps: `${PXM_FHIR_BASE}/StructureDefinition/form-next-steps`,
  /** JSON: the conditional next steps (`nextStepsWhen`). */
  nextStepsWhen: `${PXM_FHIR_BASE}/StructureDefinition/form-next-steps-when`,
} as const;

function extensionString(raw: Raw, url: string): string | undefined {
  const found = rawExtension(raw, url);
  const value = found?.valueString ?? found?.valueMarkdown;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Replaces question items that carry a `form-item` extension by plain placeholders, remembering
 * the real item. A carried group or section keeps its children in the Questionnaire; only its
 * own settings (an add-button label, say) are laid over the imported one.
 */
function takeCarriedItems(items: unknown[], carried: Map<string, FormItem>, issues: QuestionnaireImportIssue[], path: string): unknown[] {
  return items.map((raw, position) => {
    if (!isObject(raw)) return raw;
    const here = `${path}[${position}]`;
    const text = extensionString(raw, FORM_EXTENSION.item);
    const linkId = typeof raw.linkId === 'string' ? raw.linkId : undefined;
    const rest: Raw = { ...raw, extension: listOf(raw.extension).filter((ext) => !(isObject(ext) && ext.url === FORM_EXTENSION.item)) };
    if (raw.item) rest.item = takeCarriedItems(listOf(raw.item), carried, issues, `${here}.item`);
    if (text === undefined || !linkId) return rest;
    const json = parseJson(text);
    const container = isObject(json) && (json.type === 'group' || json.type === 'section');
    const parsed = FormItemSchema.safeParse(container ? { ...json, items: [] } : json);
    if (!parsed.success) {
      issues.push({ linkId, path: here, message: 'The form-item extension is not a valid form item; the plain question is used.' });
      return rest;
    }
    carried.set(linkId, parsed.data);
    if (container) return rest;
    // The engine imports a plain question in its place, at the same position and linkId.
    return { linkId, type: 'string', ...(typeof raw.text === 'string' ? { text: raw.text } : {}), ...(raw.required === true ? { required: true } : {}) };
  });
}

function restore(items: FormItem[], carried: ReadonlyMap<string, FormItem>): FormItem[] {
  return items.map((item) => {
    const real = carried.get(item.linkId ?? item.id);
    const keep = { id: item.id, ...(item.linkId ? { linkId: item.linkId } : {}) };
    if (item.type === 'section' || item.type === 'group') {
      const children = restore(item.items, carried);
      return (real && real.type === item.type ? { ...real, ...keep, items: children } : { ...item, items: children }) as FormItem;
    }
    return (real ? { ...real, ...keep } : item) as FormItem;
  });
}

export interface FormImport {
  definition: FormDefinition | undefined;
  issues: QuestionnaireImportIssue[];
}

export function formFromQuestionnaire(questionnaire: unknown): FormImport {
  if (!isObject(questionnaire)) return importQuestionnaire(questionnaire);
  const issues: QuestionnaireImportIssue[] = [];
  const carried = new Map<string, FormItem>();
  const plain: Raw = {
    ...questionnaire,
    extension: listOf(questionnaire.extension).filter((ext) => !(isObject(ext) && typeof ext.url === 'string' && Object.values(FORM_EXTENSION).includes(ext.url as never))),
    item: takeCarriedItems(listOf(questionnaire.item), carried, issues, 'item'),
  };
  const imported = importQuestionnaire(plain);
  if (!imported.definition) return { definition: undefined, issues: [...issues, ...imported.issues] };
  const definition: FormDefinition = {
    ...imported.definition,
    pages: imported.definition.pages.map((page) => ({ ...page, items: restore(page.items, carried) })),
  };
  const rules = parseJson(extensionString(questionnaire, FORM_EXTENSION.scoring));
  if (rules !== undefined) {
    const scoring = listOf(rules).flatMap((rule, position): ScoringRule[] => {
      const parsed = ScoringRuleSchema.safeParse(rule);
      if (!parsed.success) issues.push({ path: `extension(form-scoring)[${position}]`, message: 'A scoring rule is not valid; it is left out.' });
      return parsed.success ? [parsed.data] : [];
    });
    if (scoring.length > 0) definition.scoring = scoring;
  }
  const nextSteps = extensionString(questionnaire, FORM_EXTENSION.nextSteps);
  if (nextSteps) definition.nextSteps = nextSteps;
  const nextStepsWhen = FormDefinitionSchema.shape.nextStepsWhen.safeParse(parseJson(extensionString(questionnaire, FORM_EXTENSION.nextStepsWhen)));
  if (nextStepsWhen.success && nextStepsWhen.data) definition.nextStepsWhen = nextStepsWhen.data;
  else if (!nextStepsWhen.success) issues.push({ path: 'extension(form-next-steps-when)', message: 'The conditional next steps are not valid; they are left out.' });
  return { definition, issues: [...issues, ...imported.issues] };
}
