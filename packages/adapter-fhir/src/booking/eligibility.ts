/**
 * Insurance eligibility where the server can check it: a CoverageEligibilityRequest (with the
 * coverage and a minimal patient contained) submitted to `CoverageEligibilityRequest/$submit`,
 * answered by a CoverageEligibilityResponse: `inforce` gives active or inactive, a `copay`
 * benefit gives the copay, and items per therapy category give the benefits summary
 * (`benefits-mapping.ts`). Offered only when the host turns it on (`eligibility: true`), as
 * plain FHIR servers have nobody to ask.
 */
import { AdapterError } from '@pxm/core';
import type { Coverage, EligibilityResult } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { BENEFIT_TYPE_SYSTEM } from '../fhir/namespace.js';
import type { Bundle, CoverageEligibilityRequest, CoverageEligibilityResponse, Parameters, Resource } from '../fhir/types.js';
import { hasErrorCode } from '../http/errors.js';
import type { Catalogue } from './catalogue.js';
import { categoryOf, fromBenefitItems, THERAPY_DISCIPLINES } from './benefits-mapping.js';
import { toFhirCoverage } from './coverage-mapping.js';
import { fromFhirMoney } from './practice-mapping.js';

export function toEligibilityRequest(coverage: Extract<Coverage, { kind: 'insurance' }>, organizationId: string, created: string): CoverageEligibilityRequest {
  // Contained resources may not nest (dom-2): the subscriber moves up beside the coverage.
  const { contained: subscriber = [], ...covered } = { ...toFhirCoverage(coverage, '#patient'), id: 'coverage' };
  return {
    resourceType: 'CoverageEligibilityRequest',
    contained: [
      ...subscriber,
      {
        resourceType: 'Patient',
        id: 'patient',
        ...(coverage.relationship === 'self' && coverage.subscriberDateOfBirth ? { birthDate: coverage.subscriberDateOfBirth } : {}),
      } as Resource,
      covered,
    ],
    status: 'active',
    purpose: ['validation', 'benefits'],
    patient: { reference: '#patient' },
    created,
    insurer: { display: coverage.payerName, ...(coverage.payerId ? { identifier: { value: coverage.payerId } } : {}) },
    provider: { reference: `Organization/${organizationId}` },
    insurance: [{ focal: true, coverage: { reference: '#coverage' } }],
    item: THERAPY_DISCIPLINES.map((discipline) => ({ category: categoryOf(discipline) })),
  };
}

function responseIn(reply: Resource): CoverageEligibilityResponse | undefined {
  if (reply.resourceType === 'CoverageEligibilityResponse') return reply as CoverageEligibilityResponse;
  if (reply.resourceType === 'Bundle') {
    return (reply as Bundle).entry?.map((e) => e.resource).find((r): r is CoverageEligibilityResponse => r?.resourceType === 'CoverageEligibilityResponse');
  }
  if (reply.resourceType === 'Parameters') {
    const inner = (reply as Parameters).parameter?.find((p) => p.resource)?.resource;
    return inner ? responseIn(inner) : undefined;
  }
  return undefined;
}

export function fromEligibilityResponse(response: CoverageEligibilityResponse, checkedAt: string, payerName?: string): EligibilityResult {
  const insurance = response.insurance?.[0];
  const status = response.outcome === 'error' || insurance?.inforce === undefined ? 'unknown' : insurance.inforce ? 'active' : 'inactive';
  const copay = (response.insurance ?? [])
    .flatMap((ins) => ins.item ?? [])
    .flatMap((item) => item.benefit ?? [])
    .find((benefit) => benefit.type?.coding?.some((c) => c.system === BENEFIT_TYPE_SYSTEM && c.code === 'copay'));
  const benefits = fromBenefitItems(response, checkedAt, payerName);
  // The physical therapy copay when the response has therapy items; else the first copay given.
  const money = benefits ? benefits.disciplines.find((line) => line.discipline === 'physical-therapy')?.copay : fromFhirMoney(copay?.allowedMoney);
  return {
    status,
    checkedAt,
    ...(money ? { copay: money } : {}),
    ...(benefits ? { benefits } : {}),
    ...(response.disposition ? { message: response.disposition.slice(0, 2000) } : {}),
  };
}

export async function verifyEligibility(ctx: FhirContext, catalogue: Catalogue, coverage: Coverage, operation: string, signal?: AbortSignal): Promise<EligibilityResult> {
  const checkedAt = ctx.now().toISOString();
  if (coverage.kind === 'self-pay') return { status: 'unknown', checkedAt };
  let reply: Resource;
  try {
    reply = await ctx.client.invoke(operation, 'CoverageEligibilityRequest/$submit', toEligibilityRequest(coverage, catalogue.organization.id ?? '', checkedAt), signal);
  } catch (error) {
    if (hasErrorCode(error, 'not_found')) {
      throw new AdapterError('unsupported', 'This FHIR server does not check eligibility.', { operation });
    }
    throw error;
  }
  const response = responseIn(reply);
  if (!response) throw new AdapterError('server', 'The eligibility check returned no CoverageEligibilityResponse.', { operation, retryable: false });
  return fromEligibilityResponse(response, checkedAt, coverage.payerName);
}
