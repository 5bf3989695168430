import { ActivityLogEntrySchema, ActivityQuerySchema, type ActivityLogEntry, type HepProgram } from '@pxm/core/hep';
import { parseRequest, type HepApi } from '@pxm/core';
import * as z from 'zod/mini';
import { allPages } from './pages.js';
import { checkToken } from './request-parts.js';
import type { Send } from './transport.js';
import { Unchecked, UncheckedList } from './unchecked.js';

const EntriesSchema = z.array(ActivityLogEntrySchema).check(z.minLength(1), z.maxLength(200));
const LoggedSchema = z.object({ items: UncheckedList });

export function createRestHep(send: Send): HepApi {
  return {
    async loadProgram(token, options) {
      return send('hep.loadProgram', Unchecked, { params: { token: checkToken(token, 'hep.loadProgram') } }, options) as Promise<HepProgram>;
    },

    async logActivity(token, entries, options) {
      const operation = 'hep.logActivity';
      const json = { entries: parseRequest(EntriesSchema, entries, operation) };
      return (await send(operation, LoggedSchema, { params: { token: checkToken(token, operation) }, json }, options)).items as ActivityLogEntry[];
    },

    async listActivity(token, query = {}, options) {
      const operation = 'hep.listActivity';
      const q = parseRequest(ActivityQuerySchema, query, operation);
      return allPages(send, operation, UncheckedList, { params: { token: checkToken(token, operation) }, query: q }, options) as Promise<ActivityLogEntry[]>;
    },
  };
}
