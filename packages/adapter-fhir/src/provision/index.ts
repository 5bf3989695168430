/**
 * `@pxm/adapter-fhir/provision`: builds the FHIR resources this adapter reads, from the same
 * domain objects the memory adapter is seeded with. Use it to load a practice into a FHIR server
 * (`transactionBundle`) or to see what an EMR's data must look like.
 */
export { practiceResources, slotResources, transactionBundle, type PracticeDescription } from './practice-resources.js';
export { appointmentResource, patientResource, type ExistingVisit, type KnownPatient } from './appointment-resources.js';
export { questionnaireFromForm } from './form-questionnaire.js';
export { questionnaireTask, type QuestionnaireInvitation } from './invitation-resources.js';
export { scoreObservation } from './intake-resources.js';
export { carePlanVersions, activityObservations, type CarePlanLinks } from './hep-resources.js';
export { questionnaireFromSurvey, surveyResponseResource } from './survey-resources.js';
export { progressResources, type ProgressDescription, type ProgressLinks } from './progress-resources.js';
export {
  messageCommunication,
  messageCommunicationRequest,
  replyCommunication,
  type MessageStepCode,
  type OutboxMessageRecord,
  type PatientReplyRecord,
} from './messaging-resources.js';
