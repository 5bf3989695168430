/**
 * Home exercise programs over REST. Neither requests nor replies are validated here: the server
 * validates what it receives, and the element boundary validates what it is given (core's
 * `hepReplySchemas`), so each check happens once. Only the reply's envelope is read here.
 */
import type { ActivityLogEntry } from '@pxm/core/hep';
import type { HepApi } from '@pxm/core';
import * as z from 'zod/mini';
import { allPages } from './pages.js';
import { checkToken } from './request-parts.js';
import type { Send } from './transport.js';

const LoggedEnvelope = z.object({ items: z.array(z.unknown()) });

export function createRestHep(send: Send): HepApi {
  return {
    async loadProgram(token, options) {
      return send('hep.loadProgram', 'as-read', { params: { token: checkToken(token, 'hep.loadProgram') } }, options);
    },

    async logActivity(token, entries, options) {
      const operation = 'hep.logActivity';
      const reply = await send(operation, LoggedEnvelope, { params: { token: checkToken(token, operation) }, json: { entries } }, options);
      return reply.items as ActivityLogEntry[];
    },

    async listActivity(token, query = {}, options) {
      const operation = 'hep.listActivity';
      return allPages(send, operation, 'as-read', { params: { token: checkToken(token, operation) }, query: { ...query } }, options);
    },
  };
}
