/**
 * The parts of FHIR R4 `Questionnaire` and `QuestionnaireResponse` this project reads and
 * writes. Input is read defensively from `unknown`; these types describe what is produced.
 */
export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface Extension {
  url: string;
  [value: `value${string}`]: unknown;
  extension?: Extension[];
}

export interface Attachment {
  id?: string;
  contentType?: string;
  size?: number;
  title?: string;
  url?: string;
}

export interface Signature {
  type: Coding[];
  when: string;
  who: { display?: string; reference?: string };
  sigFormat?: string;
  data?: string;
}

export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueString?: string;
  valueCoding?: Coding;
  valueAttachment?: Attachment;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  extension?: Extension[];
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: { reference?: string; display?: string };
  authored?: string;
  item?: QuestionnaireResponseItem[];
}

/** A problem met while mapping to or from FHIR; `path` is FHIRPath-like (`item[2].enableWhen[0]`). */
export interface FhirMappingIssue {
  linkId?: string;
  path: string;
  message: string;
}

/** Base of the extension urls this project defines (names, never fetched); see docs/fhir-mapping.md. */
export const PXM_FHIR_BASE = 'https://pxm-elements.dev/fhir';
const pxmExtension = (name: string) => `${PXM_FHIR_BASE}/StructureDefinition/${name}`;

/** Project extensions for what FHIR has no element for: a signature's and a consent's audit details. */
export const PXM_EXT = {
  /** `valueCode`: `drawn` or `typed`. */
  signatureMethod: pxmExtension('signature-method'),
  /** `valueString`: SHA-256 (hex) of the exact consent text shown. */
  signatureTextSha256: pxmExtension('signature-text-sha256'),
  /** `valueString`: `<consent id>@<version>` signed. */
  signatureConsent: pxmExtension('signature-consent'),
  /** `valueString`: the browser that signed. */
  signatureUserAgent: pxmExtension('signature-user-agent'),
  /** `valueString`: `<consent id>@<version>` of the consent text agreed to (or declined). */
  consentVersion: pxmExtension('consent-version'),
  /** `valueDateTime`: when the patient agreed. */
  consentAgreedAt: pxmExtension('consent-agreed-at'),
} as const;

export const EXT = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  qMinValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minValue',
  qMaxValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxValue',
  regex: 'http://hl7.org/fhir/StructureDefinition/regex',
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  sliderStep: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  coValue: 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
  valueSetOrdinal: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue',
  choiceOrientation: 'http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation',
  renderingXhtml: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml',
  signature: 'http://hl7.org/fhir/StructureDefinition/questionnaireresponse-signature',
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
