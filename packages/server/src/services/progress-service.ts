/**
 * Progress on the database: an episode's goals, ratings, measure results and what is due, by
 * link token. The rules (what is due, how a rating joins a goal, how a series reads) are core's;
 * this file stores and assembles. A due measure is offered as an intake link whose token is
 * derived from the progress token (core's `measureFormToken`), so the same occurrence always has
 * the same link and the database keeps only its hash, like every other token.
 */
import { AdapterError } from '@pxm/core';
import { adherencePercent } from '@pxm/core/hep-progress';
import { ActivityLogEntrySchema, HepProgramSchema } from '@pxm/core/hep';
import {
  describeMeasure,
  dueMeasures,
  EpisodeOfCareSchema,
  goalRatingOf,
  isSameGoalRating,
  GoalRatingSchema,
  GoalSchema,
  MeasureAssignmentSchema,
  MeasureResultSchema,
  measureFormToken,
  measureSeriesList,
  withRating,
  type DueMeasure,
  type EpisodeOfCare,
  type Goal,
  type GoalRating,
  type GoalRatingInput,
  type MeasureAssignment,
  type MeasureResult,
  type ProgressView,
} from '@pxm/core/progress';
import { measureFormDefinition, shippedInstrument } from '@pxm/core/prom';
import type { Queryable } from '../db/database.js';
import { forUpdate, type ServerContext } from '../context.js';
import { hashToken, newId } from '../tokens.js';
import { assertOpenLink, tokenHashOf } from './link-token.js';

export interface EpisodeRow {
  id: string;
  episode: string;
  assignments: string;
  hep_program_id: string | null;
  expires_at: number | null;
}

const EPISODE_COLUMNS = 'id, episode, assignments, hep_program_id, expires_at';

/** Stores a result once (its id is the key); a retried submission changes nothing. */
export async function recordMeasureResult(tx: Queryable, episodeRowId: string, result: MeasureResult): Promise<void> {
  await tx.run(
    'INSERT INTO progress_results (episode_row_id, id, instrument_id, taken_at, result) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (episode_row_id, id) DO NOTHING',
    [episodeRowId, result.id, result.instrumentId, Date.parse(result.takenAt), JSON.stringify(result)],
  );
}

export const episodeOf = (row: EpisodeRow): EpisodeOfCare => EpisodeOfCareSchema.parse(JSON.parse(row.episode));
export const assignmentsOf = (row: EpisodeRow): MeasureAssignment[] =>
  (JSON.parse(row.assignments) as unknown[]).map((assignment) => MeasureAssignmentSchema.parse(assignment));

/** The episode's goals with their ratings, in the order the therapist set them. */
export async function goalsOf(tx: Queryable, episodeRowId: string): Promise<Goal[]> {
  const goals = await tx.all<{ goal_id: string; goal: string }>('SELECT goal_id, goal FROM progress_goals WHERE episode_row_id = $1 ORDER BY position', [episodeRowId]);
  const ratings = await tx.all<{ goal_id: string; rating: string }>(
    'SELECT goal_id, rating FROM progress_goal_ratings WHERE episode_row_id = $1 ORDER BY rated_at, id',
    [episodeRowId],
  );
  return goals.map((row) =>
    GoalSchema.parse({
      ...JSON.parse(row.goal),
      ratings: ratings.filter((rating) => rating.goal_id === row.goal_id).map((rating) => GoalRatingSchema.parse(JSON.parse(rating.rating))),
    }),
  );
}

