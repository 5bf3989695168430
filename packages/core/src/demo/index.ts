/**
 * `@pxm/core/demo`: the believable, deterministic demo practice that the memory adapter embeds
 * and the reference server seeds. Separate entry so production bundles never carry it.
 */
export { demoAppointmentTypes, demoLocations, demoPractice, demoProviders, demoWorkingHours } from './practice.js';
export { demoClosures, demoClosuresBetween } from './closures.js';
export {
  DEMO_MANAGE_TOKENS,
  demoBookings,
  demoBusyBlocks,
  type BusyBlock,
  type DemoBooking,
} from './existing-appointments.js';
export { demoPatients, type DemoPatient } from './patients.js';
export {
  DEMO_INTAKE_REASSESSMENT_TOKEN,
  DEMO_INTAKE_TOKEN,
  demoIntakeForm,
  demoPriorScores,
  demoReassessmentForm,
} from './intake.js';
export {
  DEMO_HEP_EXPIRED_TOKEN,
  DEMO_HEP_MEDIA_FILES,
  DEMO_HEP_TOKEN,
  demoHepActivity,
  demoHepProgram,
  demoHepProgramAt,
  demoHepPrograms,
  type DemoHepOptions,
  type DemoHepSeed,
} from './hep.js';
export { DEMO_SURVEY_TOKENS, demoSurvey, demoSurveyPartialAnswers, demoSurveyQuestionnaire } from './survey.js';
export {
  DEMO_PROGRESS_EXPIRED_TOKEN,
  DEMO_PROGRESS_TOKEN,
  demoProgressEpisode,
  demoProgressEpisodes,
  type DemoProgressSeed,
} from './progress.js';
