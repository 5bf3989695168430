/**
 * Answers -> FHIR R4 `QuestionnaireResponse`. Items answer to their linkIds (`linkId`, else the
 * item id); pages and sections that came from groups nest as groups; each repeating-group
 * instance is one group item. Hidden items and unanswered ones are left out, as FHIR asks.
 * Answers with no FHIR answer type (an address) are written as text and reported.
 */
import type { AddressAnswer, AnswerValue, Answers, ChoiceOption, FormDefinition, FormItem, InsuranceCardAnswer, SignatureRecord } from '../../schemas/intake.js';
import { childScope, itemKey, type ScopeKey } from '../answer-key.js';
import { FormEngine } from '../form-engine.js';
import { storedAnswer } from '../validation.js';
import { EXT, PXM_EXT, type FhirMappingIssue, type QuestionnaireResponse, type QuestionnaireResponseAnswer, type QuestionnaireResponseItem } from './fhir-types.js';

export interface QuestionnaireResponseExportOptions {
  /** Default `completed`; a saved draft is `in-progress`. */
  status?: QuestionnaireResponse['status'];
  /** When the answers were given; default now. */
  authored?: string;
  id?: string;
  subject?: QuestionnaireResponse['subject'];
  /** Canonical of the Questionnaire; default the definition's `url|version`. */
  questionnaire?: string;
}

export interface QuestionnaireResponseExport {
  response: QuestionnaireResponse;
  issues: FhirMappingIssue[];
}

/** Consent signature type from ASTM E1762 (as listed in the FHIR signature-type value set). */
const CONSENT_SIGNATURE = { system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.7', display: 'Consent Signature' };

export const linkIdOf = (item: { id: string; linkId?: string | undefined }): string => item.linkId ?? item.id;

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The FHIR answer value for a choice option, by the type it was imported from. */
export function optionAnswer(option: ChoiceOption): QuestionnaireResponseAnswer {
  switch (option.valueType) {
    case 'string':
      return { valueString: option.value };
    case 'integer':
      return { valueInteger: Number(option.value) };
    case 'date':
      return { valueDate: option.value };
    default:
      return { valueCoding: { ...(option.system ? { system: option.system } : {}), code: option.value, display: option.label } };
  }
}

function formatAddress(address: AddressAnswer): string {
  const locality = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.line1, address.line2, locality, address.country].filter((part) => part && part.trim()).join(', ');
}

function isIntegerItem(item: Extract<FormItem, { type: 'number' }>): boolean {
  return item.step !== undefined && Number.isInteger(item.step) && (item.min === undefined || Number.isInteger(item.min));
}

class ResponseWriter {
  readonly issues: FhirMappingIssue[] = [];

  constructor(private readonly engine: FormEngine) {}

  items(list: readonly FormItem[], scope: ScopeKey, path: string): QuestionnaireResponseItem[] {
    const out: QuestionnaireResponseItem[] = [];
    for (const item of list) {
      const key = itemKey(scope, item.id);
      if (!this.engine.isVisible(key) || item.type === 'display') continue;
      const linkId = linkIdOf(item);
      const here = `${path}.item(${linkId})`;
      if (item.type === 'section') {
        const children = this.items(item.items, scope, here);
        if (children.length > 0) out.push({ linkId, ...(item.title ? { text: item.title } : {}), item: children });
        continue;
      }
      if (item.type === 'group') {
        const count = this.engine.instanceCount(key);
        for (let index = 0; index < count; index++) {
          const children = this.items(item.items, childScope(scope, item.id, index), `${here}[${index}]`);
          if (children.length > 0) out.push({ linkId, ...(item.label ? { text: item.label } : {}), item: children });
        }
        continue;
      }
      const written = this.answerItem(item, this.engine.getAnswer(key), linkId, here);
      if (written) out.push(written);
    }
    return out;
  }

