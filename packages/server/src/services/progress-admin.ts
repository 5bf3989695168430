/**
 * The practice's side of progress: open an episode (a new token, shown once), set its goals,
 * record the therapist's ratings, assign measures with their schedule, record results taken in
 * the clinic, attended visits and discharge. Each answer is what the patient will then see.
 */
import { AdapterError } from '@pxm/core';
import {
  goalRatingOf,
  withRating,
  type EpisodeOfCare,
  type Goal,
  type GoalSetting,
  type MeasureAssignment,
  type MeasureResult,
  type TherapistRatingInput,
} from '@pxm/core/progress';
import type { Queryable } from '../db/database.js';
import { forUpdate, type ServerContext } from '../context.js';
import { hashToken, newId, newLinkToken } from '../tokens.js';
import type { IssuedLink } from './admin-service.js';
import { episodeOf, goalsOf, insertRating, recordMeasureResult, type EpisodeRow } from './progress-service.js';

export const DEFAULT_PROGRESS_LINK_DAYS = 180;

export interface EpisodeRequest {
  episode: EpisodeOfCare;
  goals?: GoalSetting[] | undefined;
  assignments?: MeasureAssignment[] | undefined;
  /** The HEP program whose adherence shows beside the measures. */
  hepProgramId?: string | undefined;
  expiresAt?: string | undefined;
}

const OPERATION = 'admin.progress';

async function replaceGoals(tx: Queryable, episodeRowId: string, goals: readonly GoalSetting[]): Promise<void> {
  if (new Set(goals.map((goal) => goal.id)).size !== goals.length) {
    throw new AdapterError('validation', 'Two goals have the same id.', { operation: OPERATION, issues: [{ path: 'goals', message: 'Ids must differ.' }] });
  }
  // Ratings stay with their goal id: a goal edited keeps its history, a goal removed hides it.
  await tx.run('DELETE FROM progress_goals WHERE episode_row_id = $1', [episodeRowId]);
  for (const [position, goal] of goals.entries()) {
    await tx.run('INSERT INTO progress_goals (episode_row_id, goal_id, position, goal) VALUES ($1, $2, $3, $4)', [episodeRowId, goal.id, position, JSON.stringify(goal)]);
  }
}

export function createProgressAdmin(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  async function locked(tx: Queryable, id: string): Promise<EpisodeRow> {
    const row = await tx.get<EpisodeRow>(`SELECT id, episode, assignments, hep_program_id, expires_at FROM progress_episodes WHERE id = $1${forUpdate(db)}`, [id]);
    if (!row) throw new AdapterError('not_found', 'No such episode.', { operation: OPERATION });
    return row;
  }

  async function touch(tx: Queryable, id: string): Promise<void> {
    await tx.run('UPDATE progress_episodes SET updated_at = $2 WHERE id = $1', [id, nowMs()]);
  }

  return {
    async createEpisode(input: EpisodeRequest): Promise<IssuedLink> {
      const token = newLinkToken();
      const id = newId('episode');
      const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : nowMs() + DEFAULT_PROGRESS_LINK_DAYS * 86_400_000;
      await db.transaction(async (tx) => {
        if (input.hepProgramId && !(await tx.get('SELECT id FROM hep_programs WHERE id = $1', [input.hepProgramId]))) {
          throw new AdapterError('validation', 'No such HEP program.', { operation: OPERATION, issues: [{ path: 'hepProgramId', message: 'Unknown program.' }] });
        }
        await tx.run(
          `INSERT INTO progress_episodes (id, token_hash, episode, assignments, hep_program_id, expires_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
          [id, hashToken(token), JSON.stringify(input.episode), JSON.stringify(input.assignments ?? []), input.hepProgramId ?? null, expiresAt, nowMs()],
        );
        await replaceGoals(tx, id, input.goals ?? []);
      });
      return { id, token, expiresAt: new Date(expiresAt).toISOString() };
    },

    async setGoals(id: string, goals: GoalSetting[]): Promise<{ id: string; goals: Goal[] }> {
      return db.transaction(async (tx) => {
        await locked(tx, id);
        await replaceGoals(tx, id, goals);
        await touch(tx, id);
        return { id, goals: await goalsOf(tx, id) };
      });
    },

    async rateGoal(id: string, input: TherapistRatingInput): Promise<Goal> {
      return db.transaction(async (tx) => {
        await locked(tx, id);
        const goal = (await goalsOf(tx, id)).find((candidate) => candidate.id === input.goalId);
        if (!goal) throw new AdapterError('not_found', 'No such goal in this episode.', { operation: OPERATION });
        const rating = goalRatingOf(input, {
          id: newId('rating'),
          ratedAt: input.ratedAt ?? new Date(nowMs()).toISOString(),
          author: 'therapist',
          authorName: input.authorName,
        });
        await insertRating(tx, id, goal.id, rating, null);
        await touch(tx, id);
        return withRating(goal, rating);
      });
    },

    async assignMeasures(id: string, assignments: MeasureAssignment[]): Promise<{ id: string; assignments: MeasureAssignment[] }> {
      return db.transaction(async (tx) => {
        await locked(tx, id);
        await tx.run('UPDATE progress_episodes SET assignments = $2, updated_at = $3 WHERE id = $1', [id, JSON.stringify(assignments), nowMs()]);
        return { id, assignments };
      });
    },

    async recordResult(id: string, input: { instrumentId: string; score: number; takenAt: string }): Promise<MeasureResult> {
      return db.transaction(async (tx) => {
        await locked(tx, id);
        const result: MeasureResult = { id: newId('result'), instrumentId: input.instrumentId, score: input.score, takenAt: input.takenAt, source: 'clinic' };
        await recordMeasureResult(tx, id, result);
        await touch(tx, id);
        return result;
      });
    },

    async recordVisit(id: string, attendedAt: string | undefined): Promise<{ id: string; attendedAt: string }> {
      return db.transaction(async (tx) => {
        await locked(tx, id);
        const at = attendedAt ? Date.parse(attendedAt) : nowMs();
        await tx.run('INSERT INTO progress_visits (episode_row_id, id, attended_at) VALUES ($1, $2, $3)', [id, newId('visit'), at]);
        await touch(tx, id);
        return { id, attendedAt: new Date(at).toISOString() };
      });
    },

    /** Discharge: the episode closes and its discharge measures fall due from then. Recording it again keeps the first time. */
    async recordDischarge(id: string, dischargedAt: string | undefined): Promise<EpisodeOfCare> {
      return db.transaction(async (tx) => {
        const row = await locked(tx, id);
        const episode = episodeOf(row);
        if (episode.status === 'discharged') return episode;
        const discharged: EpisodeOfCare = { ...episode, status: 'discharged', dischargedAt: dischargedAt ?? new Date(nowMs()).toISOString() };
        await tx.run('UPDATE progress_episodes SET episode = $2, updated_at = $3 WHERE id = $1', [id, JSON.stringify(discharged), nowMs()]);
        return discharged;
      });
    },
  };
}

export type ProgressAdmin = ReturnType<typeof createProgressAdmin>;
