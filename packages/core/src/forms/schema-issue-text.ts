/**
 * Words for a schema's issues on a form definition. zod/mini ships no wording (every message is
 * "Invalid input"), so the issue's code and what was found at its path say what was expected.
 */

/** What a schema reports for one bad field (the part of a zod issue read here). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
  readonly format?: string;
  readonly discriminator?: string;
  readonly options?: readonly unknown[];
}

/** The value at `path` inside `root`, if any. */
export function valueAtPath(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
  } catch {
    return typeof value;
  }
};

const unit = (origin: string | undefined) => (origin === 'string' ? ' characters' : origin === 'array' ? ' entries' : '');

/**
 * A short phrase for an issue, given the value found at its path in a form definition (the
 * definition's own text, never an answer, so the value may be named).
 */
export function describeIssue(issue: SchemaIssue, found: unknown): string {
  const got = `, got ${describeValue(found)}`;
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `is missing (expected ${String(issue.expected)})` : `expected ${String(issue.expected)}${got}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys?.length === 1 ? '' : 's'} ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(', ')}${got}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)}${unit(issue.origin)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${unit(issue.origin)}`;
    case 'invalid_format':
      return `has the wrong format${issue.format ? ` (${issue.format})` : ''}`;
    case 'invalid_union':
      return issue.discriminator ? `has an unknown ${issue.discriminator} ${describeValue(found)} (known: ${(issue.options ?? []).join(', ')})` : 'matches none of the allowed shapes';
    default:
      return issue.message;
  }
}
