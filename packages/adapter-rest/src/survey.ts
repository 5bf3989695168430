import {
  SendSurveyFeedbackRequestSchema,
  SubmitSurveyRequestSchema,
  SurveyAnswersSchema,
  type SurveyInvitation,
  type SurveyResponse,
} from '@pxm/core/survey';
import { parseRequest, type SurveyApi } from '@pxm/core';
import { checkToken, keyed } from './request-parts.js';
import type { Send } from './transport.js';
import { Unchecked } from './unchecked.js';

export function createRestSurvey(send: Send): SurveyApi {
  return {
    async loadInvitation(token, options) {
      return send('survey.loadInvitation', Unchecked, { params: { token: checkToken(token, 'survey.loadInvitation') } }, options) as Promise<SurveyInvitation>;
    },

    async savePartial(token, answers, options) {
      const operation = 'survey.savePartial';
      const json = parseRequest(SurveyAnswersSchema, answers, operation);
      await send(operation, undefined, { params: { token: checkToken(token, operation) }, json }, options);
    },

    async submit(token, request, options) {
      const operation = 'survey.submit';
      const call = keyed(parseRequest(SubmitSurveyRequestSchema, request, operation));
      return send(operation, Unchecked, { ...call, params: { token: checkToken(token, operation) } }, options) as Promise<SurveyResponse>;
    },

    async sendFeedback(token, request, options) {
      const operation = 'survey.sendFeedback';
      const call = keyed(parseRequest(SendSurveyFeedbackRequestSchema, request, operation));
      await send(operation, undefined, { ...call, params: { token: checkToken(token, operation) } }, options);
    },
  };
}
