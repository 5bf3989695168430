/**
 * FHIR R4 `QuestionnaireResponse` -> answers for a definition, matched by linkId: the reverse of
 * `exportQuestionnaireResponse`, used to resume or review a response stored on a FHIR server.
 * Answers that match no item, or do not fit it, are reported and left out.
 */
import type { AnswerValue, Answers, FormDefinition, FormItem } from '../../schemas/intake.js';
import { PXM_EXT, type FhirMappingIssue } from './fhir-types.js';
import { linkIdOf } from './questionnaire-response-export.js';

export interface QuestionnaireResponseImport {
  answers: Answers;
  issues: FhirMappingIssue[];
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Items reachable at one level of the response: containers that the response nests are kept. */
interface Level {
  byLinkId: Map<string, FormItem>;
}

function levelOf(items: readonly FormItem[]): Level {
  const byLinkId = new Map<string, FormItem>();
  for (const item of items) byLinkId.set(linkIdOf(item), item);
  return { byLinkId };
}

class ResponseReader {
  readonly issues: FhirMappingIssue[] = [];

  read(list: unknown[], items: readonly FormItem[], into: Answers, path: string): void {
    const level = levelOf(items);
    // Items of sections the response did not nest (flat responses) are matched too.
    const flat = new Map<string, FormItem>();
    const collectFlat = (entries: readonly FormItem[]) =>
      entries.forEach((item) => {
        if (item.type === 'section') collectFlat(item.items);
        else flat.set(linkIdOf(item), item);
      });
    collectFlat(items);

    list.forEach((raw, position) => {
      const here = `${path}[${position}]`;
      if (!isObject(raw) || typeof raw.linkId !== 'string') {
        this.issues.push({ path: here, message: 'An item without a linkId; left out.' });
        return;
      }
      const linkId = raw.linkId;
      const item = level.byLinkId.get(linkId) ?? flat.get(linkId);
      if (!item) {
        this.issues.push({ linkId, path: here, message: `No item of the form answers to linkId "${linkId}"; left out.` });
        return;
      }
      if (item.type === 'section') {
        this.read(listOf(raw.item), item.items, into, `${here}.item`);
        return;
      }
      if (item.type === 'group') {
        const instance: Answers = {};
        this.read(listOf(raw.item), item.items, instance, `${here}.item`);
        const existing = Array.isArray(into[item.id]) ? (into[item.id] as Answers[]) : [];
        into[item.id] = [...existing, instance];
        return;
      }
      const value = this.valueOf(item, raw, linkId, here);
      if (value !== undefined) into[item.id] = value;
    });
  }

  private valueOf(item: FormItem, raw: Raw, linkId: string, path: string): AnswerValue | undefined {
    const answers = listOf(raw.answer).filter(isObject);
    const first = answers[0];
    const misfit = () => {
      this.issues.push({ linkId, path, message: `The answer does not fit the ${item.type} item; left out.` });
      return undefined;
    };
    if (!first) return undefined;
    switch (item.type) {
      case 'text':
      case 'long-text':
      case 'phone':
      case 'email':
      case 'address':
        if (item.type === 'address') {
          this.issues.push({ linkId, path, message: 'An address exported as text cannot be split back into its parts; left out.' });
          return undefined;
        }
        return typeof first.valueString === 'string' ? first.valueString : misfit();
      case 'number':
      case 'scale': {
        const value = first.valueInteger ?? first.valueDecimal;
        return typeof value === 'number' ? value : misfit();
      }
      case 'date':
        return typeof first.valueDate === 'string' ? first.valueDate : misfit();
      case 'yes-no':
        return typeof first.valueBoolean === 'boolean' ? first.valueBoolean : misfit();
      case 'single-choice':
      case 'multiple-choice': {
        const values: string[] = [];
        for (const answer of item.type === 'single-choice' ? [first] : answers) {
          const coding = isObject(answer.valueCoding) ? answer.valueCoding : undefined;
          const candidate = coding ? coding.code : (answer.valueString ?? answer.valueInteger ?? answer.valueDate);
          const option = item.options.find((entry) => entry.value === String(candidate));
          if (option) values.push(option.value);
          else this.issues.push({ linkId, path, message: `"${String(candidate)}" is not an option of the item; left out.` });
        }
        if (values.length === 0) return undefined;
        return item.type === 'single-choice' ? values[0] : values;
      }
      case 'consent': {
        if (typeof first.valueBoolean !== 'boolean') return misfit();
        // The version agreed to travels in an extension; without one, the form's current text.
        const extensions = listOf(raw.extension).filter(isObject);
        const agreedTo = extensions.find((entry) => entry.url === PXM_EXT.consentVersion)?.valueString;
        const agreedAt = extensions.find((entry) => entry.url === PXM_EXT.consentAgreedAt)?.valueDateTime;
        const prefix = `${item.consentId}@`;
        const version = typeof agreedTo === 'string' && agreedTo.startsWith(prefix) ? agreedTo.slice(prefix.length) : item.version;
        return { agreed: first.valueBoolean, ...(typeof agreedAt === 'string' ? { agreedAt } : {}), version };
      }
      default:
        this.issues.push({ linkId, path, message: `Answers to ${item.type} items are not read back from FHIR; left out.` });
        return undefined;
    }
  }
}

export function importQuestionnaireResponse(definition: FormDefinition, response: unknown): QuestionnaireResponseImport {
  if (!isObject(response) || response.resourceType !== 'QuestionnaireResponse') {
    return { answers: {}, issues: [{ path: 'resourceType', message: 'Not a FHIR QuestionnaireResponse resource.' }] };
  }
  const reader = new ResponseReader();
  const answers: Answers = {};
  const pages = new Map(definition.pages.filter((page) => page.linkId).map((page) => [page.linkId!, page]));
  const loose: unknown[] = [];
  for (const raw of listOf(response.item)) {
    const page = isObject(raw) && typeof raw.linkId === 'string' ? pages.get(raw.linkId) : undefined;
    if (page && isObject(raw)) reader.read(listOf(raw.item), page.items, answers, `item(${page.linkId})`);
    else loose.push(raw);
  }
  reader.read(
    loose,
    definition.pages.flatMap((page) => page.items),
    answers,
    'item',
  );
  return { answers, issues: reader.issues };
}
