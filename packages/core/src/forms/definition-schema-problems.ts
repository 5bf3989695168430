/**
 * Turns the issues of `FormDefinitionSchema.safeParse` into problems a developer can act on:
 * each names the item id (when the path runs through one) and the path, in words. The schema
 * is the only definition of the shape; this only words what it found.
 */
import type { DefinitionProblem } from './definition-problem.js';

/** What the schema reports for one bad field (the part of a zod issue read here). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
  readonly note?: string;
  readonly discriminator?: string;
  readonly options?: readonly unknown[];
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
  readonly format?: string;
}

/** A page of problems is enough to act on; the rest follow once those are fixed. */
const MAX_SCHEMA_PROBLEMS = 50;

function lookupPath(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The id of the innermost item or page on a path into the raw input. */
function idAlongPath(root: unknown, path: readonly string[]): string | undefined {
  for (let end = path.length; end > 0; end--) {
    const key = path[end - 2];
    if (key !== 'items' && key !== 'pages') continue;
    const id = (lookupPath(root, path.slice(0, end)) as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

const describeValue = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/** zod/mini ships no wording ("Invalid input"): say what was expected from the issue's code. */
function explain(issue: SchemaIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `is missing (expected ${String(issue.expected)})` : `expected ${String(issue.expected)}, got ${describeValue(found)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys?.length === 1 ? '' : 's'} ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(found)}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : ''}`;
    case 'invalid_format':
      return `has the wrong format${issue.format ? ` (${issue.format})` : ''}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return issue.message;
  }
}

/** Problems for the schema's issues on `input` (the definition as given). */
export function schemaProblems(input: unknown, issues: readonly SchemaIssue[]): DefinitionProblem[] {
  return issues.slice(0, MAX_SCHEMA_PROBLEMS).map((issue) => {
    const parts = issue.path.map(String);
    const path = parts.join('.');
    const itemId = idAlongPath(input, parts);
    const found = lookupPath(input, parts);
    if (issue.code === 'invalid_union' && issue.discriminator === 'type' && parts[parts.length - 3] === 'items') {
      const where = parts.slice(0, -1).join('.');
      return {
        code: 'unknown_type' as const,
        path: where,
        ...(itemId ? { itemId } : {}),
        message: `Item ${itemId ? `"${itemId}"` : `at ${where}`} has an unknown type ${describeValue(found)} (known: ${(issue.options ?? []).join(', ')}).`,
      };
    }
    const field = parts[parts.length - 1];
    return {
      code: 'schema' as const,
      path,
      ...(itemId ? { itemId } : {}),
      message: `${itemId ? `Item "${itemId}"` : 'The definition'}: ${field ? `"${field}" ` : ''}${explain(issue, found)} (at ${path || 'the top level'}).`,
    };
  });
}
