/**
 * Surveys over REST. Neither requests nor replies are validated here: the server validates what
 * it receives, and the element boundary validates what it is given (core's `surveyReplySchemas`),
 * so each check happens once. Only what goes into a URL path is refused before sending.
 */
import type { SurveyApi } from '@pxm/core';
import { checkToken, keyed } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestSurvey(send: Send): SurveyApi {
  return {
    async loadInvitation(token, options) {
      return send('survey.loadInvitation', 'as-read', { params: { token: checkToken(token, 'survey.loadInvitation') } }, options);
    },

    async savePartial(token, answers, options) {
      const operation = 'survey.savePartial';
      await send(operation, undefined, { params: { token: checkToken(token, operation) }, json: answers }, options);
    },

    async submit(token, request, options) {
      const operation = 'survey.submit';
      return send(operation, 'as-read', { ...keyed(request), params: { token: checkToken(token, operation) } }, options);
    },

    async sendFeedback(token, request, options) {
      const operation = 'survey.sendFeedback';
      await send(operation, undefined, { ...keyed(request), params: { token: checkToken(token, operation) } }, options);
    },
  };
}
