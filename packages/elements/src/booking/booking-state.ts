/** What `<pxm-booking>` keeps while a patient books: the step, their choices and what they typed. */
import type {
  Appointment,
  AppointmentType,
  EligibilityResult,
  Hold,
  Location,
  ManagedAppointment,
  Practice,
  Provider,
  Slot,
  TimeOfDay,
} from '@pxm/core/booking';
import type { Money } from '@pxm/core';
import type { SeriesVisit } from '@pxm/core/booking-display';

export type BookingStep =
  | 'choose'
  | 'time'
  | 'series'
  | 'details'
  | 'review'
  | 'done'
  | 'manage'
  | 'cancel'
  | 'waitlist';

/** How the flow ended, for the final screen. */
export type Outcome = 'booked' | 'rescheduled' | 'cancelled' | 'waitlisted';

export interface Catalog {
  practice: Practice;
  locations: Location[];
  types: AppointmentType[];
  providers: Provider[];
}

/** The patient's answers, kept as typed (strings) so nothing is lost between steps or on errors. */
export interface DetailsDraft {
  kind: 'new' | 'returning' | '';
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  reason: string;
  referral: string;
  coverage: 'insurance' | 'self-pay' | '';
  payerName: string;
  memberId: string;
  groupNumber: string;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  subscriberName: string;
  subscriberDateOfBirth: string;
  remindSms: boolean;
  remindEmail: boolean;
  /** When the patient last set each reminder choice (consent timestamp). */
  remindSmsAt: string;
  remindEmailAt: string;
}

export type DraftField = Exclude<keyof DetailsDraft, 'remindSms' | 'remindEmail' | 'remindSmsAt' | 'remindEmailAt'>;

export function emptyDraft(): DetailsDraft {
  return {
    kind: '',
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    reason: '',
    referral: '',
    coverage: '',
    payerName: '',
    memberId: '',
    groupNumber: '',
    relationship: 'self',
    subscriberName: '',
    subscriberDateOfBirth: '',
    remindSms: false,
    remindEmail: false,
    remindSmsAt: '',
    remindEmailAt: '',
  };
}

/** Prefill a host may pass (`.prefill`): demographic fields only. */
export type BookingPrefill = Partial<Pick<DetailsDraft, 'kind' | 'firstName' | 'lastName' | 'dateOfBirth' | 'phone' | 'email'>>;

export interface Notice {
  tone: 'error' | 'warning' | 'success' | 'info';
  text: string;
  /** Offer "try again" for this action. */
  retry?: () => void;
}

export interface SeriesDraft {
  weekdays: number[];
  weeks: number;
  /** `HH:MM` in the clinic's zone. */
  time: string;
  visits?: SeriesVisit[];
  /** Per visit (by date): the chosen slot id, or '' to leave the visit out. */
  choice: Record<string, string>;
}

export interface WaitlistDraft {
  weekdays: number[];
  times: TimeOfDay[];
  providerId: string;
  earliestDate: string;
}

export interface BookingState {
  step: BookingStep;
  /** Returning to the steps before a reschedule. */
  rescheduling: boolean;
  locationId: string;
  typeId: string;
  /** '' is "first available". */
  providerId: string;
  /** First day of the month shown, in the display zone. */
  month: string;
  /** The day whose times are shown. */
  selectedDate: string;
  /** The grid cell that has the roving tabindex. */
  focusDate: string;
  /** Which zone times are shown in. */
  zoneChoice: 'clinic' | 'patient' | '';
  /** Slots picked and held; one for a visit, several for a series. */
  holds: Hold[];
  holdDeadline: number;
  holdExpired: boolean;
  draft: DetailsDraft;
  /** `match`: a returning patient's details matched no record. */
  errors: Partial<Record<DraftField | 'choice' | 'ack' | 'series' | 'waitlist' | 'match' | 'selfPayRest', string>>;
  notice: Notice | undefined;
  /** An action in flight (its label is shown on the busy button). */
  busy: '' | 'hold' | 'confirm' | 'cancel' | 'attend' | 'waitlist' | 'series' | 'eligibility';
  eligibility: EligibilityResult | 'failed' | undefined;
  /** The coverage the eligibility result belongs to. */
  eligibilityKey: string;
  /** The practice's self-pay price for a visit, once a backend has said it. */
  selfPayPrice: Money | undefined;
  /** The patient agreed to self-pay the visits of a series past what their plan covers. */
  selfPayRest: boolean;
  /** Visits of a series left out because the plan did not cover them (and self-pay was not agreed). */
  leftOut: number;
  /** One key per visit, kept across retries so a retry never books twice. */
  keys: string[];
  outcome: Outcome | undefined;
  appointments: Appointment[];
  /** Visits of a series that could not be booked. */
  failed: Slot[];
  managed: ManagedAppointment | undefined;
  ackFee: boolean;
  cancelReason: string;
  cancelNote: string;
  /** The manage token whose link was just copied (the button says so). */
  copiedLink?: string;
  series: SeriesDraft;
  waitlist: WaitlistDraft;
}

