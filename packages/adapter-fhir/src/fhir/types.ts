/**
 * The slice of FHIR R4 this adapter reads and writes, typed by hand so the package carries no
 * FHIR type library. Every field is optional on reads: servers omit what they like, and the
 * mappers check what they need.
 */

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  tag?: Coding[];
}

export interface Extension {
  url: string;
  extension?: Extension[];
  valueString?: string;
  valueMarkdown?: string;
  valueCode?: string;
  valueInteger?: number;
  valueDecimal?: number;
  valueBoolean?: boolean;
  valueInstant?: string;
  valueDateTime?: string;
  valueDate?: string;
  valueUrl?: string;
  valueUri?: string;
  valueMoney?: Money;
  valueReference?: Reference;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueAttachment?: Attachment;
  valueSignature?: Signature;
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: string;
  system?: string;
  value?: string;
  period?: Period;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Money {
  value?: number;
  currency?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface HumanName {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}

export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: string;
  rank?: number;
}

export interface Address {
  use?: string;
  text?: string;
  line?: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface Attachment {
  contentType?: string;
  url?: string;
  size?: number;
  title?: string;
  creation?: string;
  data?: string;
  hash?: string;
}

export interface Annotation {
  text: string;
  time?: string;
}

export interface Narrative {
  status: 'generated' | 'extensions' | 'additional' | 'empty';
  div: string;
}

export interface Signature {
  type: Coding[];
  when: string;
  who: Reference;
  sigFormat?: string;
  data?: string;
  extension?: Extension[];
}

export interface Timing {
  repeat?: {
    frequency?: number;
    period?: number;
    periodUnit?: 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';
    dayOfWeek?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
    boundsPeriod?: Period;
  };
  code?: CodeableConcept;
}

export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  text?: Narrative;
  contained?: Resource[];
  extension?: Extension[];
}

export interface BundleLink {
  relation: string;
  url: string;
}

export interface BundleEntry<R extends Resource = Resource> {
  fullUrl?: string;
  resource?: R;
  search?: { mode?: 'match' | 'include' | 'outcome' };
  request?: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; ifNoneExist?: string; ifMatch?: string };
  response?: { status?: string; location?: string; etag?: string; outcome?: Resource };
}

export interface Bundle<R extends Resource = Resource> extends Resource {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: BundleLink[];
  entry?: Array<BundleEntry<R>>;
}

export interface OperationOutcomeIssue {
  severity?: 'fatal' | 'error' | 'warning' | 'information';
  code?: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
  location?: string[];
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: OperationOutcomeIssue[];
}

export interface ParametersParameter {
  name: string;
  valueString?: string;
  valueDateTime?: string;
  valueReference?: Reference;
  valueCoding?: Coding;
  valueBoolean?: boolean;
  resource?: Resource;
  part?: ParametersParameter[];
}

export interface Parameters extends Resource {
  resourceType: 'Parameters';
  parameter?: ParametersParameter[];
}

export interface CapabilityStatement extends Resource {
  resourceType: 'CapabilityStatement';
  fhirVersion?: string;
  rest?: Array<{
    mode?: string;
    resource?: Array<{
      type?: string;
      interaction?: Array<{ code?: string }>;
      conditionalCreate?: boolean;
      versioning?: string;
      operation?: Array<{ name?: string; definition?: string }>;
    }>;
    interaction?: Array<{ code?: string }>;
    operation?: Array<{ name?: string; definition?: string }>;
  }>;
}

export interface Organization extends Resource {
  resourceType: 'Organization';
  identifier?: Identifier[];
  active?: boolean;
  name?: string;
  telecom?: ContactPoint[];
  address?: Address[];
}

export interface Location extends Resource {
  resourceType: 'Location';
  identifier?: Identifier[];
  status?: 'active' | 'suspended' | 'inactive';
  name?: string;
  telecom?: ContactPoint[];
  address?: Address;
  managingOrganization?: Reference;
}

export interface HealthcareService extends Resource {
  resourceType: 'HealthcareService';
  identifier?: Identifier[];
  active?: boolean;
  providedBy?: Reference;
  type?: CodeableConcept[];
  /** The therapy discipline (SNOMED CT), where the practice says it. */
  specialty?: CodeableConcept[];
  location?: Reference[];
  name?: string;
  comment?: string;
  appointmentRequired?: boolean;
}

export interface Practitioner extends Resource {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  photo?: Attachment[];
  communication?: CodeableConcept[];
}

export interface PractitionerRole extends Resource {
  resourceType: 'PractitionerRole';
  active?: boolean;
  practitioner?: Reference;
  organization?: Reference;
  location?: Reference[];
  healthcareService?: Reference[];
}

export interface Schedule extends Resource {
  resourceType: 'Schedule';
  active?: boolean;
  serviceType?: CodeableConcept[];
  actor?: Reference[];
  planningHorizon?: Period;
}

