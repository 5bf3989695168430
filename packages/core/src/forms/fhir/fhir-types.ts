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

export const EXT = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  qMinValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minValue',
  qMaxValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxValue',
  regex: 'http://hl7.org/fhir/StructureDefinition/regex',
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
