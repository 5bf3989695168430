/**
 * The progress capability on FHIR. The link token opens an `EpisodeOfCare`; its plan of care is
 * the `CarePlan` naming that episode (goals, measure assignments, the home program); ratings are
 * Observations focused on each `Goal`; results are the patient's outcome-measure Observations
 * since the episode began (the same ones intake writes); visits are the episode's finished
 * Encounters. A due measure is offered as an intake Task (token from core's `measureFormToken`)
 * for a Questionnaire holding only that measure, each made once with `If-None-Exist`, so
 * submitting it through the intake capability is what adds the result.
 */
import { AdapterError, parseRequest, type CallOptions, type ProgressApi } from '@pxm/core';
import { adherencePercent } from '@pxm/core/hep-progress';
import {
  describeMeasure,
  dueMeasures,
  goalRatingOf,
  GoalRatingInputSchema,
  isSameGoalRating,
  measureFormToken,
  measureSeriesList,
  withRating,
  type DueMeasure,
  type Goal,
  type GoalRating,
  type MeasureResult,
  type ProgressView,
} from '@pxm/core/progress';
import { measureFormDefinition, shippedInstrument } from '@pxm/core/prom';
import type { FhirContext } from '../context.js';
import { codeIn, findByLinkToken, fromOrganization, identifierOf, parseReference, refuseExpired, token, PROGRESS_LINK_IDENTIFIER, PROGRESS_EPISODE_IDENTIFIER, PROGRESS_CODE_SYSTEM, INSTRUMENT_CODE_SYSTEM, ACTIVITY_LOG_IDENTIFIER, LINK_TOKEN_IDENTIFIER, GOAL_RATING_IDENTIFIER, LOINC_SYSTEM } from '../area-plumbing.js';
import type { CarePlan, Encounter, EpisodeOfCare, Goal as FhirGoal, Observation, Organization } from '../fhir/types.js';
import { LOINC_EXERCISE_ACTIVITY, requireLog } from '../hep/log-mapping.js';
import { fromCarePlan } from '../hep/program-mapping.js';
import { questionnaireFromForm } from '../provision/form-questionnaire.js';
import { questionnaireTask } from '../provision/invitation-resources.js';
import { assignmentsOf, fromEpisodeOfCare } from './episode-mapping.js';
import { fromFhirGoal, fromRatingObservation, GOAL_RATING_CODE, goalIdOfRating, toRatingObservation } from './goal-mapping.js';

interface OpenEpisode {
  resource: EpisodeOfCare;
  plan: CarePlan | undefined;
  patientId: string | undefined;
  expiresAt: string | undefined;
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return AdapterError.is(error) && codes.includes(error.code);
}

const FINAL = new Set(['final', 'amended', 'corrected']);

