/**
 * Lists come in pages (`{ items, nextCursor }`); the contract's methods return whole lists. The
 * page envelope is always checked; its items are parsed with `itemsCheck` or, `'as-read'`, passed on
 * for the caller's boundary to validate.
 */
import { AdapterError, type CallOptions } from '@pxm/core';
import * as z from 'zod/mini';
import type { RestOperation } from './routes.js';
import type { Call, Send } from './transport.js';

/** Safety stop against a backend that hands out cursors forever. */
const MAX_PAGES = 100;

export async function allPages<T>(send: Send, operation: RestOperation, itemsCheck: z.ZodMiniType<T[]> | 'as-read', call: Call, options: CallOptions | undefined): Promise<T[]> {
  const pageSchema = z.object({ items: itemsCheck === 'as-read' ? z.array(z.unknown()) : itemsCheck, nextCursor: z.optional(z.nullable(z.string())) }) as z.ZodMiniType<{ items: T[]; nextCursor?: string | null | undefined }>;
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const reply = await send(operation, pageSchema, { ...call, query: { ...call.query, cursor } }, options);
    items.push(...reply.items);
    if (!reply.nextCursor) return items;
    cursor = reply.nextCursor;
  }
  throw new AdapterError('server', `The backend kept paging ${operation}.`, { operation, retryable: false });
}
