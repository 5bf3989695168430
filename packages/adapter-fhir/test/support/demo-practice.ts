/**
 * The demo practice ("Cedar Ridge Physical Therapy") as FHIR resources, made with the package's
 * provisioning helpers: catalogue, patients, the visits behind the demo manage links, and free
 * Slots from core's slot engine over the weeks the contract suite looks at, minus the demo busy
 * blocks and booked visits. Built once per `now` and copied into each fresh repository.
 */
import { eachDate, localDateIn, localDayClock, minutesOfDay } from '@pxm/core/time';
import { generateSlots, type BusyInterval, type Closure } from '@pxm/core/booking';
import {
  DEMO_HEP_EXPIRED_TOKEN,
  DEMO_HEP_TOKEN,
  DEMO_INTAKE_REASSESSMENT_TOKEN,
  DEMO_INTAKE_TOKEN,
  DEMO_PROGRESS_EXPIRED_TOKEN,
  DEMO_PROGRESS_TOKEN,
  DEMO_SURVEY_TOKENS,
  demoProgressEpisodes,
  demoAppointmentTypes,
  demoBookings,
  demoIntakeForm,
  demoPriorScores,
  demoReassessmentForm,
  demoSurvey,
  demoSurveyPartialAnswers,
  demoBusyBlocks,
  demoHepPrograms,
  demoClosures,
  demoLocations,
  demoPatients,
  demoPractice,
  demoProviders,
  demoWorkingHours,
} from '@pxm/core/demo';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import {
  activityObservations,
  appointmentResource,
  carePlanVersions,
  patientResource,
  practiceResources,
  progressResources,
  questionnaireFromForm,
  questionnaireFromSurvey,
  questionnaireTask,
  scoreObservation,
  slotResources,
  surveyResponseResource,
} from '../../src/provision/index.js';
import type { Resource } from '../../src/fhir/types.js';

/** The new patient the demo intake link was sent to (booked online, so not in the demo list). */
export const INTAKE_PATIENT = { id: 'pat-new-intake', firstName: 'Alex', lastName: 'Morgan', dateOfBirth: '1991-08-23', phone: '+1 303-555-0177', email: 'alex.morgan@example.com' };

function intakeResources(now: Date): Resource[] {
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const authoredOn = inDays(-2);
  const org = demoPractice.id;
  const rules = demoReassessmentForm.scoring ?? [];
  return [
    patientResource(INTAKE_PATIENT),
    questionnaireFromForm(demoIntakeForm),
    questionnaireFromForm(demoReassessmentForm),
    questionnaireTask({ token: DEMO_INTAKE_TOKEN, expiresAt: inDays(30), questionnaireId: demoIntakeForm.id, patientId: INTAKE_PATIENT.id, organizationId: org, authoredOn }),
    questionnaireTask({ token: 'demo-intake-expired', expiresAt: inDays(-1), questionnaireId: demoIntakeForm.id, patientId: INTAKE_PATIENT.id, organizationId: org, authoredOn }),
    questionnaireTask({ token: DEMO_INTAKE_REASSESSMENT_TOKEN, expiresAt: inDays(30), questionnaireId: demoReassessmentForm.id, patientId: 'pat-garcia', organizationId: org, authoredOn }),
    ...demoPriorScores(now).map((score) => scoreObservation(score, 'pat-garcia', rules.find((rule) => rule.id === score.instrument))),
  ];
}

/** The demo program as CarePlan versions (one id, oldest first) and the patient's logs so far. */
function hepResources(now: Date): Resource[] {
  const seeds = demoHepPrograms(now);
  const running = seeds.find((seed) => seed.token === DEMO_HEP_TOKEN)!;
  const expired = seeds.find((seed) => seed.token === DEMO_HEP_EXPIRED_TOKEN);
  const versions = carePlanVersions(running.program, {
    id: 'hep-acl-phase-2',
    patientId: 'pat-garcia',
    organizationId: demoPractice.id,
    // One plan, two links: the current one and an older link that has expired.
    tokens: [
      { token: running.token, ...(running.expiresAt ? { expiresAt: running.expiresAt } : {}) },
      ...(expired ? [{ token: expired.token, ...(expired.expiresAt ? { expiresAt: expired.expiresAt } : {}) }] : []),
    ],
  });
  return [...versions, ...activityObservations(running.logs ?? [], versions.at(-1)!, running.program)];
}

/** The post-discharge survey and an invitation in each state (the answered one has its response). */
function surveyResources(now: Date): Resource[] {
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const questionnaire = questionnaireFromSurvey(demoSurvey);
  const task = (token: string, expiresAt: string) =>
    questionnaireTask({ token, expiresAt, questionnaireId: questionnaire.id!, patientId: 'pat-johnson', organizationId: demoPractice.id, authoredOn: inDays(-3) });
  return [
    questionnaire,
    task(DEMO_SURVEY_TOKENS.open, inDays(30)),
    task(DEMO_SURVEY_TOKENS.resume, inDays(30)),
    task(DEMO_SURVEY_TOKENS.answered, inDays(30)),
    task(DEMO_SURVEY_TOKENS.expired, inDays(-2)),
    surveyResponseResource(questionnaire, { token: DEMO_SURVEY_TOKENS.resume, patientId: 'pat-johnson', answers: demoSurveyPartialAnswers, authored: inDays(-1), status: 'in-progress' }),
    surveyResponseResource(questionnaire, { token: DEMO_SURVEY_TOKENS.answered, patientId: 'pat-johnson', answers: { nps: 9 }, authored: inDays(-1), status: 'completed', submissionKey: 'seeded' }),
  ];
}