export type SlotStatus = 'busy' | 'free' | 'busy-unavailable' | 'busy-tentative' | 'entered-in-error';

export interface Slot extends Resource {
  resourceType: 'Slot';
  serviceType?: CodeableConcept[];
  appointmentType?: CodeableConcept;
  schedule?: Reference;
  status?: SlotStatus;
  start?: string;
  end?: string;
  comment?: string;
}

export type AppointmentStatusCode =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export interface AppointmentParticipant {
  type?: CodeableConcept[];
  actor?: Reference;
  required?: 'required' | 'optional' | 'information-only';
  status: 'accepted' | 'declined' | 'tentative' | 'needs-action';
}

export interface Appointment extends Resource {
  resourceType: 'Appointment';
  identifier?: Identifier[];
  status?: AppointmentStatusCode;
  cancelationReason?: CodeableConcept;
  serviceType?: CodeableConcept[];
  appointmentType?: CodeableConcept;
  reasonCode?: CodeableConcept[];
  description?: string;
  start?: string;
  end?: string;
  minutesDuration?: number;
  slot?: Reference[];
  created?: string;
  comment?: string;
  patientInstruction?: string;
  participant?: AppointmentParticipant[];
  requestedPeriod?: Period[];
}

export interface Patient extends Resource {
  resourceType: 'Patient';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  birthDate?: string;
}

export interface RelatedPerson extends Resource {
  resourceType: 'RelatedPerson';
  patient: Reference;
  relationship?: CodeableConcept[];
  name?: HumanName[];
  birthDate?: string;
}

export interface Coverage extends Resource {
  resourceType: 'Coverage';
  identifier?: Identifier[];
  status?: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  type?: CodeableConcept;
  subscriber?: Reference;
  subscriberId?: string;
  beneficiary?: Reference;
  relationship?: CodeableConcept;
  payor?: Reference[];
  class?: Array<{ type: CodeableConcept; value: string; name?: string }>;
}

/** One service category of a CoverageEligibilityResponse, with its benefit balances. */
export interface CoverageEligibilityItem {
  extension?: Extension[];
  category?: CodeableConcept;
  excluded?: boolean;
  name?: string;
  network?: CodeableConcept;
  unit?: CodeableConcept;
  term?: CodeableConcept;
  benefit?: Array<{
    type?: CodeableConcept;
    allowedUnsignedInt?: number;
    allowedMoney?: Money;
    usedUnsignedInt?: number;
    usedMoney?: Money;
  }>;
  authorizationRequired?: boolean;
}

export interface CoverageEligibilityResponse extends Resource {
  resourceType: 'CoverageEligibilityResponse';
  status?: string;
  outcome?: 'queued' | 'complete' | 'error' | 'partial';
  disposition?: string;
  created?: string;
  insurance?: Array<{
    coverage?: Reference;
    inforce?: boolean;
    item?: CoverageEligibilityItem[];
  }>;
  error?: Array<{ code?: CodeableConcept }>;
}

export interface Consent extends Resource {
  resourceType: 'Consent';
  identifier?: Identifier[];
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient?: Reference;
  dateTime?: string;
  sourceAttachment?: Attachment;
  policyRule?: CodeableConcept;
  provision?: {
    type?: 'deny' | 'permit';
    period?: Period;
    code?: CodeableConcept[];
    action?: CodeableConcept[];
  };
}

export interface Provenance extends Resource {
  resourceType: 'Provenance';
  target: Reference[];
  recorded: string;
  activity?: CodeableConcept;
  agent: Array<{ type?: CodeableConcept; who: Reference }>;
  entity?: Array<{ role: 'derivation' | 'revision' | 'quotation' | 'source' | 'removal'; what: Reference }>;
  signature?: Signature[];
}

export interface Task extends Resource {
  resourceType: 'Task';
  identifier?: Identifier[];
  status?: string;
  intent?: string;
  code?: CodeableConcept;
  focus?: Reference;
  for?: Reference;
  authoredOn?: string;
  lastModified?: string;
  owner?: Reference;
  requester?: Reference;
  restriction?: { period?: Period };
  output?: Array<{ type: CodeableConcept; valueReference?: Reference }>;
}

export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueUri?: string;
  valueAttachment?: Attachment;
  valueCoding?: Coding;
  valueQuantity?: Quantity;
  valueReference?: Reference;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  extension?: Extension[];
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends Resource {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  basedOn?: Reference[];
  questionnaire?: string;
  status?: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: Reference;
  authored?: string;
  author?: Reference;
  source?: Reference;
  item?: QuestionnaireResponseItem[];
}

export interface Questionnaire extends Resource {
  resourceType: 'Questionnaire';
  url?: string;
  identifier?: Identifier[];
  version?: string;
  name?: string;
  title?: string;
  status?: string;
  item?: unknown[];
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueInteger?: number;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
}

