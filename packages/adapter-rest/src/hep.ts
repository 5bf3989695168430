import { ActivityLogEntrySchema, ActivityLogListSchema, ActivityQuerySchema, HepProgramSchema } from '@pxm/core/hep';
import { parseRequest, type HepApi } from '@pxm/core';
import * as z from 'zod/mini';
import { allPages } from './pages.js';
import { checkToken } from './request-parts.js';
import type { Send } from './transport.js';

const EntriesSchema = z.array(ActivityLogEntrySchema).check(z.minLength(1), z.maxLength(200));
const LoggedSchema = z.object({ items: ActivityLogListSchema });

export function createRestHep(send: Send): HepApi {
  return {
    async loadProgram(token, options) {
      return send('hep.loadProgram', HepProgramSchema, { params: { token: checkToken(token, 'hep.loadProgram') } }, options);
    },

    async logActivity(token, entries, options) {
      const operation = 'hep.logActivity';
      const json = { entries: parseRequest(EntriesSchema, entries, operation) };
      return (await send(operation, LoggedSchema, { params: { token: checkToken(token, operation) }, json }, options)).items;
    },

    async listActivity(token, query = {}, options) {
      const operation = 'hep.listActivity';
      const q = parseRequest(ActivityQuerySchema, query, operation);
      return allPages(send, operation, ActivityLogListSchema, { params: { token: checkToken(token, operation) }, query: q }, options);
    },
  };
}
