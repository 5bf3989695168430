/**
 * A link's token is an identifier of the resource the link opens, its period's end the link's
 * expiry. The lookup is the same for every link: a token search, then the exact match checked
 * here (a server may match a token search loosely); none or several is an invalid link.
 */
import { AdapterError } from '@pxm/core';
import type { FhirContext } from '../context.js';
import { token } from './elements.js';
import type { Identifier, Resource } from './types.js';

/** Tokens are made long and random; anything else is refused before it reaches the server. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 8 && value.length <= 2000;
}

export interface LinkedResource<R> {
  resource: R;
  /** The link's expiry, as stored (absent when the link states none). */
  expiresAt: string | undefined;
}

/** The one resource of `resourceType` whose `system` identifier is the token; `invalid()` when there is none. */
export async function findByLinkToken<R extends Resource & { identifier?: Identifier[] | undefined }>(
  ctx: FhirContext,
  resourceType: R['resourceType'],
  system: string,
  linkToken: string,
  invalid: () => AdapterError,
  operation: string,
  signal?: AbortSignal,
): Promise<LinkedResource<R>> {
  if (!isWellFormedToken(linkToken)) throw invalid();
  const found = await ctx.client.search<R>(operation, resourceType, { identifier: token(system, linkToken) }, signal);
  const ofToken = (resource: R) => resource.identifier?.find((id) => id.system === system && id.value === linkToken);
  const matches = found.matches.filter((resource) => ofToken(resource) !== undefined);
  if (matches.length !== 1) throw invalid();
  return { resource: matches[0]!, expiresAt: ofToken(matches[0]!)?.period?.end };
}

/** Refuses a link whose expiry has passed with `token_expired`. */
export function refuseExpired(ctx: FhirContext, expiresAt: string | undefined, operation: string, message = 'This link has expired.'): void {
  if (expiresAt !== undefined && Date.parse(expiresAt) <= ctx.now().getTime()) throw new AdapterError('token_expired', message, { operation });
}
