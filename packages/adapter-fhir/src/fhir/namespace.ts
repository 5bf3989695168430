/**
 * Every URI this adapter writes or looks for: identifier systems, extensions and local code
 * systems (documented in docs/fhir-mapping.md). They are names, never fetched. Standard FHIR
 * and terminology URIs sit beside them so each is spelled once.
 */
import { EXT, PXM_EXT, PXM_FHIR_BASE } from '@pxm/core/forms';

export { PXM_FHIR_BASE };

const identifier = (name: string) => `${PXM_FHIR_BASE}/identifier/${name}`;
const extension = (name: string) => `${PXM_FHIR_BASE}/StructureDefinition/${name}`;
const codeSystem = (name: string) => `${PXM_FHIR_BASE}/CodeSystem/${name}`;

export const IDENTIFIER = {
  /** Appointment: the secret in a patient's manage link. */
  manageToken: identifier('manage-token'),
  /** Appointment, Patient, Coverage, Consent made by a booking: the request's idempotency key. */
  requestKey: identifier('request-key'),
  /** Task (intake, survey), CarePlan (HEP), QuestionnaireResponse: the token of the link. */
  linkToken: identifier('link-token'),
  /** Observation: the client-made id of an exercise log. */
  activityLog: identifier('activity-log'),
  /** Consent, Provenance, Observation derived from a submitted response: `<response id>#<part>`. */
  derived: identifier('derived'),
  /** EpisodeOfCare: the secret in a progress link (with the link's expiry as its period). */
  progressLink: identifier('progress-link'),
  /** CarePlan (the episode's plan of care): the id of the EpisodeOfCare it belongs to. */
  progressEpisode: identifier('progress-episode'),
  /** Observation: the client-made id of a patient's goal rating. */
  goalRating: identifier('goal-rating'),
  /** ServiceRequest and Task of a referral: its quotable reference (`REF-7K2M-9QXD`). */
  referral: identifier('referral'),
  /** Communication: the transmission id of a message to the referrer; DocumentReference: the plan of care id. */
  referralRecord: identifier('referral-record'),
  /** CommunicationRequest and Communication of a message to a patient: the server's outbox id. */
  outboxMessage: identifier('outbox-message'),
  /** Communication of a patient's reply: the server's reply id. */
  patientReply: identifier('patient-reply'),
} as const;

export const EXTENSION = {
  cancellationPolicy: extension('cancellation-policy'),
  whatToBring: extension('what-to-bring'),
  reviewLink: extension('review-link'),
  visitDuration: extension('visit-duration'),
  visitBuffer: extension('visit-buffer'),
  patientEligibility: extension('patient-eligibility'),
  visitModality: extension('visit-modality'),
  practitionerBio: extension('practitioner-bio'),
  slotHold: extension('slot-hold'),
  rescheduledFrom: extension('rescheduled-from'),
  /** Appointment: when the patient said they will come ("I'll be there"). */
  attendanceConfirmed: extension('attendance-confirmed'),
  waitlistPreference: extension('waitlist-preference'),
  draftVersion: extension('draft-version'),
  draftAnswers: extension('draft-answers'),
  draftPage: extension('draft-page'),
  submissionKey: extension('submission-key'),
  programVersion: extension('program-version'),
  exerciseDosage: extension('exercise-dosage'),
  exerciseMedia: extension('exercise-media'),
  exerciseNote: extension('exercise-note'),
  exerciseDaysPerWeek: extension('exercise-days-per-week'),
  exerciseLogPerSet: extension('exercise-log-per-set'),
  painAlertThreshold: extension('pain-alert-threshold'),
  painGuidance: extension('pain-guidance'),
  goalAttainmentScale: extension('goal-attainment-scale'),
  goalRatingAuthor: extension('goal-rating-author'),
  referringPhysician: extension('referring-physician'),
  measureEveryVisits: extension('measure-every-visits'),
  measureAtDischarge: extension('measure-at-discharge'),
  signatureMethod: PXM_EXT.signatureMethod,
  signatureTextSha256: PXM_EXT.signatureTextSha256,
  signatureConsent: PXM_EXT.signatureConsent,
  signatureUserAgent: PXM_EXT.signatureUserAgent,
  /** Standard (FHIR extensions pack): IANA time zone of a Location or a plan. */
  timeZone: 'http://hl7.org/fhir/StructureDefinition/timezone',
  /** R5 `Appointment.cancellationDate`, carried back to R4. */
  cancellationDate: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.cancellationDate',
  /** Standard R4 core extension: a signature on a response or one of its items. */
  responseSignature: EXT.signature,
  /** CoverageEligibilityResponse item: another service category drawing on the same visit pool. */
  sharedVisitPool: extension('shared-visit-pool'),
  /** CoverageEligibilityResponse item: `calendar-year` or `plan-year` (R4's `term` says only `annual`). */
  benefitPeriod: extension('benefit-period'),
} as const;

