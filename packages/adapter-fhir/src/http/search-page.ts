/**
 * One page of search results, checked before use: a `searchset` Bundle whose entries are
 * resources, matches of the searched type apart from `_include`d ones, and error outcomes
 * refused. Anything else (a transaction response, a lone resource, entries without resources)
 * is a malformed reply.
 */
import type { Bundle, Resource } from '../fhir/types.js';
import { isOperationOutcome, malformed } from './errors.js';

export interface SearchPage<T> {
  matches: T[];
  included: Resource[];
  total: number | undefined;
  next: string | undefined;
}

function isResource(value: unknown): value is Resource {
  return typeof value === 'object' && value !== null && typeof (value as Resource).resourceType === 'string';
}

/** `history` pages may hold entries without a resource (deleted versions); they are skipped. */
export function readSearchPage<T extends Resource>(operation: string, body: unknown, type: string, bundleType: 'searchset' | 'history' = 'searchset'): SearchPage<T> {
  if (!isResource(body) || body.resourceType !== 'Bundle') throw malformed(operation, `a ${bundleType === 'history' ? 'history read' : 'search'} did not return a Bundle`);
  const bundle = body as Bundle;
  if (bundle.type !== bundleType) throw malformed(operation, `expected a Bundle of type ${bundleType}, got ${String(bundle.type)}`);
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw malformed(operation, 'Bundle.entry is not a list');
  const matches: T[] = [];
  const included: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = entry?.resource;
    if (!isResource(resource)) {
      if (bundleType === 'history') continue;
      throw malformed(operation, 'a search entry has no resource');
    }
    const mode = entry.search?.mode;
    if (mode === 'outcome' || (mode === undefined && isOperationOutcome(resource) && type !== 'OperationOutcome')) {
      const fatal = (resource as { issue?: Array<{ severity?: string }> }).issue?.some((issue) => issue.severity === 'error' || issue.severity === 'fatal');
      if (fatal) throw malformed(operation, 'the search reported an error outcome');
      continue;
    }
    if (mode === 'include' || resource.resourceType !== type) included.push(resource);
    else matches.push(resource as T);
  }
  const total = typeof bundle.total === 'number' && Number.isInteger(bundle.total) && bundle.total >= 0 ? bundle.total : undefined;
  const links = Array.isArray(bundle.link) ? bundle.link : [];
  const next = links.find((link) => link?.relation === 'next' && typeof link.url === 'string' && link.url.length > 0)?.url;
  return { matches, included, total, next };
}
