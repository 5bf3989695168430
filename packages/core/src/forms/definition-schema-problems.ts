/**
 * Turns the issues of `FormDefinitionSchema` into problems a developer can act on: each names
 * the item id (when the path runs through one) and the path, in words. The schema is the only
 * definition of the shape; this only words what it found.
 */
import type { ValidationIssue } from '../errors/adapter-error.js';
import { describeIssue, valueAtPath, type SchemaIssue } from './schema-issue-text.js';
import type { DefinitionProblem } from './definition-problem.js';

export type { SchemaIssue } from './schema-issue-text.js';

/** A page of problems is enough to act on; the rest follow once those are fixed. */
const MAX_SCHEMA_PROBLEMS = 50;

/** The id of the innermost item or page on a path into the raw input. */
function idAlongPath(root: unknown, path: readonly string[]): string | undefined {
  for (let end = path.length; end > 0; end--) {
    const key = path[end - 2];
    if (key !== 'items' && key !== 'pages') continue;
    const id = (valueAtPath(root, path.slice(0, end)) as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

function problemAt(parts: readonly string[], itemId: string | undefined, words: string, unknownType: boolean): DefinitionProblem {
  const path = parts.join('.');
  if (unknownType) {
    const where = parts.slice(0, -1).join('.');
    return { code: 'unknown_type', path: where, ...(itemId ? { itemId } : {}), message: `Item ${itemId ? `"${itemId}"` : `at ${where}`} ${words}.` };
  }
  const field = parts[parts.length - 1];
  return { code: 'schema', path, ...(itemId ? { itemId } : {}), message: `${itemId ? `Item "${itemId}"` : 'The definition'}: ${field ? `"${field}" ` : ''}${words} (at ${path || 'the top level'}).` };
}

/** Problems for the schema's issues on `input` (the definition as given). */
export function schemaProblems(input: unknown, issues: readonly SchemaIssue[]): DefinitionProblem[] {
  return issues.slice(0, MAX_SCHEMA_PROBLEMS).map((issue) => {
    const parts = issue.path.map(String);
    const found = valueAtPath(input, issue.path);
    const unknownType = issue.code === 'invalid_union' && issue.discriminator === 'type' && parts[parts.length - 3] === 'items';
    return problemAt(parts, idAlongPath(input, parts), describeIssue(issue, found), unknownType);
  });
}

/**
 * Problems for the issues of an adapter reply refused at the element boundary, when every one
 * lies inside its `definition` (`definition.pages.0...`): the definition is at fault, not the
 * rest of the reply. Undefined otherwise. The reply itself is never read (it was refused), and
 * its issues carry paths only (the boundary words nothing, to stay small), so each problem names
 * the field by its path; `checkFormDefinition` on the same definition says more.
 */
export function definitionProblemsOfReply(issues: readonly ValidationIssue[]): DefinitionProblem[] | undefined {
  const prefix = 'definition.';
  if (issues.length === 0 || !issues.every((issue) => issue.path.startsWith(prefix))) return undefined;
  return issues.map((issue) => problemAt(issue.path.slice(prefix.length).split('.'), undefined, 'is not valid', false));
}