export const CODE_SYSTEM = {
  visitModality: codeSystem('visit-modality'),
  patientEligibility: codeSystem('patient-eligibility'),
  reminderChannel: codeSystem('reminder-channel'),
  /** What a message to a patient is: `reminder`, `intake`, `intake-nudge`, `exercise-program`, `survey`. */
  journeyStep: codeSystem('journey-step'),
  /** What a patient's reply asked: `confirm`, `opt-out`, `opt-in`, `help`, `other`. */
  replyIntent: codeSystem('reply-intent'),
  /** Why a message did not go: `no-consent`, `address-suppressed`, `too-late`, `appointment-changed`, ... */
  messageOutcome: codeSystem('message-outcome'),
  hep: codeSystem('hep'),
  exercise: codeSystem('exercise'),
  instrument: codeSystem('instrument'),
  progress: codeSystem('progress'),
  attachmentPurpose: codeSystem('attachment-purpose'),
  timeOfDay: codeSystem('time-of-day'),
  consent: codeSystem('consent'),
  /** Patient `meta.tag` `unverified`: made for a returning patient nobody matched, for staff to reconcile. */
  patientMatch: codeSystem('patient-match'),
  /** Benefit types R4's benefit-type lacks: `out-of-pocket` (the yearly maximum the patient pays). */
  benefitType: codeSystem('benefit-type'),
} as const;

export const STANDARD = {
  loinc: 'http://loinc.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
  snomed: 'http://snomed.info/sct',
  bcp47: 'urn:ietf:bcp:47',
  v20276: 'http://terminology.hl7.org/CodeSystem/v2-0276',
  cancelReason: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  coverageSelfPay: 'http://terminology.hl7.org/CodeSystem/coverage-selfpay',
  benefitType: 'http://terminology.hl7.org/CodeSystem/benefit-type',
  benefitNetwork: 'http://terminology.hl7.org/CodeSystem/benefit-network',
  benefitUnit: 'http://terminology.hl7.org/CodeSystem/benefit-unit',
  benefitTerm: 'http://terminology.hl7.org/CodeSystem/benefit-term',
  /** X12 service type codes (element 1365), as the Da Vinci guides name them: PT, AD, AF, AE, 30. */
  x12ServiceType: 'https://codesystem.x12.org/005010/1365',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  provenanceAgentType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  ucum: 'http://unitsofmeasure.org',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  communicationCategory: 'http://terminology.hl7.org/CodeSystem/communication-category',
} as const;

/** LOINC 72514-3: pain severity, 0-10 verbal numeric rating, reported. */
export const LOINC_PAIN_NRS = '72514-3';
/** SNOMED CT 229065009: exercise therapy. */
export const SNOMED_EXERCISE_THERAPY = '229065009';
/** ASTM E1762 signature type: consent signature. */
export const SIGNATURE_CONSENT = '1.2.840.10065.1.12.1.7';
/** LOINC 59284-0: consent document (patient consent). */
export const LOINC_PATIENT_CONSENT = '59284-0';
