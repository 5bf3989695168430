/**
 * Cursor pagination for every list: `?limit=&cursor=`, answered with `{ items, nextCursor }`.
 * Cursors are opaque (base64url JSON of a position) and keyed on the sort order, so a page
 * boundary stays put when items before it change.
 */
import * as z from 'zod/mini';
import { HttpProblem } from './problem.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodMiniType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (cursor.length > 500) throw new Error('too long');
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the same answer as a cursor of the wrong shape.
  }
  throw new HttpProblem(400, 'validation', 'The cursor is not one this server issued.', [{ path: 'cursor', message: 'Invalid cursor.' }]);
}

export function limitOf(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d{1,6}$/.test(raw) || value < 1 || value > max) {
    throw new HttpProblem(400, 'validation', `limit must be an integer from 1 to ${max}.`, [{ path: 'limit', message: 'Out of range.' }]);
  }
  return value;
}

/** Splits query parameters into paging ones and the rest (each may appear once). */
export function queryParams(url: string): { params: Record<string, string>; limit: string | undefined; cursor: string | undefined } {
  const search = new URL(url).searchParams;
  const params: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    if (values.length > 1) throw new HttpProblem(400, 'validation', `Repeat no query parameter (${key}).`, [{ path: key, message: 'Repeated.' }]);
    params[key] = values[0]!;
  }
  const { limit, cursor, ...rest } = params;
  return { params: rest, limit, cursor };
}

/** Offset pages over a list already in memory (the small practice catalogue). */
export function offsetPage<T>(all: readonly T[], limit: number, cursor: string | undefined): Page<T> {
  const offset = decodeCursor(cursor, z.object({ o: z.int().check(z.gte(0)) }))?.o ?? 0;
  const items = all.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < all.length ? encodeCursor({ o: offset + limit }) : null };
}

/** Endpoints that take no query parameters refuse them rather than ignore them. */
export function noQuery(url: string): void {
  const search = new URL(url).searchParams;
  const [first] = search.keys();
  if (first !== undefined) throw new HttpProblem(400, 'validation', `This endpoint takes no query parameters (${first}).`, [{ path: first, message: 'Unknown parameter.' }]);
}
