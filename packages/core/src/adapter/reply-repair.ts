/**
 * Imperfect practice data must not take a whole element down. When a reply fails its schema
 * only because of fields a patient can do without (a link that is not http(s), a text longer
 * than its limit), those fields are dropped or shortened and the reply is read again; anything
 * else still fails. Each repaired field is named (by its path, never its value) so the element
 * can tell the developer. Its own entry point, `@pxm/core/reply-repair`: elements load it only
 * when a reply has failed its schema, so no page pays for it up front. It imports nothing at run
 * time: the caller already holds the reply's own failure (`parseResponse`) and throws that when
 * the reply cannot be saved, so this chunk shares no module with the page's first chunk.
 */
import type * as z from 'zod/mini';

export interface RepairedField {
  /** Dotted path in the reply, e.g. `locations.0.mapUrl`. */
  path: string;
  /** `dropped`: a bad link (or the list item that needed it) was left out; `shortened`: text cut to its limit. */
  action: 'dropped' | 'shortened';
}

interface Issue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  format?: string;
  origin?: string;
  maximum?: number | bigint;
  input?: unknown;
}

/** Identifiers and tokens are never cut: a shortened id would name something else. */
const IDENTIFIER_KEY = /(^id$|Id$|^token$|Token$)/;
/** Label and text limits (500 and up): shorter limits are codes and formats, not prose. */
const PROSE_LIMIT = 500;
const MAX_ROUNDS = 4;

type Container = Record<PropertyKey, unknown> | unknown[];

function parentOf(root: unknown, path: ReadonlyArray<PropertyKey>): Container | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

/** The path of the nearest enclosing list item, for a field whose object cannot do without it. */
function enclosingItem(path: ReadonlyArray<PropertyKey>): ReadonlyArray<PropertyKey> | undefined {
  for (let end = path.length - 1; end > 0; end -= 1) if (typeof path[end] === 'number') return path.slice(0, end + 1);
  return undefined;
}

function isBadLink(issue: Issue): boolean {
  return issue.code === 'invalid_format' && issue.format === 'url';
}

function isLongProse(issue: Issue): boolean {
  const key = String(issue.path.at(-1) ?? '');
  return issue.code === 'too_big' && issue.origin === 'string' && Number(issue.maximum) >= PROSE_LIMIT && !IDENTIFIER_KEY.test(key);
}

/** A field this repair removed is now missing, and its object requires it. */
function isMissingAfterDrop(issue: Issue, dropped: ReadonlySet<string>): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined && dropped.has(issue.path.map(String).join('.'));
}

/**
 * Parses `value`, repairing droppable fields when that is all that stands in the way. Returns the
 * result of the last parse and what was repaired (empty when the reply was fine or could not be saved).
 */
export function parseWithRepair<T>(schema: z.ZodMiniType<T>, value: unknown): { result: ReturnType<z.ZodMiniType<T>["safeParse"]>; repaired: RepairedField[] } {
  let result = schema.safeParse(value);
  if (result.success) return { result, repaired: [] };
  // Work on a copy: the adapter's object may be its own cache.
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return { result, repaired: [] };
  }
  const repaired: RepairedField[] = [];
  const dropped = new Set<string>();
  const removedItems: Array<ReadonlyArray<PropertyKey>> = [];
  for (let round = 0; round < MAX_ROUNDS && !result.success; round += 1) {
    const issues = result.error.issues as unknown as Issue[];
    if (!issues.every((issue) => isBadLink(issue) || isLongProse(issue) || isMissingAfterDrop(issue, dropped))) break;
    for (const issue of issues) {
      const path = issue.path.map(String).join('.');
      const parent = parentOf(copy, issue.path);
      const key = issue.path.at(-1);
      if (!parent || key === undefined) continue;
      if (isBadLink(issue)) {
        delete (parent as Record<PropertyKey, unknown>)[key];
        dropped.add(path);
        repaired.push({ path, action: 'dropped' });
      } else if (isLongProse(issue)) {
        const text = (parent as Record<PropertyKey, unknown>)[key] as string;
        (parent as Record<PropertyKey, unknown>)[key] = `${text.slice(0, Number(issue.maximum) - 1)}…`;
        repaired.push({ path, action: 'shortened' });
      } else {
        const item = enclosingItem(issue.path);
        if (!item) return { result, repaired: [] };
        removedItems.push(item);
      }
    }
    // Remove list items from the end so earlier indexes stay right.
    for (const item of removedItems.sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)))) {
      const list = parentOf(copy, item);
      if (Array.isArray(list)) list.splice(Number(item.at(-1)), 1);
    }
    removedItems.length = 0;
    result = schema.safeParse(copy);
  }
  return result.success ? { result, repaired } : { result, repaired: [] };
}
