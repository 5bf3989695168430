/**
 * Progress over REST. Neither requests nor replies are validated here: the server validates what
 * it receives, and the element boundary validates what it is given (core's
 * `progressReplySchemas`), so each check happens once.
 */
import type { ProgressApi } from '@pxm/core';
import { checkToken } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestProgress(send: Send): ProgressApi {
  return {
    async loadProgress(token, options) {
      return send('progress.loadProgress', 'as-read', { params: { token: checkToken(token, 'progress.loadProgress') } }, options);
    },

    async rateGoal(token, rating, options) {
      const operation = 'progress.rateGoal';
      // Idempotent on the rating's own client id: a retry stores nothing new.
      return send(operation, 'as-read', { params: { token: checkToken(token, operation) }, json: rating }, options);
    },
  };
}
