/**
 * Reading a JSON body defensively: the right media type, well-formed JSON, not absurdly deep
 * (deep nesting is a cheap way to exhaust a validator's stack), then the contract's strict schema.
 */
import { parseRequest } from '@pxm/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { HttpProblem } from './problem.js';
import { assertStorableJson } from './text-safety.js';

const MAX_DEPTH = 32;

function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > limit) return depth;
    if (typeof current === 'object' && current !== null) {
      max = Math.max(max, depth);
      for (const child of Object.values(current)) stack.push([child, depth + 1]);
    }
  }
  return max;
}

export function isJsonMediaType(contentType: string | undefined, extra: readonly string[] = []): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || extra.includes(type);
}

export async function readJson(c: Context, mediaTypes: readonly string[] = []): Promise<unknown> {
  if (!isJsonMediaType(c.req.header('content-type'), mediaTypes)) {
    throw new HttpProblem(415, 'validation', 'Send the body as application/json.', [{ path: '', message: 'Unsupported media type.' }]);
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'validation', 'The body is not valid JSON.', [{ path: '', message: 'Malformed JSON.' }]);
  }
  if (depthOf(value, MAX_DEPTH) > MAX_DEPTH) {
    throw new HttpProblem(400, 'validation', 'The body is nested too deeply.', [{ path: '', message: `More than ${MAX_DEPTH} levels.` }]);
  }
  assertStorableJson(value);
  return value;
}

/** The body as an object (not an array or a scalar), without the fields the headers carry. */
export async function readObject(c: Context, operation: string, headerFields: readonly string[] = [], mediaTypes: readonly string[] = []): Promise<Record<string, unknown>> {
  const value = await readJson(c, mediaTypes);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpProblem(400, 'validation', `The body of ${operation} must be a JSON object.`, [{ path: '', message: 'Expected an object.' }]);
  }
  for (const field of headerFields) {
    if (Object.hasOwn(value, field)) {
      throw new HttpProblem(400, 'validation', `Send ${field} in its header, not in the body.`, [{ path: field, message: 'Unknown field.' }]);
    }
  }
  return value as Record<string, unknown>;
}

export function strict<T>(schema: z.ZodMiniType<T>, value: unknown, operation: string): T {
  return parseRequest(schema, value, operation);
}