export interface Observation extends Resource {
  resourceType: 'Observation';
  identifier?: Identifier[];
  basedOn?: Reference[];
  partOf?: Reference[];
  status?: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject?: Reference;
  focus?: Reference[];
  effectiveDateTime?: string;
  issued?: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  valueInteger?: number;
  valueCodeableConcept?: CodeableConcept;
  method?: CodeableConcept;
  derivedFrom?: Reference[];
  component?: ObservationComponent[];
  note?: Annotation[];
}

export interface CarePlanActivity {
  reference?: Reference;
  detail?: {
    kind?: string;
    code?: CodeableConcept;
    status?: string;
    scheduledTiming?: Timing;
    description?: string;
    extension?: Extension[];
  };
  extension?: Extension[];
}

export interface CarePlan extends Resource {
  resourceType: 'CarePlan';
  identifier?: Identifier[];
  status?: string;
  intent?: string;
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject?: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  activity?: CarePlanActivity[];
  note?: Annotation[];
  goal?: Reference[];
  supportingInfo?: Reference[];
}

export interface EpisodeOfCare extends Resource {
  resourceType: 'EpisodeOfCare';
  identifier?: Identifier[];
  status?: 'planned' | 'waitlist' | 'active' | 'onhold' | 'finished' | 'cancelled' | 'entered-in-error';
  type?: CodeableConcept[];
  patient?: Reference;
  managingOrganization?: Reference;
  period?: Period;
  careManager?: Reference;
}

export interface GoalTarget {
  measure?: CodeableConcept;
  detailString?: string;
  detailInteger?: number;
  dueDate?: string;
  extension?: Extension[];
}

export interface Goal extends Resource {
  resourceType: 'Goal';
  identifier?: Identifier[];
  lifecycleStatus?: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
  achievementStatus?: CodeableConcept;
  description?: CodeableConcept;
  subject?: Reference;
  startDate?: string;
  target?: GoalTarget[];
  note?: Annotation[];
}

export interface Encounter extends Resource {
  resourceType: 'Encounter';
  status?: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled' | 'entered-in-error' | 'unknown';
  class?: Coding;
  subject?: Reference;
  episodeOfCare?: Reference[];
  period?: Period;
}

export interface ServiceRequest extends Resource {
  resourceType: 'ServiceRequest';
  identifier?: Identifier[];
  basedOn?: Reference[];
  status?: string;
  intent?: string;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject?: Reference;
  occurrenceTiming?: Timing;
  authoredOn?: string;
  requester?: Reference;
  performer?: Reference[];
  bodySite?: CodeableConcept[];
  note?: Annotation[];
  patientInstruction?: string;
}

export interface DocumentReference extends Resource {
  resourceType: 'DocumentReference';
  status: 'current' | 'superseded' | 'entered-in-error';
  type?: CodeableConcept;
  category?: CodeableConcept[];
  subject?: Reference;
  date?: string;
  description?: string;
  content: Array<{ attachment: Attachment }>;
  context?: { related?: Reference[] };
}

export interface Binary extends Resource {
  resourceType: 'Binary';
  contentType: string;
  data?: string;
}

export interface CoverageEligibilityRequest extends Resource {
  resourceType: 'CoverageEligibilityRequest';
  status: 'active';
  purpose: Array<'auth-requirements' | 'benefits' | 'discovery' | 'validation'>;
  patient: Reference;
  created: string;
  insurer: Reference;
  provider?: Reference;
  insurance?: Array<{ focal?: boolean; coverage: Reference }>;
  /** The service categories asked about. */
  item?: Array<{ category?: CodeableConcept }>;
}

export interface Communication extends Resource {
  resourceType: 'Communication';
  identifier?: Identifier[];
  basedOn?: Reference[];
  inResponseTo?: Reference[];
  status: 'preparation' | 'in-progress' | 'not-done' | 'on-hold' | 'stopped' | 'completed' | 'entered-in-error' | 'unknown';
  statusReason?: CodeableConcept;
  category?: CodeableConcept[];
  medium?: CodeableConcept[];
  subject?: Reference;
  topic?: CodeableConcept;
  about?: Reference[];
  sent?: string;
  received?: string;
  recipient?: Reference[];
  sender?: Reference;
  payload?: Array<{ contentString?: string }>;
}

export interface CommunicationRequest extends Resource {
  resourceType: 'CommunicationRequest';
  identifier?: Identifier[];
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  statusReason?: CodeableConcept;
  category?: CodeableConcept[];
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  medium?: CodeableConcept[];
  subject?: Reference;
  about?: Reference[];
  payload?: Array<{ contentString?: string }>;
  occurrenceDateTime?: string;
  authoredOn?: string;
  requester?: Reference;
  recipient?: Reference[];
  sender?: Reference;
}