  private answerItem(item: FormItem, value: AnswerValue | undefined, linkId: string, path: string): QuestionnaireResponseItem | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    const entry: QuestionnaireResponseItem = { linkId, ...(item.label ? { text: item.label } : {}) };
    const answers = this.answers(item, value, linkId, path, entry);
    if (answers.length === 0 && !entry.extension) return undefined;
    if (answers.length > 0) entry.answer = answers;
    return entry;
  }

  private answers(item: FormItem, value: AnswerValue, linkId: string, path: string, entry: QuestionnaireResponseItem): QuestionnaireResponseAnswer[] {
    const mismatch = () => {
      this.issues.push({ linkId, path, message: `The answer does not fit a ${item.type} item; left out.` });
      return [];
    };
    switch (item.type) {
      case 'text':
      case 'long-text':
      case 'phone':
      case 'email':
        return typeof value === 'string' && value.trim() ? [{ valueString: storedAnswer(item, value) as string }] : [];
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return mismatch();
        return [isIntegerItem(item) && Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }];
      case 'scale':
        if (typeof value !== 'number') return mismatch();
        return [Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }];
      case 'date':
        return typeof value === 'string' ? [{ valueDate: value }] : mismatch();
      case 'yes-no':
        return typeof value === 'boolean' ? [{ valueBoolean: value }] : mismatch();
      case 'single-choice':
      case 'multiple-choice': {
        const chosen = Array.isArray(value) ? value : [value];
        const answers: QuestionnaireResponseAnswer[] = [];
        for (const selected of chosen) {
          const option = item.options.find((candidate) => candidate.value === selected);
          if (option) answers.push(optionAnswer(option));
          else this.issues.push({ linkId, path, message: `The answer is not one of the item's options; left out.` });
        }
        return answers;
      }
      case 'address': {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !('line1' in value)) return mismatch();
        this.issues.push({ linkId, path, message: 'FHIR answers have no address type; the address is written as one line of text.' });
        return [{ valueString: formatAddress(value) }];
      }
      case 'insurance-card': {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !('front' in value || 'back' in value)) return mismatch();
        const card = value as InsuranceCardAnswer;
        return (['front', 'back'] as const).flatMap((side) => {
          const ref = card[side];
          return ref ? [{ valueAttachment: { id: ref.id, contentType: ref.contentType, size: ref.size, title: `Insurance card (${side})` } }] : [];
        });
      }
      case 'consent': {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !('agreed' in value)) return mismatch();
        // FHIR's boolean says yes or no; which text (id and version) and when go in extensions.
        entry.extension = [
          { url: PXM_EXT.consentVersion, valueString: `${item.consentId}@${value.version}` },
          ...(value.agreedAt ? [{ url: PXM_EXT.consentAgreedAt, valueDateTime: value.agreedAt }] : []),
        ];
        return [{ valueBoolean: value.agreed }];
      }
      case 'signature': {
        if (typeof value !== 'object' || value === null || Array.isArray(value) || !('signerName' in value)) return mismatch();
        const record = value as SignatureRecord;
        entry.extension = [
          {
            url: EXT.signature,
            valueSignature: {
              type: [CONSENT_SIGNATURE],
              when: record.signedAt,
              who: { display: record.signerName },
              ...(record.svg ? { sigFormat: 'image/svg+xml', data: base64Utf8(record.svg) } : {}),
            },
          },
          // The audit details FHIR's Signature has no element for.
          { url: PXM_EXT.signatureMethod, valueCode: record.method },
          ...(record.textSha256 ? [{ url: PXM_EXT.signatureTextSha256, valueString: record.textSha256 }] : []),
          ...(record.consentId ? [{ url: PXM_EXT.signatureConsent, valueString: `${record.consentId}${record.consentVersion ? `@${record.consentVersion}` : ''}` }] : []),
          ...(record.userAgent ? [{ url: PXM_EXT.signatureUserAgent, valueString: record.userAgent }] : []),
        ];
        return [{ valueString: record.signerName }];
      }
      default:
        return [];
    }
  }
}

/** Exports answers (hidden ones left out) as a QuestionnaireResponse. */
export function exportQuestionnaireResponse(definition: FormDefinition, answers: Answers, options: QuestionnaireResponseExportOptions = {}): QuestionnaireResponseExport {
  const engine = new FormEngine(definition, answers);
  const writer = new ResponseWriter(engine);
  const items: QuestionnaireResponseItem[] = [];
  for (const page of engine.visiblePages()) {
    const pageItems = writer.items(page.items, '', `page(${page.id})`);
    if (page.linkId) {
      if (pageItems.length > 0) items.push({ linkId: page.linkId, text: page.title, item: pageItems });
    } else {
      items.push(...pageItems);
    }
  }
  const questionnaire = options.questionnaire ?? (definition.url ? `${definition.url}|${definition.version}` : undefined);
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    ...(options.id ? { id: options.id } : {}),
    ...(questionnaire ? { questionnaire } : {}),
    status: options.status ?? 'completed',
    ...(options.subject ? { subject: options.subject } : {}),
    authored: options.authored ?? new Date().toISOString(),
    ...(items.length > 0 ? { item: items } : {}),
  };
  return { response, issues: writer.issues };
}
