/** What a memory backend starts with. Every part defaults to the demo practice. */
import type {
  Closure,
  FormDefinition,
  HepProgram,
  AppointmentType,
  Location,
  Practice,
  PromScore,
  Provider,
  SurveyDefinition,
  WorkingHours,
} from '@pxm/core';
import {
  DEMO_HEP_TOKEN,
  DEMO_INTAKE_TOKEN,
  DEMO_SURVEY_TOKENS,
  demoAppointmentTypes,
  demoBusyBlocks,
  demoClosures,
  demoHepProgram,
  demoIntakeForm,
  demoLocations,
  demoPatients,
  demoPractice,
  demoProviders,
  demoSurvey,
  demoWorkingHours,
  type BusyBlock,
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
}

export interface SurveySeed {
  token: string;
  definition: SurveyDefinition;
  expiresAt: string;
  /** Seed an invitation that was already answered. */
  answered?: boolean;
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
  intakeForms: IntakeSeed[];
  hepPrograms: HepSeed[];
  surveys: SurveySeed[];
}

/** The demo practice, with link expiries set relative to `now`. */
export function demoSeed(now: Date): MemorySeed {
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
    intakeForms: [
      { token: DEMO_INTAKE_TOKEN, definition: demoIntakeForm, expiresAt: inDays(30) },
      { token: 'demo-intake-expired', definition: demoIntakeForm, expiresAt: inDays(-1) },
    ],
    hepPrograms: [
      { token: DEMO_HEP_TOKEN, program: demoHepProgram, expiresAt: inDays(90) },
      { token: 'demo-hep-expired', program: demoHepProgram, expiresAt: inDays(-1) },
    ],
    surveys: [
      { token: DEMO_SURVEY_TOKENS.open, definition: demoSurvey, expiresAt: inDays(30) },
      { token: DEMO_SURVEY_TOKENS.answered, definition: demoSurvey, expiresAt: inDays(30), answered: true },
      { token: DEMO_SURVEY_TOKENS.expired, definition: demoSurvey, expiresAt: inDays(-2) },
    ],
  };
}
