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
  SeriesVisit,
  Slot,
  TimeOfDay,
} from '@pxm/core/booking';

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
  errors: Partial<Record<DraftField | 'choice' | 'ack' | 'series' | 'waitlist' | 'match', string>>;
  notice: Notice | undefined;
  /** An action in flight (its label is shown on the busy button). */
  busy: '' | 'hold' | 'confirm' | 'cancel' | 'waitlist' | 'series' | 'eligibility';
  eligibility: EligibilityResult | 'failed' | undefined;
  /** The coverage the eligibility result belongs to. */
  eligibilityKey: string;
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