/** Stores one rating; with a client id, a second one with the same id is no new rating. */
export async function insertRating(tx: Queryable, episodeRowId: string, goalId: string, rating: GoalRating, clientId: string | null): Promise<void> {
  await tx.run(
    `INSERT INTO progress_goal_ratings (episode_row_id, id, goal_id, client_id, rating, rated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [episodeRowId, rating.id, goalId, clientId, JSON.stringify(rating), Date.parse(rating.ratedAt)],
  );
}

export function createProgressService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  async function open(tx: Queryable, token: string, operation: string, lock = false): Promise<EpisodeRow> {
    const row = await tx.get<EpisodeRow>(`SELECT ${EPISODE_COLUMNS} FROM progress_episodes WHERE token_hash = $1${lock ? forUpdate(db) : ''}`, [
      tokenHashOf(token, operation),
    ]);
    return assertOpenLink(row, nowMs(), operation);
  }

  /** The intake link that takes one due measure, made the first time the occurrence is offered. */
  async function offerMeasure(token: string, row: EpisodeRow, due: { instrumentId: string; reason: DueMeasure['reason']; dueAt: string }, results: readonly MeasureResult[]): Promise<DueMeasure | undefined> {
    const instrument = shippedInstrument(due.instrumentId);
    // A measure the server has no form for cannot be taken from a link.
    if (!instrument) return undefined;
    const earlier = results.filter((result) => result.instrumentId === due.instrumentId);
    const formToken = await measureFormToken(token, due.instrumentId, earlier.length + 1);
    const form = measureFormDefinition(instrument, `${episodeOf(row).id}.${due.instrumentId}`);
    const priorScores = earlier.map((result) => ({ instrument: due.instrumentId, score: result.score, recordedAt: result.takenAt }));
    await db.run(
      `INSERT INTO intake_links (id, token_hash, form, expires_at, prior_scores, created_at, progress_episode_id, progress_instrument_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (token_hash) DO NOTHING`,
      [newId('intake'), hashToken(formToken), JSON.stringify(form), row.expires_at, JSON.stringify(priorScores), nowMs(), row.id, due.instrumentId],
    );
    return { instrumentId: due.instrumentId, reason: due.reason, dueAt: due.dueAt, formToken };
  }

  async function adherenceOf(programId: string | null) {
    if (!programId) return undefined;
    const program = await db.get<{ program: string; version: number }>('SELECT program, version FROM hep_programs WHERE id = $1', [programId]);
    if (!program) return undefined;
    const logs = await db.all<{ entry: string; voided: number }>('SELECT entry, voided FROM hep_logs WHERE program_row_id = $1', [programId]);
    return adherencePercent(
      HepProgramSchema.parse({ ...JSON.parse(program.program), version: program.version }),
      logs.map((log) => ActivityLogEntrySchema.parse({ ...JSON.parse(log.entry), ...(log.voided ? { voided: true } : {}) })),
      new Date(nowMs()),
    );
  }

  return {
    async loadProgress(token: string): Promise<ProgressView> {
      const row = await open(db, token, 'progress.loadProgress');
      const episode = episodeOf(row);
      const assignments = assignmentsOf(row);
      const goals = await goalsOf(db, row.id);
      const results = (await db.all<{ result: string }>('SELECT result FROM progress_results WHERE episode_row_id = $1 ORDER BY taken_at, id', [row.id])).map(
        (result) => MeasureResultSchema.parse(JSON.parse(result.result)),
      );
      const visits = (await db.all<{ attended_at: number }>('SELECT attended_at FROM progress_visits WHERE episode_row_id = $1', [row.id])).map((visit) =>
        new Date(Number(visit.attended_at)).toISOString(),
      );
      const schedule = { startedAt: episode.startedAt, timeZone: episode.timeZone, assignments, ...(episode.dischargedAt ? { dischargeFrom: episode.dischargedAt } : {}) };
      const due: DueMeasure[] = [];
      for (const entry of dueMeasures(schedule, results, visits, nowMs())) {
        const offered = await offerMeasure(token, row, entry, results);
        if (offered) due.push(offered);
      }
      const instrumentIds = [...new Set([...assignments.map((assignment) => assignment.instrumentId), ...results.map((result) => result.instrumentId)])];
      const descriptions = instrumentIds.flatMap((id) => {
        const instrument = shippedInstrument(id);
        return instrument ? [describeMeasure(instrument.scoring)] : [];
      });
      const adherence = await adherenceOf(row.hep_program_id);
      return { episode, goals, measures: measureSeriesList(descriptions, results), due, ...(adherence ? { adherence } : {}) };
    },

    async rateGoal(token: string, input: GoalRatingInput): Promise<Goal> {
      const operation = 'progress.rateGoal';
      return db.transaction(async (tx) => {
        const row = await open(tx, token, operation, true);
        const earlier = await tx.get<{ goal_id: string; rating: string }>('SELECT goal_id, rating FROM progress_goal_ratings WHERE episode_row_id = $1 AND client_id = $2', [
          row.id,
          input.clientId,
        ]);
        // The client id is the rating's idempotency key: a retry is the same rating, whole.
        if (earlier && (earlier.goal_id !== input.goalId || !isSameGoalRating(JSON.parse(earlier.rating) as GoalRating, input))) {
          throw new AdapterError('conflict', 'This rating was already sent with other content.', { operation });
        }
        const goal = (await goalsOf(tx, row.id)).find((candidate) => candidate.id === input.goalId);
        if (!goal) throw new AdapterError('not_found', 'No such goal in this episode.', { operation });
        if (earlier) return goal;
        const rating = goalRatingOf(input, { id: newId('rating'), ratedAt: new Date(nowMs()).toISOString(), author: 'patient' });
        await insertRating(tx, row.id, goal.id, rating, input.clientId);
        return withRating(goal, rating);
      });
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
