/**
 * The FHIR plumbing more than one area's code uses (names, element readers, the practice's
 * Organization, link tokens, invitations and their one response), as one module for the areas
 * to import. Each area loads its code on first use, and a bundler makes a file of every module
 * shared by a different set of areas; reached through here, the shared modules are one file, not
 * four, on a page that composes several areas. A page composing one area keeps only what it uses.
 */
export { codeIn, complexExtension, conceptsOverlap, extensionOf, extensionsOf, hasCoding, identifierOf, identifierValue, parseReference, part, parts, referenceId, referenceTo, sameCoding, token, withExtension } from './fhir/elements.js';
export { findByLinkToken, isWellFormedToken, refuseExpired, type LinkedResource } from './fhir/link-token.js';
export {
  ACTIVITY_LOG_IDENTIFIER,
  GOAL_RATING_IDENTIFIER,
  INSTRUMENT_CODE_SYSTEM,
  LINK_TOKEN_IDENTIFIER,
  LOINC_PAIN_NRS,
  LOINC_PATIENT_CONSENT,
  LOINC_SYSTEM,
  MANAGE_TOKEN_IDENTIFIER,
  PROGRESS_CODE_SYSTEM,
  PROGRESS_EPISODE_IDENTIFIER,
  PROGRESS_LINK_IDENTIFIER,
  REQUEST_KEY_IDENTIFIER,
  SIGNATURE_CONSENT,
  SNOMED_EXERCISE_THERAPY,
} from './fhir/namespace.js';
export { fromFhirMoney, fromOrganization, telecomValue, toFhirMoney, toOrganization } from './booking/practice-mapping.js';
export { SDC_TASK_SYSTEM, findInvitation, isExpired, openInvitation, questionnaireOf, questionnaireReader, type Invitation } from './intake/invitation.js';
export { completeTask, draftAnswersOf, findLinkResponse, firstResponse, isDone, linkResponse, submissionKeyOf, submitOnce, withDraftAnswers, withSubmissionKey, type LinkResponseFields, type SubmitOnce } from './intake/link-response.js';
export { isConflict } from './http/errors.js';
export { base64ToUtf8, bytesToBase64, utf8ToBase64 } from './util/base64.js';
