import { IdSchema, InstantSchema } from '@pxm/core';
import {
  EpisodeOfCareSchema,
  GoalRatingInputSchema,
  GoalSettingSchema,
  MeasureAssignmentSchema,
  TherapistRatingInputSchema,
} from '@pxm/core/progress';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { readObject, strict } from '../http/request-body.js';
import type { ProgressAdmin } from '../services/progress-admin.js';
import type { ProgressService } from '../services/progress-service.js';
import type { AppEnv } from '../app-env.js';

/** The patient's side: the episode by its link token, and their rating of a goal. */
export function progressRoutes(app: Hono<AppEnv>, progress: ProgressService): void {
  app.get('/progress/:token', async (c) => c.json(await progress.loadProgress(c.req.param('token'))));

  app.post('/progress/:token/goal-ratings', async (c) => {
    const operation = 'progress.rateGoal';
    const input = strict(GoalRatingInputSchema, await readObject(c, operation), operation);
    return c.json(await progress.rateGoal(c.req.param('token'), input));
  });
}

const AssignmentsSchema = z.array(MeasureAssignmentSchema).check(z.maxLength(20));
const GoalsSchema = z.array(GoalSettingSchema).check(z.maxLength(20));
const EpisodeRequestSchema = z.strictObject({
  episode: EpisodeOfCareSchema,
  goals: z.optional(GoalsSchema),
  assignments: z.optional(AssignmentsSchema),
  hepProgramId: z.optional(IdSchema),
  expiresAt: z.optional(InstantSchema),
});
const ResultRequestSchema = z.strictObject({ instrumentId: IdSchema, score: z.number(), takenAt: InstantSchema });
const VisitRequestSchema = z.strictObject({ attendedAt: z.optional(InstantSchema) });
const DischargeRequestSchema = z.strictObject({ dischargedAt: z.optional(InstantSchema) });

/** The practice's side, under the admin API key (the `/admin/*` guard runs first). */
export function progressAdminRoutes(app: Hono<AppEnv>, admin: ProgressAdmin): void {
  const episodeId = (value: string, operation: string) => strict(IdSchema, value, operation);

  app.post('/admin/progress-episodes', async (c) => {
    const operation = 'admin.createProgressEpisode';
    return c.json(await admin.createEpisode(strict(EpisodeRequestSchema, await readObject(c, operation), operation)), 201);
  });

  app.put('/admin/progress-episodes/:id/goals', async (c) => {
    const operation = 'admin.setProgressGoals';
    const body = strict(z.strictObject({ goals: GoalsSchema }), await readObject(c, operation), operation);
    return c.json(await admin.setGoals(episodeId(c.req.param('id'), operation), body.goals));
  });

  app.post('/admin/progress-episodes/:id/goal-ratings', async (c) => {
    const operation = 'admin.rateProgressGoal';
    const body = strict(TherapistRatingInputSchema, await readObject(c, operation), operation);
    return c.json(await admin.rateGoal(episodeId(c.req.param('id'), operation), body), 201);
  });

  app.put('/admin/progress-episodes/:id/measures', async (c) => {
    const operation = 'admin.assignProgressMeasures';
    const body = strict(z.strictObject({ assignments: AssignmentsSchema }), await readObject(c, operation), operation);
    return c.json(await admin.assignMeasures(episodeId(c.req.param('id'), operation), body.assignments));
  });

  app.post('/admin/progress-episodes/:id/results', async (c) => {
    const operation = 'admin.recordProgressResult';
    const body = strict(ResultRequestSchema, await readObject(c, operation), operation);
    return c.json(await admin.recordResult(episodeId(c.req.param('id'), operation), body), 201);
  });

  app.post('/admin/progress-episodes/:id/visits', async (c) => {
    const operation = 'admin.recordProgressVisit';
    const body = strict(VisitRequestSchema, await readObject(c, operation), operation);
    return c.json(await admin.recordVisit(episodeId(c.req.param('id'), operation), body.attendedAt), 201);
  });

  app.post('/admin/progress-episodes/:id/discharge', async (c) => {
    const operation = 'admin.recordProgressDischarge';
    const body = strict(DischargeRequestSchema, await readObject(c, operation), operation);
    return c.json(await admin.recordDischarge(episodeId(c.req.param('id'), operation), body.dischargedAt));
  });
}
