/** Location <-> Location: the clinic's address and phone, and its IANA zone in an extension. */
import type { Location } from '@pxm/core/booking';
import { extensionOf } from '../fhir/elements.js';
import { TIME_ZONE_EXTENSION } from '../fhir/namespace.js';
import type { Location as FhirLocation } from '../fhir/types.js';
import { telecomValue } from './practice-mapping.js';

export function toFhirLocation(location: Location, organizationId: string): FhirLocation {
  return {
    resourceType: 'Location',
    id: location.id,
    status: 'active',
    name: location.name,
    address: {
      use: 'work',
      line: [location.address.line1, ...(location.address.line2 ? [location.address.line2] : [])],
      city: location.address.city,
      ...(location.address.region ? { state: location.address.region } : {}),
      ...(location.address.postalCode ? { postalCode: location.address.postalCode } : {}),
      ...(location.address.country ? { country: location.address.country } : {}),
    },
    ...(location.phone ? { telecom: [{ system: 'phone', value: location.phone, use: 'work' }] } : {}),
    managingOrganization: { reference: `Organization/${organizationId}` },
    extension: [{ url: TIME_ZONE_EXTENSION, valueCode: location.timeZone }],
  };
}

/** The contract location, or undefined when the resource lacks what a booking needs (a zone). */
export function fromFhirLocation(resource: FhirLocation, fallbackZone: string | undefined): Location | undefined {
  const zone = extensionOf(resource, TIME_ZONE_EXTENSION)?.valueCode ?? fallbackZone;
  if (!resource.id || !zone) return undefined;
  const [line1, ...rest] = resource.address?.line ?? [];
  const phone = telecomValue(resource.telecom, 'phone');
  return {
    id: resource.id,
    name: resource.name ?? resource.id,
    address: {
      line1: line1 ?? resource.address?.text ?? '',
      ...(rest.length > 0 ? { line2: rest.join(', ') } : {}),
      city: resource.address?.city ?? '',
      ...(resource.address?.state ? { region: resource.address.state } : {}),
      ...(resource.address?.postalCode ? { postalCode: resource.address.postalCode } : {}),
      ...(resource.address?.country?.length === 2 ? { country: resource.address.country } : {}),
    },
    timeZone: zone,
    ...(phone ? { phone } : {}),
  };
}