/** The patient of the demo episode of care: results of their own, apart from the intake demo's. */
export const PROGRESS_PATIENT = { id: 'pat-progress', firstName: 'Rosa', lastName: 'Delgado', dateOfBirth: '1958-02-14', phone: '+1 303-555-0166', email: 'rosa.delgado@example.com' };

/** The demo episode (goals, ratings, plan, results, visits) behind its live and expired links. */
function progressDemoResources(now: Date): Resource[] {
  const seeds = demoProgressEpisodes(now);
  const live = seeds.find((seed) => seed.token === DEMO_PROGRESS_TOKEN)!;
  const expired = seeds.find((seed) => seed.token === DEMO_PROGRESS_EXPIRED_TOKEN);
  const tokens = [live, ...(expired ? [expired] : [])].map((seed) => ({ token: seed.token, ...(seed.expiresAt ? { expiresAt: seed.expiresAt } : {}) }));
  return [
    patientResource(PROGRESS_PATIENT),
    ...progressResources(
      { episode: live.episode, goals: live.goals, assignments: live.schedule.assignments, results: live.results, visits: live.visits },
      { patientId: PROGRESS_PATIENT.id, organizationId: demoPractice.id, tokens, hepPlanId: 'hep-acl-phase-2' },
    ),
  ];
}

/** Days of free Slots published from `now`. */
export const SLOT_WINDOW_DAYS = 28;

const cache = new Map<number, Resource[]>();

function busyTimes(fromMs: number, toMs: number, bookings: ReturnType<typeof demoBookings>): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (const location of demoLocations) {
    const providers = demoProviders.filter((p) => p.locationIds.includes(location.id));
    for (const provider of providers) {
      for (const date of eachDate(localDateIn(fromMs - 86_400_000, location.timeZone), localDateIn(toMs + 86_400_000, location.timeZone))) {
        for (const block of demoBusyBlocks(provider.id, date, demoWorkingHours)) {
          if (block.locationId !== location.id) continue;
          const clock = localDayClock(block.date, location.timeZone);
          const startMs = clock.instantOf(minutesOfDay(block.start));
          const endMs = clock.instantOf(minutesOfDay(block.end));
          if (startMs !== undefined && endMs !== undefined) busy.push({ providerId: provider.id, startMs, endMs });
        }
      }
    }
  }
  for (const booking of bookings) {
    if (booking.status !== 'booked') continue;
    const buffer = demoAppointmentTypes.find((t) => t.id === booking.appointmentTypeId)?.bufferMinutes ?? 0;
    busy.push({ providerId: booking.providerId, startMs: Date.parse(booking.start), endMs: Date.parse(booking.end) + buffer * 60_000 });
  }
  return busy;
}

export function demoPracticeResources(now: Date): Resource[] {
  const cached = cache.get(now.getTime());
  if (cached) return cached;
  const fromMs = now.getTime();
  const toMs = fromMs + SLOT_WINDOW_DAYS * 86_400_000;
  const bookings = demoBookings(now, demoWorkingHours);
  const busy = busyTimes(fromMs, toMs, bookings);
  const closures: Closure[] = [];
  for (let year = now.getUTCFullYear() - 1; year <= now.getUTCFullYear() + 1; year++) closures.push(...demoClosures(year));
  const slots = demoLocations.flatMap((location) =>
    demoAppointmentTypes.flatMap((appointmentType) =>
      generateSlots({ location, appointmentType, providers: demoProviders, workingHours: demoWorkingHours, closures, busy, fromMs, toMs, nowMs: fromMs }),
    ),
  );
  const resources: Resource[] = [
    ...practiceResources({ practice: demoPractice, locations: demoLocations, appointmentTypes: demoAppointmentTypes, providers: demoProviders }),
    ...demoPatients.map(patientResource),
    ...bookings.map((booking) => appointmentResource(booking, demoAppointmentTypes, demoLocations)),
    ...slotResources(slots, demoAppointmentTypes),
    ...intakeResources(now),
    ...hepResources(now),
    ...surveyResources(now),
    ...progressDemoResources(now),
  ];
  cache.set(now.getTime(), resources);
  return resources;
}

/** Writes the demo practice straight into the repository (no HTTP: it is the server's own data). */
export async function loadDemoPractice(repo: MemoryRepository, now: Date): Promise<number> {
  const resources = demoPracticeResources(now);
  for (const resource of resources) {
    // A resource with an id already stored is a later version of it (a program's history).
    const exists = resource.id ? await repo.readResource(resource.resourceType, resource.id).then(() => true, () => false) : false;
    if (exists) await repo.updateResource(resource as MedplumResource);
    else await repo.createResource(resource as MedplumResource);
  }
  return resources.length;
}
