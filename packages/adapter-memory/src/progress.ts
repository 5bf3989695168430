/**
 * Progress on the memory backend: an episode's goals and measures by token. Due measures open as
 * intake forms holding only that measure; submitting one adds its result to the episode.
 * Requests are parsed here (this is the backend); replies are validated at the element boundary.
 */
import { AdapterError, parseRequest, type CallOptions, type ProgressApi } from '@pxm/core';
import type { PromScore } from '@pxm/core/forms';
import { adherencePercent } from '@pxm/core/hep-progress';
import {
  describeMeasure,
  dueMeasures,
  GoalRatingInputSchema,
  measureFormToken,
  measureSeriesList,
  goalRatingOf,
  isSameGoalRating,
  withRating,
  type DueMeasure,
  type GoalRating,
  type ProgressView,
} from '@pxm/core/progress';
import { measureFormDefinition, shippedInstrument } from '@pxm/core/prom';
import type { DemoProgressSeed } from '@pxm/core/demo';
import type { MemoryContext } from './context.js';
import type { MemoryHepApi } from './hep.js';
import type { MemoryIntakeApi } from './intake.js';
import { simulateLatency } from './latency.js';
import { openToken } from './tokens.js';

/** One episode behind one link, as the memory backend keeps it. */
export type ProgressSeed = DemoProgressSeed;

interface ProgressRecord extends ProgressSeed {
  /** Patient ratings by client id: a retried rating is stored once. */
  /** Each patient rating by its client id (its idempotency key): the goal it rated and what was stored. */
  ratingsByClientId: Map<string, { goalId: string; rating: GoalRating }>;
}

export interface MemoryProgressApi extends ProgressApi {
  /** Test and demo helper: the therapist records discharge; discharge measures fall due from then. */
  recordDischarge(token: string): void;
  /** Test and demo helper: a visit attended now (visits count toward "every N visits"). */
  recordVisit(token: string): void;
}

export function createMemoryProgress(ctx: MemoryContext, intake: Pick<MemoryIntakeApi, 'registerForm'>, hep: Pick<MemoryHepApi, 'peekProgram'>): MemoryProgressApi {
  const records = new Map<string, ProgressRecord>(
    ctx.seed.progress.map((seed) => [seed.token, { ...structuredClone(seed), ratingsByClientId: new Map() }]),
  );
  const nowMs = () => ctx.now().getTime();
  const nowIso = () => new Date(nowMs()).toISOString();

  /** The form that takes one due measure: registered with the intake once, by a token naming the occurrence. */
  async function dueForm(record: ProgressRecord, instrumentId: string, reason: DueMeasure['reason'], dueAt: string): Promise<DueMeasure | undefined> {
    const instrument = shippedInstrument(instrumentId);
    // A measure the backend cannot render (an imported one without its form) cannot be offered.
    if (!instrument) return undefined;
    const taken = record.results.filter((result) => result.instrumentId === instrumentId).length;
    const formToken = await measureFormToken(record.token, instrumentId, taken + 1);
    const priorScores: PromScore[] = record.results
      .filter((result) => result.instrumentId === instrumentId)
      .map((result) => ({ instrument: instrumentId, score: result.score, recordedAt: result.takenAt }));
    intake.registerForm(
      {
        token: formToken,
        definition: measureFormDefinition(instrument, `${record.episode.id}.${instrumentId}`),
        ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
        priorScores,
      },
      (scores, response) => {
        const score = scores.find((entry) => entry.instrument === instrumentId);
        if (!score) return;
        record.results.push({ id: response.id, instrumentId, score: score.score, takenAt: response.submittedAt, source: 'intake' });
      },
    );
    return { instrumentId, reason, dueAt, formToken };
  }

  async function view(record: ProgressRecord): Promise<ProgressView> {
    const schedule = {
      ...record.schedule,
      ...(record.episode.dischargedAt ? { dischargeFrom: record.episode.dischargedAt } : {}),
    };
    const offered = await Promise.all(dueMeasures(schedule, record.results, record.visits, nowMs()).map((entry) => dueForm(record, entry.instrumentId, entry.reason, entry.dueAt)));
    const due = offered.filter((entry): entry is DueMeasure => entry !== undefined);
    const instrumentIds = [
      ...new Set([...record.schedule.assignments.map((assignment) => assignment.instrumentId), ...record.results.map((result) => result.instrumentId)]),
    ];
    const descriptions = instrumentIds.flatMap((id) => {
      const instrument = shippedInstrument(id);
      return instrument ? [describeMeasure(instrument.scoring)] : [];
    });
    const program = record.hepToken ? hep.peekProgram(record.hepToken) : undefined;
    const adherence = program ? adherencePercent(program.program, program.logs, nowIso()) : undefined;
    return {
      episode: record.episode,
      goals: record.goals,
      measures: measureSeriesList(descriptions, record.results),
      due,
      ...(adherence ? { adherence } : {}),
    };
  }

  return {
    async loadProgress(token, options?: CallOptions) {
      await simulateLatency(ctx, options);
      const record = openToken(records, token, nowMs(), 'progress.loadProgress');
      return structuredClone(await view(record));
    },

    async rateGoal(token, rating, options?: CallOptions) {
      const operation = 'progress.rateGoal';
      const input = parseRequest(GoalRatingInputSchema, rating, operation);
      await simulateLatency(ctx, options);
      const record = openToken(records, token, nowMs(), operation);
      const earlier = record.ratingsByClientId.get(input.clientId);
      if (earlier !== undefined && (earlier.goalId !== input.goalId || !isSameGoalRating(earlier.rating, input))) {
        throw new AdapterError('conflict', 'This rating was already sent with other contents.', { operation });
      }
      const position = record.goals.findIndex((goal) => goal.id === input.goalId);
      if (position < 0) throw new AdapterError('not_found', 'No such goal in this episode.', { operation });
      if (earlier === undefined) {
        const stored = goalRatingOf(input, { id: `rating-${input.clientId}`, ratedAt: nowIso(), author: 'patient' });
        record.goals[position] = withRating(record.goals[position]!, stored);
        record.ratingsByClientId.set(input.clientId, { goalId: input.goalId, rating: stored });
      }
      return structuredClone(record.goals[position]!);
    },

    recordDischarge(token) {
      const record = records.get(token);
      if (!record) throw new AdapterError('token_invalid', 'Unknown token.');
      record.episode = { ...record.episode, status: 'discharged', dischargedAt: nowIso() };
    },

    recordVisit(token) {
      const record = records.get(token);
      if (!record) throw new AdapterError('token_invalid', 'Unknown token.');
      record.visits.push(nowIso());
    },
  };
}