/** Nothing chosen yet: the state a booking starts from. */
export function initialState(): BookingState {
  return {
    step: 'choose',
    rescheduling: false,
    locationId: '',
    typeId: '',
    providerId: '',
    month: '',
    selectedDate: '',
    focusDate: '',
    zoneChoice: '',
    holds: [],
    holdDeadline: 0,
    holdExpired: false,
    draft: emptyDraft(),
    errors: {},
    notice: undefined,
    busy: '',
    eligibility: undefined,
    eligibilityKey: '',
    selfPayPrice: undefined,
    selfPayRest: false,
    leftOut: 0,
    keys: [],
    outcome: undefined,
    appointments: [],
    failed: [],
    managed: undefined,
    ackFee: false,
    cancelReason: '',
    cancelNote: '',
    series: { weekdays: [], weeks: 6, time: '09:00', choice: {} },
    waitlist: { weekdays: [], times: [], providerId: '', earliestDate: '' },
  };
}

/** The choices a page fixed by attribute (`location`, `appointment-type`, `provider`). */
export interface FixedChoices {
  location: string | undefined;
  appointmentType: string | undefined;
  provider: string | undefined;
}

/** Which fixed choices name something the practice has (those are not asked again). */
export function knownChoices(catalog: Catalog | undefined, fixed: FixedChoices): { location: boolean; type: boolean; provider: boolean } {
  return {
    location: Boolean(fixed.location && catalog?.locations.some((location) => location.id === fixed.location)),
    type: Boolean(fixed.appointmentType && catalog?.types.some((type) => type.id === fixed.appointmentType)),
    provider: Boolean(fixed.provider && catalog?.providers.some((provider) => provider.id === fixed.provider)),
  };
}

/** A new booking once the catalogue is known: fixed choices applied, the first step to ask chosen. */
export function startingState(catalog: Catalog, fixed: FixedChoices, draft: DetailsDraft): BookingState {
  const location = catalog.locations.find((candidate) => candidate.id === fixed.location)?.id;
  const type = catalog.types.find((candidate) => candidate.id === fixed.appointmentType);
  const provider = catalog.providers.find((candidate) => candidate.id === fixed.provider)?.id;
  const locationId = location ?? (catalog.locations.length === 1 ? catalog.locations[0]!.id : '');
  const kind = type && type.patientEligibility !== 'any' ? type.patientEligibility : draft.kind;
  return {
    ...initialState(),
    draft: { ...draft, kind },
    locationId,
    typeId: type?.id ?? '',
    providerId: provider ?? '',
    step: locationId && type ? 'time' : 'choose',
  };
}

/** Prefilled demographics fill only what the patient has not typed. */
export function withPrefill(draft: DetailsDraft, prefill: BookingPrefill): DetailsDraft {
  const filled = { ...draft };
  for (const [key, value] of Object.entries(prefill) as Array<[keyof BookingPrefill, string]>) {
    if (typeof value === 'string' && !filled[key]) (filled as Record<string, unknown>)[key] = value;
  }
  return filled;
}
