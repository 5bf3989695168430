import { SendSurveyFeedbackRequestSchema, SubmitSurveyRequestSchema, SurveyAnswersSchema } from '@pxm/core/survey';
import type { Hono } from 'hono';
import { readObject, strict } from '../http/request-body.js';
import { idempotencyKey } from '../http/request-headers.js';
import type { SurveyService } from '../services/survey-service.js';
import type { AppEnv } from '../app-env.js';

export function surveyRoutes(app: Hono<AppEnv>, survey: SurveyService): void {
  app.get('/survey/:token', async (c) => c.json(await survey.loadInvitation(c.req.param('token'))));

  // JSON Merge Patch semantics: listed answers replace, `null` clears one, others stay.
  app.patch('/survey/:token/answers', async (c) => {
    const operation = 'survey.savePartial';
    const answers = strict(SurveyAnswersSchema, await readObject(c, operation, [], ['application/merge-patch+json']), operation);
    await survey.savePartial(c.req.param('token'), answers);
    return c.body(null, 204);
  });

  app.post('/survey/:token/response', async (c) => {
    const operation = 'survey.submit';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(SubmitSurveyRequestSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await survey.submit(c.req.param('token'), request), 201);
  });

  app.post('/survey/:token/feedback', async (c) => {
    const operation = 'survey.sendFeedback';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(SendSurveyFeedbackRequestSchema, { ...body, idempotencyKey: key }, operation);
    await survey.sendFeedback(c.req.param('token'), request);
    return c.body(null, 204);
  });
}
