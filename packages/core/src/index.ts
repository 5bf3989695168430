/**
 * `@pxm/core`: the adapter contract. What every adapter and element needs: the adapter and its
 * capability interfaces, the errors, the boundary checks with each method's reply schema (progress's
 * and referrals' are in their entry points, so other pages carry none of them), and
 * the shared schema building blocks. Each domain has its own entry point:
 * `@pxm/core/booking`, `/forms`, `/prom`, `/hep`, `/survey`, `/progress`, `/referral`, `/time`, `/demo`. No DOM, no Lit.
 */
// First: a polluted Object.prototype must not break the schemas' construction below.
export { hideEnumerablePrototypeKeys } from './util/enumerable-prototype.js';
export {
  ADAPTER_ERROR_CODES,
  AdapterError,
  isAbortError,
  isAdapterErrorCode,
  toAdapterError,
  type AdapterErrorCode,
  type AdapterErrorOptions,
  type ValidationIssue,
} from './errors/adapter-error.js';
export { abortError, delay, throwIfAborted, withTimeout } from './util/abort.js';
export { createId, createToken, humanReference } from './util/ids.js';
/** The largest upload the contract accepts: every adapter checks it before sending. */
export { MAX_ATTACHMENT_BYTES } from './schemas/attachment-limit.js';

export {
  AddressSchema,
  EmailSchema,
  IdSchema,
  InstantSchema,
  LabelSchema,
  LocalDateSchema,
  LocalTimeSchema,
  LocaleSchema,
  MoneySchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
  TokenSchema,
  UrlSchema,
  WeekdaySchema,
  type Address,
  type CallOptions,
  type Money,
} from './schemas/common.js';

export {
  CAPABILITIES,
  capabilitiesOf,
  requireCapability,
  type Capability,
  type CapabilityApi,
  type PxmAdapter,
} from './adapter/adapter.js';
export { type BookingApi } from './adapter/booking-api.js';
export { type IntakeApi } from './adapter/intake-api.js';
export { type HepApi } from './adapter/hep-api.js';
export { type SurveyApi } from './adapter/survey-api.js';
export { type ProgressApi } from './adapter/progress-api.js';
export { type ReferralApi } from './adapter/referral-api.js';
export { parseRequest, parseResponse, type ContractSchema } from './adapter/parse.js';
export { lazyCapability, type CapabilityMethods } from './adapter/lazy-capability.js';
export { CONTRACT_METHODS } from './adapter/contract-methods.js';
export {
  bookingReplySchemas,
  hepReplySchemas,
  intakeReplySchemas,
  surveyReplySchemas,
  type ReplyOf,
} from './adapter/reply-schemas.js';

// The contract's interfaces speak of these domain shapes, so their types come with it; the
// schemas and the rules that use them are in each domain's entry point.
export type { AppointmentType, Location, Practice, Provider } from './schemas/practice.js';
export type {
  Appointment,
  AppointmentTypeListQuery,
  BookRequest,
  CancelRequest,
  Coverage,
  EligibilityResult,
  Hold,
  ManagedAppointment,
  ProviderListQuery,
  RescheduleRequest,
  Slot,
  SlotQuery,
  WaitlistEntry,
  WaitlistRequest,
} from './schemas/booking.js';
export type {
  Answers,
  AttachmentRef,
  AttachmentUpload,
  Condition,
  Draft,
  FormItem,
  IntakeResponse,
  IntakeSession,
  SaveDraftRequest,
  SubmitIntakeRequest,
} from './schemas/intake.js';
export type { ActivityLogEntry, ActivityQuery, HepProgram } from './schemas/hep.js';
export type { SendSurveyFeedbackRequest, SubmitSurveyRequest, SurveyAnswers, SurveyInvitation, SurveyResponse } from './schemas/survey.js';
export type { Goal, GoalRatingInput, ProgressView } from './schemas/progress.js';
export type { AttachmentReceipt, ReferralInput, ReferralReceipt } from './schemas/referral.js';
