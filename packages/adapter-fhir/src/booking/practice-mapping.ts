/** Practice <-> Organization: name and contacts in core elements, policies in extensions. */
import type { CancellationPolicy, Practice, ReviewLink } from '@pxm/core/booking';
import type { Money } from '@pxm/core';
import { complexExtension, extensionOf, extensionsOf, part } from '../fhir/elements.js';
import { CANCELLATION_POLICY_EXTENSION, WHAT_TO_BRING_EXTENSION, REVIEW_LINK_EXTENSION } from '../fhir/namespace.js';
import type { ContactPoint, Extension, Money as FhirMoney, Organization } from '../fhir/types.js';

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY). */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toFhirMoney(money: Money): FhirMoney {
  return { value: money.amountMinor / 10 ** minorDigits(money.currency), currency: money.currency };
}

export function fromFhirMoney(money: FhirMoney | undefined): Money | undefined {
  if (money?.value === undefined || !money.currency) return undefined;
  return { amountMinor: Math.round(money.value * 10 ** minorDigits(money.currency)), currency: money.currency };
}

export function telecomValue(telecom: readonly ContactPoint[] | undefined, system: ContactPoint['system']): string | undefined {
  return [...(telecom ?? [])].filter((point) => point.system === system && point.value).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0]?.value;
}

function policyExtension(policy: CancellationPolicy): Extension {
  return complexExtension(CANCELLATION_POLICY_EXTENSION, [
    { url: 'minimum-notice-hours', valueInteger: policy.minimumNoticeHours },
    policy.lateCancelFee ? { url: 'late-cancel-fee', valueMoney: toFhirMoney(policy.lateCancelFee) } : undefined,
    policy.text ? { url: 'text', valueMarkdown: policy.text } : undefined,
  ]);
}

function readPolicy(organization: Organization): CancellationPolicy {
  const ext = extensionOf(organization, CANCELLATION_POLICY_EXTENSION);
  const fee = fromFhirMoney(part(ext, 'late-cancel-fee')?.valueMoney);
  const text = part(ext, 'text')?.valueMarkdown ?? part(ext, 'text')?.valueString;
  // A practice that publishes no policy still has one: no minimum notice, no fee.
  return {
    minimumNoticeHours: part(ext, 'minimum-notice-hours')?.valueInteger ?? 0,
    ...(fee ? { lateCancelFee: fee } : {}),
    ...(text ? { text } : {}),
  };
}

export function toOrganization(practice: Practice): Organization {
  const telecom: ContactPoint[] = [];
  if (practice.phone) telecom.push({ system: 'phone', value: practice.phone, use: 'work' });
  if (practice.email) telecom.push({ system: 'email', value: practice.email, use: 'work' });
  if (practice.website) telecom.push({ system: 'url', value: practice.website, use: 'work' });
  const extension: Extension[] = [policyExtension(practice.cancellationPolicy)];
  if (practice.whatToBring) extension.push({ url: WHAT_TO_BRING_EXTENSION, valueMarkdown: practice.whatToBring });
  for (const link of practice.reviewLinks ?? []) {
    extension.push(
      complexExtension(REVIEW_LINK_EXTENSION, [
        { url: 'site', valueCode: link.site },
        { url: 'url', valueUrl: link.url },
        link.label ? { url: 'label', valueString: link.label } : undefined,
      ]),
    );
  }
  return { resourceType: 'Organization', id: practice.id, active: true, name: practice.name, telecom, extension };
}

export function fromOrganization(organization: Organization): Practice {
  const reviewLinks = extensionsOf(organization, REVIEW_LINK_EXTENSION).flatMap((ext): ReviewLink[] => {
    const url = part(ext, 'url')?.valueUrl ?? part(ext, 'url')?.valueUri;
    if (!url) return [];
    const site = part(ext, 'site')?.valueCode;
    const label = part(ext, 'label')?.valueString;
    return [{ site: (site === 'google' || site === 'facebook' || site === 'yelp' ? site : 'other'), url, ...(label ? { label } : {}) }];
  });
  const whatToBring = extensionOf(organization, WHAT_TO_BRING_EXTENSION);
  const phone = telecomValue(organization.telecom, 'phone');
  const email = telecomValue(organization.telecom, 'email');
  const website = telecomValue(organization.telecom, 'url');
  return {
    id: organization.id ?? '',
    name: organization.name ?? '',
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    cancellationPolicy: readPolicy(organization),
    ...(whatToBring?.valueMarkdown ?? whatToBring?.valueString ? { whatToBring: whatToBring.valueMarkdown ?? whatToBring.valueString } : {}),
    ...(reviewLinks.length > 0 ? { reviewLinks } : {}),
  };
}
