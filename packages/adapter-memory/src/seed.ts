/** What a memory backend starts with. Every part defaults to the demo practice. */
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import type { Closure, AppointmentType, Location, Practice, Provider, WorkingHours } from '@pxm/core/booking';
import type { FormDefinition, PromScore } from '@pxm/core/forms';
import type { SurveyAnswers, SurveyDefinition } from '@pxm/core/survey';
import {
  DEMO_INTAKE_REASSESSMENT_TOKEN,
  DEMO_INTAKE_TOKEN,
  DEMO_SURVEY_TOKENS,
  demoAppointmentTypes,
  demoBookings,
  demoBusyBlocks,
  demoClosures,
  demoHepPrograms,
  demoIntakeForm,
  demoPriorScores,
  demoReassessmentForm,
  demoLocations,
  demoPatients,
  demoPractice,
  demoProviders,
  demoSurvey,
  demoSurveyPartialAnswers,
  demoProgressEpisodes,
  type DemoProgressSeed,
  demoWorkingHours,
  type BusyBlock,
  type DemoBooking,
  type DemoPatient,
} from '@pxm/core/demo';

export interface IntakeSeed {
  token: string;
  definition: FormDefinition;
  /** ISO instant after which the link no longer opens. */
  expiresAt?: string;
  priorScores?: PromScore[];
}

export interface HepSeed {
  token: string;
  program: HepProgram;
  expiresAt?: string;
  /** Activity already logged on this program. */
  logs?: ActivityLogEntry[];
}

export interface SurveySeed {
  token: string;
  definition: SurveyDefinition;
  expiresAt: string;
  /** Seed an invitation that was already answered. */
  answered?: boolean;
  /** Answers saved earlier, so the invitation resumes. */
  partialAnswers?: SurveyAnswers;
}

export interface MemorySeed {
  practice: Practice;
  locations: Location[];
  appointmentTypes: AppointmentType[];
  providers: Provider[];
  workingHours: WorkingHours[];
  closuresForYear: (year: number) => Closure[];
  /** Visits already on the calendar, as a pure function so any date range works. */
  busyBlocks: (providerId: string, date: string, workingHours: readonly WorkingHours[]) => BusyBlock[];
  patients: DemoPatient[];
  /** Bookings already made, with their manage tokens (see `DEMO_MANAGE_TOKENS`). */
  bookings?: DemoBooking[];
  intakeForms: IntakeSeed[];
  hepPrograms: HepSeed[];
  surveys: SurveySeed[];
  /** Episodes of care with goals and measures, by progress token. */
  progress: DemoProgressSeed[];
}

/** The demo practice, with link expiries set relative to `now`. */
export function demoSeed(now: Date): MemorySeed {
  return { ...demoBaseSeed(now), progress: demoProgressEpisodes(now) };
}

/** The demo practice without its progress episodes: what booking, intake, HEP and surveys read. */
export function demoBaseSeed(now: Date): Omit<MemorySeed, 'progress'> {
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  return {
    practice: demoPractice,
    locations: demoLocations,
    appointmentTypes: demoAppointmentTypes,
    providers: demoProviders,
    workingHours: demoWorkingHours,
    closuresForYear: demoClosures,
    busyBlocks: demoBusyBlocks,
    patients: demoPatients,
    bookings: demoBookings(now, demoWorkingHours),
    intakeForms: [
      { token: DEMO_INTAKE_TOKEN, definition: demoIntakeForm, expiresAt: inDays(30) },
      { token: 'demo-intake-expired', definition: demoIntakeForm, expiresAt: inDays(-1) },
      { token: DEMO_INTAKE_REASSESSMENT_TOKEN, definition: demoReassessmentForm, expiresAt: inDays(30), priorScores: demoPriorScores(now) },
    ],
    hepPrograms: demoHepPrograms(now),
    surveys: [
      { token: DEMO_SURVEY_TOKENS.open, definition: demoSurvey, expiresAt: inDays(30) },
      { token: DEMO_SURVEY_TOKENS.resume, definition: demoSurvey, expiresAt: inDays(30), partialAnswers: demoSurveyPartialAnswers },
      { token: DEMO_SURVEY_TOKENS.answered, definition: demoSurvey, expiresAt: inDays(30), answered: true },
      { token: DEMO_SURVEY_TOKENS.expired, definition: demoSurvey, expiresAt: inDays(-2) },
    ],
  };
}
