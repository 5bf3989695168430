/**
 * `@pxm/core/booking`: the practice catalogue and scheduling: schemas, the slot engine, and the
 * booking rules. Each rule is written once, here; every backend (the memory adapter, the REST
 * server, the FHIR adapter) calls it and restates none, and the contract suite proves they agree.
 * What only a booking page shows (slot days, series plan, calendar links, address lines) is
 * `@pxm/core/booking-display`.
 */
export {
  AppointmentTypeListSchema,
  AppointmentTypeSchema,
  CancellationPolicySchema,
  LocationListSchema,
  LocationSchema,
  ModalitySchema,
  PatientEligibilitySchema,
  PracticeSchema,
  ProviderListSchema,
  ProviderSchema,
  ReviewLinkSchema,
  ReviewSiteSchema,
  type AppointmentType,
  type CancellationPolicy,
  type Location,
  type Modality,
  type PatientEligibility,
  type Practice,
  type Provider,
  type ReviewLink,
  type ReviewSite,
} from '../schemas/practice.js';
export {
  AppointmentSchema,
  AppointmentStatusSchema,
  AppointmentTypeListQuerySchema,
  BookRequestSchema,
  CancelRequestSchema,
  CoverageSchema,
  EligibilityResultSchema,
  HoldSchema,
  InsuranceCoverageSchema,
  ManagedAppointmentSchema,
  NewPatientSchema,
  PatientDetailsSchema,
  ProviderListQuerySchema,
  ReminderChannelSchema,
  ReminderConsentSchema,
  RescheduleRequestSchema,
  ReturningPatientSchema,
  SelfPayCoverageSchema,
  SlotListSchema,
  SlotQuerySchema,
  SlotSchema,
  SubscriberRelationshipSchema,
  TimeOfDaySchema,
  WaitlistEntrySchema,
  WaitlistRequestSchema,
  type Appointment,
  type AppointmentStatus,
  type AppointmentTypeListQuery,
  type BookRequest,
  type CancelRequest,
  type Coverage,
  type EligibilityResult,
  type Hold,
  type InsuranceCoverage,
  type ManagedAppointment,
  type NewPatient,
  type PatientDetails,
  type ProviderListQuery,
  type ReminderChannel,
  type ReminderConsent,
  type RescheduleRequest,
  type ReturningPatient,
  type Slot,
  type SlotQuery,
  type SubscriberRelationship,
  type TimeOfDay,
  type WaitlistEntry,
  type WaitlistRequest,
} from '../schemas/booking.js';
export {
  ClosureSchema,
  TimeRangeSchema,
  WorkingHoursSchema,
  type Closure,
  type TimeRange,
  type WorkingHours,
} from './schedule.js';
export { decodeSlotId, encodeSlotId, type SlotKey } from './slot-id.js';
export {
  DEFAULT_MINIMUM_NOTICE_MINUTES,
  DEFAULT_SLOT_INTERVAL_MINUTES,
  generateSlots,
  type BusyInterval,
  type SlotSearch,
} from './slot-engine.js';
export {
  BOOKING_HORIZON_DAYS,
  EARLIEST_BOOKABLE_MS,
  MAX_SLOT_RANGE_DAYS,
  slotSearchWindow,
  withinBookingHorizon,
  type SlotSearchWindow,
} from './slot-search-window.js';
export { holdExpiry, holdIsLive, requireLiveHold, type HoldState } from './hold-liveness.js';
export {
  fitsReturningPatient,
  matchReturningPatient,
  patientEmailKey,
  patientNameKey,
  patientPhoneKey,
  type PatientMatchRecord,
} from './patient-match.js';
export {
  resolveReturningPatient,
  type ReturningPatientResolution,
  type UnverifiedPatient,
} from './returning-patient.js';
export { appointmentTypeFits, requireTypeEligibility, type PatientKind } from './type-eligibility.js';
export {
  DEFAULT_CHANGE_GRACE_MINUTES,
  changeGraceEndsAt,
  lateChangeFeeApplies,
  lateChangeWindow,
  requireLateFeeAcknowledged,
  startsInsideNoticeWindow,
} from './late-change.js';
export { manageLinkExpired, requireManageLinkOpen } from './manage-link-expiry.js';
export { DEMO_COPAYS_MINOR, demoPayerEligibility } from './demo-payer-rules.js';
export {
  DEMO_BENEFITS_MEMBER_IDS,
  DEMO_VISIT_PRICE,
  demoBenefitsCase,
  demoBenefitsEligibility,
  type DemoBenefitsCase,
} from './demo-benefits.js';
export {
  AmountLevelsSchema,
  AmountsSchema,
  BenefitCoverageSchema,
  BenefitsSummarySchema,
  DisciplineBenefitsSchema,
  DisciplineSchema,
  MedicareTherapyThresholdSchema,
  VisitEstimateBasisSchema,
  VisitEstimateSchema,
  VisitLimitSchema,
  type AmountLevels,
  type Amounts,
  type BenefitCoverage,
  type BenefitsSummary,
  type Discipline,
  type DisciplineBenefits,
  type MedicareTherapyThreshold,
  type VisitEstimate,
  type VisitEstimateBasis,
  type VisitLimit,
} from '../schemas/benefits.js';
