/**
 * Every URI this adapter writes or looks for: identifier systems, extensions and local code
 * systems (documented in docs/fhir-mapping.md). They are names, never fetched. Standard FHIR
 * and terminology URIs sit beside them so each is spelled once.
 */
import { EXT, PXM_EXT, PXM_FHIR_BASE } from '@pxm/core/forms';

export { PXM_FHIR_BASE };

// Each name is its own constant, so a bundle keeps only the names its code uses (the grouped
// objects below are the public API); the annotation lets a bundler drop an unused one.
/* @__NO_SIDE_EFFECTS__ */
function identifier(name: string): string {
  return `${PXM_FHIR_BASE}/identifier/${name}`;
}
/* @__NO_SIDE_EFFECTS__ */
function extension(name: string): string {
  return `${PXM_FHIR_BASE}/StructureDefinition/${name}`;
}
/* @__NO_SIDE_EFFECTS__ */
function codeSystem(name: string): string {
  return `${PXM_FHIR_BASE}/CodeSystem/${name}`;
}

/** Appointment: the secret in a patient's manage link. */
export const MANAGE_TOKEN_IDENTIFIER = identifier('manage-token');
/** Appointment, Patient, Coverage, Consent made by a booking: the request's idempotency key. */
export const REQUEST_KEY_IDENTIFIER = identifier('request-key');
/** Task (intake, survey), CarePlan (HEP), QuestionnaireResponse: the token of the link. */
export const LINK_TOKEN_IDENTIFIER = identifier('link-token');
/** Observation: the client-made id of an exercise log. */
export const ACTIVITY_LOG_IDENTIFIER = identifier('activity-log');
/** Consent, Provenance, Observation derived from a submitted response: `<response id>#<part>`. */
export const DERIVED_IDENTIFIER = identifier('derived');
/** EpisodeOfCare: the secret in a progress link (with the link's expiry as its period). */
export const PROGRESS_LINK_IDENTIFIER = identifier('progress-link');
/** CarePlan (the episode's plan of care): the id of the EpisodeOfCare it belongs to. */
export const PROGRESS_EPISODE_IDENTIFIER = identifier('progress-episode');
/** Observation: the client-made id of a patient's goal rating. */
export const GOAL_RATING_IDENTIFIER = identifier('goal-rating');
/** ServiceRequest and Task of a referral: its quotable reference (`REF-7K2M-9QXD`). */
export const REFERRAL_IDENTIFIER = identifier('referral');
/** Communication: the transmission id of a message to the referrer; DocumentReference: the plan of care id. */
export const REFERRAL_RECORD_IDENTIFIER = identifier('referral-record');
/** CommunicationRequest and Communication of a message to a patient: the server's outbox id. */
export const OUTBOX_MESSAGE_IDENTIFIER = identifier('outbox-message');
/** Communication of a patient's reply: the server's reply id. */
export const PATIENT_REPLY_IDENTIFIER = identifier('patient-reply');

export const IDENTIFIER = {
  manageToken: MANAGE_TOKEN_IDENTIFIER,
  requestKey: REQUEST_KEY_IDENTIFIER,
  linkToken: LINK_TOKEN_IDENTIFIER,
  activityLog: ACTIVITY_LOG_IDENTIFIER,
  derived: DERIVED_IDENTIFIER,
  progressLink: PROGRESS_LINK_IDENTIFIER,
  progressEpisode: PROGRESS_EPISODE_IDENTIFIER,
  goalRating: GOAL_RATING_IDENTIFIER,
  referral: REFERRAL_IDENTIFIER,
  referralRecord: REFERRAL_RECORD_IDENTIFIER,
  outboxMessage: OUTBOX_MESSAGE_IDENTIFIER,
  patientReply: PATIENT_REPLY_IDENTIFIER,
} as const;