export function createFhirProgress(ctx: FhirContext): ProgressApi {
  const zoneFallback = () => ctx.practice.defaultTimeZone ?? 'UTC';

  async function openEpisode(linkToken: string, operation: string, signal?: AbortSignal): Promise<OpenEpisode> {
    const invalid = () => new AdapterError('token_invalid', 'This link is not valid.', { operation });
    const { resource, expiresAt } = await findByLinkToken<EpisodeOfCare>(ctx, 'EpisodeOfCare', PROGRESS_LINK_IDENTIFIER, linkToken, invalid, operation, signal);
    if (!resource.id || resource.status === 'entered-in-error' || resource.status === 'cancelled') throw invalid();
    refuseExpired(ctx, expiresAt, operation);
    const plans = await ctx.client.search<CarePlan>(operation, 'CarePlan', { identifier: token(PROGRESS_EPISODE_IDENTIFIER, resource.id) }, signal);
    const plan = plans.matches.find((candidate) => candidate.status !== 'entered-in-error' && candidate.status !== 'revoked');
    const patient = parseReference(resource.patient);
    return { resource, plan, patientId: patient?.type === 'Patient' ? patient.id : undefined, expiresAt };
  }

  async function practiceOf(episode: EpisodeOfCare, operation: string, signal?: AbortSignal): Promise<{ name?: string | undefined; phone?: string | undefined }> {
    const ref = parseReference(episode.managingOrganization);
    if (ref?.type !== 'Organization') return {};
    try {
      const practice = fromOrganization((await ctx.client.read<Organization>(operation, 'Organization', ref.id, signal)).resource);
      return { name: practice.name, phone: practice.phone };
    } catch (error) {
      if (isCode(error, 'not_found', 'unauthorized')) return {};
      throw error;
    }
  }

  async function ratingsOf(patientId: string | undefined, operation: string, signal?: AbortSignal): Promise<Observation[]> {
    if (!patientId) return [];
    const found = await ctx.client.search<Observation>(operation, 'Observation', { subject: `Patient/${patientId}`, code: token(PROGRESS_CODE_SYSTEM, GOAL_RATING_CODE), _count: '1000' }, signal);
    return found.matches.filter((observation) => FINAL.has(observation.status ?? ''));
  }

  async function goalsOf(open: OpenEpisode, operation: string, signal?: AbortSignal): Promise<Goal[]> {
    const ids = (open.plan?.goal ?? []).map((ref) => parseReference(ref)).filter((ref) => ref?.type === 'Goal').map((ref) => ref!.id);
    const [goals, ratings] = await Promise.all([
      Promise.all(ids.map((id) => ctx.client.read<FhirGoal>(operation, 'Goal', id, signal).then((read) => read.resource))),
      ratingsOf(open.patientId, operation, signal),
    ]);
    return goals
      .filter((goal) => goal.lifecycleStatus !== 'entered-in-error')
      .map((goal) => {
        const mine = ratings.filter((rating) => goalIdOfRating(rating) === goal.id).map(fromRatingObservation);
        return mine.reduce<Goal>((acc, rating) => withRating(acc, rating), fromFhirGoal(goal, []));
      });
  }

  /** The patient's outcome-measure results since the episode began, oldest first. */
  async function resultsOf(open: OpenEpisode, startedAt: string, operation: string, signal?: AbortSignal): Promise<MeasureResult[]> {
    if (!open.patientId) return [];
    const found = await ctx.client.search<Observation>(operation, 'Observation', { subject: `Patient/${open.patientId}`, code: `${INSTRUMENT_CODE_SYSTEM}|`, _count: '1000' }, signal);
    const from = Date.parse(startedAt);
    return found.matches.flatMap((observation): MeasureResult[] => {
      const instrumentId = codeIn(observation.code, INSTRUMENT_CODE_SYSTEM);
      const score = observation.valueQuantity?.value ?? observation.valueInteger;
      const takenAt = observation.effectiveDateTime ?? observation.issued;
      if (!FINAL.has(observation.status ?? '') || !instrumentId || typeof score !== 'number' || !takenAt || !(Date.parse(takenAt) >= from)) return [];
      const fromResponse = observation.derivedFrom?.some((ref) => ref.reference?.startsWith('QuestionnaireResponse/'));
      return [{ id: observation.id ?? '', instrumentId, score, takenAt, source: fromResponse ? 'intake' : 'clinic' }];
    });
  }

  async function visitsOf(open: OpenEpisode, operation: string, signal?: AbortSignal): Promise<string[]> {
    if (!open.patientId) return [];
    const found = await ctx.client.search<Encounter>(operation, 'Encounter', { patient: `Patient/${open.patientId}`, _count: '1000' }, signal);
    return found.matches
      .filter((encounter) => encounter.status === 'finished' && encounter.episodeOfCare?.some((ref) => ref.reference === `EpisodeOfCare/${open.resource.id}`))
      .flatMap((encounter) => (encounter.period?.start ? [encounter.period.start] : []));
  }

  /** Adherence of the home program the plan points at; none when there is no such program. */
  async function adherenceOf(open: OpenEpisode, operation: string, signal?: AbortSignal) {
    const ref = (open.plan?.supportingInfo ?? []).map((info) => parseReference(info)).find((info) => info?.type === 'CarePlan');
    if (!ref) return undefined;
    try {
      const hep = (await ctx.client.read<CarePlan>(operation, 'CarePlan', ref.id, signal)).resource;
      const logs = await ctx.client.search<Observation>(operation, 'Observation', { 'based-on': `CarePlan/${ref.id}`, code: token(LOINC_SYSTEM, LOINC_EXERCISE_ACTIVITY), _count: '1000' }, signal);
      const entries = logs.matches.filter((observation) => identifierOf(observation, ACTIVITY_LOG_IDENTIFIER)).map((observation) => requireLog(observation, operation));
      // Counted against the program's current schedule (its history is the HEP view's to read).
      return adherencePercent(fromCarePlan(hep, {}, [], zoneFallback()), entries, ctx.now());
    } catch (error) {
      if (isCode(error, 'not_found', 'unauthorized')) return undefined;
      throw error;
    }
  }

  /** The intake Task that takes one due measure, made the first time the occurrence is offered. */
  async function offer(linkToken: string, open: OpenEpisode, due: { instrumentId: string; reason: DueMeasure['reason']; dueAt: string }, results: readonly MeasureResult[], operation: string, signal?: AbortSignal): Promise<DueMeasure | undefined> {
    const instrument = shippedInstrument(due.instrumentId);
    // A measure with no shipped form (an imported one) cannot be taken from a link here.
    if (!instrument || !open.patientId) return undefined;
    const taken = results.filter((result) => result.instrumentId === due.instrumentId).length;
    const formToken = await measureFormToken(linkToken, due.instrumentId, taken + 1);
    const questionnaire = questionnaireFromForm(measureFormDefinition(instrument, `measure-${due.instrumentId}`));
    const stored = await ctx.client.create(operation, questionnaire, { ifNoneExist: { url: questionnaire.url!, version: questionnaire.version! }, signal });
    const organization = parseReference(open.resource.managingOrganization);
    await ctx.client.create(
      operation,
      questionnaireTask({
        token: formToken,
        ...(open.expiresAt ? { expiresAt: open.expiresAt } : {}),
        questionnaireId: stored.resource.id ?? '',
        patientId: open.patientId,
        ...(organization?.type === 'Organization' ? { organizationId: organization.id } : {}),
        authoredOn: ctx.now().toISOString(),
      }),
      { ifNoneExist: { identifier: token(LINK_TOKEN_IDENTIFIER, formToken) }, signal },
    );
    return { instrumentId: due.instrumentId, reason: due.reason, dueAt: due.dueAt, formToken };
  }

  return {
    async loadProgress(linkToken, opts?: CallOptions): Promise<ProgressView> {
      const operation = 'progress.loadProgress';
      const signal = opts?.signal;
      const open = await openEpisode(linkToken, operation, signal);
      const [practice, goals, visits, adherence] = await Promise.all([
        practiceOf(open.resource, operation, signal),
        goalsOf(open, operation, signal),
        visitsOf(open, operation, signal),
        adherenceOf(open, operation, signal),
      ]);
      const episode = fromEpisodeOfCare(open.resource, practice, zoneFallback());
      const results = await resultsOf(open, episode.startedAt, operation, signal);
      const assignments = open.plan ? assignmentsOf(open.plan) : [];
      const schedule = { startedAt: episode.startedAt, timeZone: episode.timeZone, assignments, ...(episode.dischargedAt ? { dischargeFrom: episode.dischargedAt } : {}) };
      const due: DueMeasure[] = [];
      for (const entry of dueMeasures(schedule, results, visits, ctx.now())) {
        const offered = await offer(linkToken, open, entry, results, operation, signal);
        if (offered) due.push(offered);
      }
      const instrumentIds = [...new Set([...assignments.map((assignment) => assignment.instrumentId), ...results.map((result) => result.instrumentId)])];
      const descriptions = instrumentIds.flatMap((id) => {
        const instrument = shippedInstrument(id);
        return instrument ? [describeMeasure(instrument.scoring)] : [];
      });
      return { episode, goals, measures: measureSeriesList(descriptions, results), due, ...(adherence ? { adherence } : {}) };
    },

    async rateGoal(linkToken, rating, opts?: CallOptions): Promise<Goal> {
      const operation = 'progress.rateGoal';
      const input = parseRequest(GoalRatingInputSchema, rating, operation);
      const signal = opts?.signal;
      const open = await openEpisode(linkToken, operation, signal);
      const listed = (open.plan?.goal ?? []).some((ref) => parseReference(ref)?.type === 'Goal' && parseReference(ref)?.id === input.goalId);
      if (!listed) throw new AdapterError('not_found', 'No such goal in this episode.', { operation });
      const made: GoalRating = goalRatingOf(input, { id: input.clientId, ratedAt: ctx.now().toISOString(), author: 'patient' });
      const written = await ctx.client.create(operation, toRatingObservation(made, input.goalId, open.patientId, input.clientId), {
        ifNoneExist: { identifier: token(GOAL_RATING_IDENTIFIER, input.clientId) },
        signal,
      });
      if (!written.created && (goalIdOfRating(written.resource) !== input.goalId || !isSameGoalRating(fromRatingObservation(written.resource), input))) {
        throw new AdapterError('conflict', 'This rating was already sent with other contents.', { operation });
      }
      const goal = (await goalsOf(open, operation, signal)).find((candidate) => candidate.id === input.goalId);
      if (!goal) throw new AdapterError('not_found', 'No such goal in this episode.', { operation });
      return goal;
    },
  };
}
