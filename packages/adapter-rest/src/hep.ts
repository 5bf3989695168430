import { ActivityLogEntrySchema, ActivityQuerySchema, parseRequest, type ActivityLogEntry, type HepApi, type HepProgram } from '@pxm/core';
import * as z from 'zod/mini';
import { allPages } from './pages.js';
import { checkToken } from './request-parts.js';
import type { Send } from './transport.js';

const EntriesSchema = z.array(ActivityLogEntrySchema).check(z.minLength(1), z.maxLength(200));
/**
 * Replies are handed on as they came, inside their envelope (`items`, pages): the element
 * validates them against the contract (its boundary), not this client.
 */
const Unchecked = z.unknown();
const UncheckedList = z.array(z.unknown());
const LoggedSchema = z.object({ items: UncheckedList });

export function createRestHep(send: Send): HepApi {
  return {
    async loadProgram(token, options) {
      return (await send('hep.loadProgram', Unchecked, { params: { token: checkToken(token, 'hep.loadProgram') } }, options)) as HepProgram;
    },

    async logActivity(token, entries, options) {
      const operation = 'hep.logActivity';
      const json = { entries: parseRequest(EntriesSchema, entries, operation) };
      return (await send(operation, LoggedSchema, { params: { token: checkToken(token, operation) }, json }, options)).items as ActivityLogEntry[];
    },

    async listActivity(token, query = {}, options) {
      const operation = 'hep.listActivity';
      const q = parseRequest(ActivityQuerySchema, query, operation);
      return (await allPages(send, operation, UncheckedList, { params: { token: checkToken(token, operation) }, query: q }, options)) as ActivityLogEntry[];
    },
  };
}