export const CANCELLATION_POLICY_EXTENSION = extension('cancellation-policy');
export const WHAT_TO_BRING_EXTENSION = extension('what-to-bring');
export const REVIEW_LINK_EXTENSION = extension('review-link');
export const VISIT_DURATION_EXTENSION = extension('visit-duration');
export const VISIT_BUFFER_EXTENSION = extension('visit-buffer');
export const PATIENT_ELIGIBILITY_EXTENSION = extension('patient-eligibility');
export const VISIT_MODALITY_EXTENSION = extension('visit-modality');
export const PRACTITIONER_BIO_EXTENSION = extension('practitioner-bio');
export const SLOT_HOLD_EXTENSION = extension('slot-hold');
export const RESCHEDULED_FROM_EXTENSION = extension('rescheduled-from');
/** Appointment: when the patient said they will come ("I'll be there"). */
export const ATTENDANCE_CONFIRMED_EXTENSION = extension('attendance-confirmed');
export const WAITLIST_PREFERENCE_EXTENSION = extension('waitlist-preference');
export const DRAFT_VERSION_EXTENSION = extension('draft-version');
export const DRAFT_ANSWERS_EXTENSION = extension('draft-answers');
export const DRAFT_PAGE_EXTENSION = extension('draft-page');
export const SUBMISSION_KEY_EXTENSION = extension('submission-key');
export const PROGRAM_VERSION_EXTENSION = extension('program-version');
export const EXERCISE_DOSAGE_EXTENSION = extension('exercise-dosage');
export const EXERCISE_MEDIA_EXTENSION = extension('exercise-media');
export const EXERCISE_NOTE_EXTENSION = extension('exercise-note');
export const EXERCISE_DAYS_PER_WEEK_EXTENSION = extension('exercise-days-per-week');
export const EXERCISE_LOG_PER_SET_EXTENSION = extension('exercise-log-per-set');
export const PAIN_ALERT_THRESHOLD_EXTENSION = extension('pain-alert-threshold');
export const PAIN_GUIDANCE_EXTENSION = extension('pain-guidance');
export const GOAL_ATTAINMENT_SCALE_EXTENSION = extension('goal-attainment-scale');
export const GOAL_RATING_AUTHOR_EXTENSION = extension('goal-rating-author');
export const REFERRING_PHYSICIAN_EXTENSION = extension('referring-physician');
export const MEASURE_EVERY_VISITS_EXTENSION = extension('measure-every-visits');
export const MEASURE_AT_DISCHARGE_EXTENSION = extension('measure-at-discharge');
export const SIGNATURE_METHOD_EXTENSION = PXM_EXT.signatureMethod;
export const SIGNATURE_TEXT_SHA256_EXTENSION = PXM_EXT.signatureTextSha256;
export const SIGNATURE_CONSENT_EXTENSION = PXM_EXT.signatureConsent;
export const SIGNATURE_USER_AGENT_EXTENSION = PXM_EXT.signatureUserAgent;
/** Standard (FHIR extensions pack): IANA time zone of a Location or a plan. */
export const TIME_ZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
/** R5 `Appointment.cancellationDate`, carried back to R4. */
export const CANCELLATION_DATE_EXTENSION = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.cancellationDate';
/** Standard R4 core extension: a signature on a response or one of its items. */
export const RESPONSE_SIGNATURE_EXTENSION = EXT.signature;
/** CoverageEligibilityResponse item: another service category drawing on the same visit pool. */
export const SHARED_VISIT_POOL_EXTENSION = extension('shared-visit-pool');
/** CoverageEligibilityResponse item: `calendar-year` or `plan-year` (R4's `term` says only `annual`). */
export const BENEFIT_PERIOD_EXTENSION = extension('benefit-period');

export const EXTENSION = {
  cancellationPolicy: CANCELLATION_POLICY_EXTENSION,
  whatToBring: WHAT_TO_BRING_EXTENSION,
  reviewLink: REVIEW_LINK_EXTENSION,
  visitDuration: VISIT_DURATION_EXTENSION,
  visitBuffer: VISIT_BUFFER_EXTENSION,
  patientEligibility: PATIENT_ELIGIBILITY_EXTENSION,
  visitModality: VISIT_MODALITY_EXTENSION,
  practitionerBio: PRACTITIONER_BIO_EXTENSION,
  slotHold: SLOT_HOLD_EXTENSION,
  rescheduledFrom: RESCHEDULED_FROM_EXTENSION,
  attendanceConfirmed: ATTENDANCE_CONFIRMED_EXTENSION,
  waitlistPreference: WAITLIST_PREFERENCE_EXTENSION,
  draftVersion: DRAFT_VERSION_EXTENSION,
  draftAnswers: DRAFT_ANSWERS_EXTENSION,
  draftPage: DRAFT_PAGE_EXTENSION,
  submissionKey: SUBMISSION_KEY_EXTENSION,
  programVersion: PROGRAM_VERSION_EXTENSION,
  exerciseDosage: EXERCISE_DOSAGE_EXTENSION,
  exerciseMedia: EXERCISE_MEDIA_EXTENSION,
  exerciseNote: EXERCISE_NOTE_EXTENSION,
  exerciseDaysPerWeek: EXERCISE_DAYS_PER_WEEK_EXTENSION,
  exerciseLogPerSet: EXERCISE_LOG_PER_SET_EXTENSION,
  painAlertThreshold: PAIN_ALERT_THRESHOLD_EXTENSION,
  painGuidance: PAIN_GUIDANCE_EXTENSION,
  goalAttainmentScale: GOAL_ATTAINMENT_SCALE_EXTENSION,
  goalRatingAuthor: GOAL_RATING_AUTHOR_EXTENSION,
  referringPhysician: REFERRING_PHYSICIAN_EXTENSION,
  measureEveryVisits: MEASURE_EVERY_VISITS_EXTENSION,
  measureAtDischarge: MEASURE_AT_DISCHARGE_EXTENSION,
  signatureMethod: SIGNATURE_METHOD_EXTENSION,
  signatureTextSha256: SIGNATURE_TEXT_SHA256_EXTENSION,
  signatureConsent: SIGNATURE_CONSENT_EXTENSION,
  signatureUserAgent: SIGNATURE_USER_AGENT_EXTENSION,
  timeZone: TIME_ZONE_EXTENSION,
  cancellationDate: CANCELLATION_DATE_EXTENSION,
  responseSignature: RESPONSE_SIGNATURE_EXTENSION,
  sharedVisitPool: SHARED_VISIT_POOL_EXTENSION,
  benefitPeriod: BENEFIT_PERIOD_EXTENSION,
} as const;

