/**
 * What a referral booking link books, read from FHIR: the referral's ServiceRequest carries the
 * link's token as a `link-token` identifier (its period's end the link's expiry, as on every
 * link this adapter opens) and, where the link named one, the visit type as an order detail.
 * Otherwise the visit type is core's `visitTypeForReferral` over the practice's visit types
 * (by the discipline of the ServiceRequest's code). Nothing about the patient is read out.
 */
import { AdapterError } from '@pxm/core';
import { visitTypeForReferral, type ReferralBookingContext } from '@pxm/core/referral';
import { visitTypeOf, type Catalogue } from '../booking/catalogue.js';
import type { FhirContext } from '../context.js';
import { findByLinkToken, refuseExpired } from '../fhir/link-token.js';
import { LINK_TOKEN_IDENTIFIER } from '../fhir/namespace.js';
import { disciplineOf } from './discipline-codes.js';
import type { ServiceRequest } from './referral-resources.js';

export async function readReferralContext(
  ctx: FhirContext,
  catalogue: Catalogue,
  referralToken: string,
  operation: string,
  signal?: AbortSignal,
): Promise<ReferralBookingContext> {
  const invalid = () => new AdapterError('token_invalid', 'This referral link is not valid.', { operation });
  const { resource: request, expiresAt } = await findByLinkToken<ServiceRequest>(ctx, 'ServiceRequest', LINK_TOKEN_IDENTIFIER, referralToken, invalid, operation, signal);
  // A draft (not yet read), revoked (declined) or completed referral books nothing.
  if (request.status !== 'active') throw invalid();
  if (!expiresAt || Number.isNaN(Date.parse(expiresAt))) throw invalid();
  refuseExpired(ctx, expiresAt, operation, 'This referral link has expired.');
  const discipline = disciplineOf(request.code ? [request.code] : undefined);
  if (!discipline) throw invalid();
  const types = [...catalogue.types.values()];
  const named = visitTypeOf(catalogue, request.orderDetail);
  const visit = named?.type ?? visitTypeForReferral(types.map((entry) => entry.type), discipline);
  if (!visit) throw new AdapterError('not_found', 'The practice offers no visit this referral can book.', { operation });
  return { appointmentTypeId: visit.id, discipline, expiresAt: new Date(Date.parse(expiresAt)).toISOString() };
}
