/**
 * Insurance (or self-pay) as a Coverage. The subscriber, when not the patient, is a contained
 * RelatedPerson so the name and date of birth the patient typed stay with the coverage.
 */
import type { Coverage as ContractCoverage } from '@pxm/core/booking';
import { REQUEST_KEY_IDENTIFIER, COVERAGE_SELF_PAY_SYSTEM, SUBSCRIBER_RELATIONSHIP_SYSTEM, COVERAGE_CLASS_SYSTEM } from '../fhir/namespace.js';
import type { Coverage, RelatedPerson } from '../fhir/types.js';

const RELATIONSHIP_DISPLAY = { self: 'Self', spouse: 'Spouse', child: 'Child', other: 'Other' } as const;

/** `beneficiary` is `Patient/<id>`, or `#patient` inside an eligibility request. */
export function toFhirCoverage(coverage: ContractCoverage, beneficiaryRef: string, requestKey?: string): Coverage {
  const beneficiary = { reference: beneficiaryRef };
  const identifier = requestKey ? [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: requestKey }] : [];
  if (coverage.kind === 'self-pay') {
    return {
      resourceType: 'Coverage',
      ...(identifier.length > 0 ? { identifier } : {}),
      status: 'active',
      type: { coding: [{ system: COVERAGE_SELF_PAY_SYSTEM, code: 'pay', display: 'PAY' }], text: 'Self-pay' },
      beneficiary,
      payor: [beneficiary],
    };
  }
  const subscriber: RelatedPerson | undefined =
    coverage.relationship === 'self'
      ? undefined
      : {
          resourceType: 'RelatedPerson',
          id: 'subscriber',
          patient: beneficiary,
          relationship: [{ text: RELATIONSHIP_DISPLAY[coverage.relationship] }],
          ...(coverage.subscriberName ? { name: [{ text: coverage.subscriberName }] } : {}),
          ...(coverage.subscriberDateOfBirth ? { birthDate: coverage.subscriberDateOfBirth } : {}),
        };
  return {
    resourceType: 'Coverage',
    ...(subscriber ? { contained: [subscriber] } : {}),
    ...(identifier.length > 0 ? { identifier } : {}),
    status: 'active',
    subscriber: subscriber ? { reference: '#subscriber' } : beneficiary,
    subscriberId: coverage.memberId,
    beneficiary,
    relationship: {
      coding: [{ system: SUBSCRIBER_RELATIONSHIP_SYSTEM, code: coverage.relationship, display: RELATIONSHIP_DISPLAY[coverage.relationship] }],
    },
    payor: [{ display: coverage.payerName, ...(coverage.payerId ? { identifier: { value: coverage.payerId } } : {}) }],
    ...(coverage.groupNumber
      ? { class: [{ type: { coding: [{ system: COVERAGE_CLASS_SYSTEM, code: 'group', display: 'Group' }] }, value: coverage.groupNumber }] }
      : {}),
  };
}