export const VISIT_MODALITY_CODE_SYSTEM = codeSystem('visit-modality');
export const PATIENT_ELIGIBILITY_CODE_SYSTEM = codeSystem('patient-eligibility');
export const REMINDER_CHANNEL_CODE_SYSTEM = codeSystem('reminder-channel');
/** What a message to a patient is: `reminder`, `intake`, `intake-nudge`, `exercise-program`, `survey`. */
export const JOURNEY_STEP_CODE_SYSTEM = codeSystem('journey-step');
/** What a patient's reply asked: `confirm`, `opt-out`, `opt-in`, `help`, `other`. */
export const REPLY_INTENT_CODE_SYSTEM = codeSystem('reply-intent');
/** Why a message did not go: `no-consent`, `address-suppressed`, `too-late`, `appointment-changed`, ... */
export const MESSAGE_OUTCOME_CODE_SYSTEM = codeSystem('message-outcome');
export const HEP_CODE_SYSTEM = codeSystem('hep');
export const EXERCISE_CODE_SYSTEM = codeSystem('exercise');
export const INSTRUMENT_CODE_SYSTEM = codeSystem('instrument');
export const PROGRESS_CODE_SYSTEM = codeSystem('progress');
export const ATTACHMENT_PURPOSE_CODE_SYSTEM = codeSystem('attachment-purpose');
export const TIME_OF_DAY_CODE_SYSTEM = codeSystem('time-of-day');
export const CONSENT_CODE_SYSTEM = codeSystem('consent');
/** Patient `meta.tag` `unverified`: made for a returning patient nobody matched, for staff to reconcile. */
export const PATIENT_MATCH_CODE_SYSTEM = codeSystem('patient-match');
/** Benefit types R4's benefit-type lacks: `out-of-pocket` (the yearly maximum the patient pays). */
export const PXM_BENEFIT_TYPE_CODE_SYSTEM = codeSystem('benefit-type');

export const CODE_SYSTEM = {
  visitModality: VISIT_MODALITY_CODE_SYSTEM,
  patientEligibility: PATIENT_ELIGIBILITY_CODE_SYSTEM,
  reminderChannel: REMINDER_CHANNEL_CODE_SYSTEM,
  journeyStep: JOURNEY_STEP_CODE_SYSTEM,
  replyIntent: REPLY_INTENT_CODE_SYSTEM,
  messageOutcome: MESSAGE_OUTCOME_CODE_SYSTEM,
  hep: HEP_CODE_SYSTEM,
  exercise: EXERCISE_CODE_SYSTEM,
  instrument: INSTRUMENT_CODE_SYSTEM,
  progress: PROGRESS_CODE_SYSTEM,
  attachmentPurpose: ATTACHMENT_PURPOSE_CODE_SYSTEM,
  timeOfDay: TIME_OF_DAY_CODE_SYSTEM,
  consent: CONSENT_CODE_SYSTEM,
  patientMatch: PATIENT_MATCH_CODE_SYSTEM,
  benefitType: PXM_BENEFIT_TYPE_CODE_SYSTEM,
} as const;

// Standard FHIR and terminology systems (the project's own are the `*_CODE_SYSTEM` above).
export const LOINC_SYSTEM = 'http://loinc.org';
export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
export const PARTICIPATION_MODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
export const V2_0276_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0276';
export const CANCEL_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const SUBSCRIBER_RELATIONSHIP_SYSTEM = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';
export const COVERAGE_CLASS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/coverage-class';
export const COVERAGE_SELF_PAY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/coverage-selfpay';
export const BENEFIT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/benefit-type';
export const BENEFIT_NETWORK_SYSTEM = 'http://terminology.hl7.org/CodeSystem/benefit-network';
export const BENEFIT_UNIT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/benefit-unit';
export const BENEFIT_TERM_SYSTEM = 'http://terminology.hl7.org/CodeSystem/benefit-term';
/** X12 service type codes (element 1365), as the Da Vinci guides name them: PT, AD, AF, AE, 30. */
export const X12_SERVICE_TYPE_SYSTEM = 'https://codesystem.x12.org/005010/1365';
export const SIGNATURE_TYPE_SYSTEM = 'urn:iso-astm:E1762-95:2013';
export const PROVENANCE_AGENT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const DATA_OPERATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
export const GOAL_ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
export const COMMUNICATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/communication-category';

/** LOINC 72514-3: pain severity, 0-10 verbal numeric rating, reported. */
export const LOINC_PAIN_NRS = '72514-3';
/** SNOMED CT 229065009: exercise therapy. */
export const SNOMED_EXERCISE_THERAPY = '229065009';
/** ASTM E1762 signature type: consent signature. */
export const SIGNATURE_CONSENT = '1.2.840.10065.1.12.1.7';
/** LOINC 59284-0: consent document (patient consent). */
export const LOINC_PATIENT_CONSENT = '59284-0';
