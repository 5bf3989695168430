/**
 * Provider <-> Practitioner plus one PractitionerRole and one Schedule per location. The role
 * says where the provider works and which visit types (HealthcareServices) they offer there;
 * the schedule is what the location's Slots hang off.
 */
import type { Provider } from '@pxm/core/booking';
import { extensionOf, referenceId } from '../fhir/elements.js';
import { PRACTITIONER_BIO_EXTENSION, BCP47_SYSTEM } from '../fhir/namespace.js';
import type { CodeableConcept, HealthcareService, HumanName, Practitioner, PractitionerRole, Schedule } from '../fhir/types.js';

/** Id of the role and schedule of a provider at a location, for provisioned practices. */
export function roleId(providerId: string, locationId: string): string {
  return `${providerId}.${locationId}`.slice(0, 64);
}

function humanName(name: string, credentials: string | undefined): HumanName {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop() : undefined;
  return {
    use: 'official',
    text: name,
    ...(family ? { family } : {}),
    given: words,
    ...(credentials ? { suffix: credentials.split(/\s*,\s*/).filter(Boolean) } : {}),
  };
}

export function toPractitioner(provider: Provider): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: provider.id,
    active: true,
    name: [humanName(provider.name, provider.credentials)],
    ...(provider.photoUrl ? { photo: [{ url: provider.photoUrl }] } : {}),
    ...(provider.languages ? { communication: provider.languages.map((code) => ({ coding: [{ system: BCP47_SYSTEM, code }] })) } : {}),
    ...(provider.bio ? { extension: [{ url: PRACTITIONER_BIO_EXTENSION, valueMarkdown: provider.bio }] } : {}),
  };
}

export function toPractitionerRoles(provider: Provider, organizationId: string, typesAt: (locationId: string) => readonly string[]): PractitionerRole[] {
  return provider.locationIds.map((locationId) => ({
    resourceType: 'PractitionerRole',
    id: roleId(provider.id, locationId),
    active: true,
    practitioner: { reference: `Practitioner/${provider.id}` },
    organization: { reference: `Organization/${organizationId}` },
    location: [{ reference: `Location/${locationId}` }],
    healthcareService: provider.appointmentTypeIds
      .filter((typeId) => typesAt(locationId).includes(typeId))
      .map((typeId) => ({ reference: `HealthcareService/${typeId}` })),
  }));
}

export function toSchedule(role: PractitionerRole, services: readonly HealthcareService[]): Schedule {
  const offered = new Set((role.healthcareService ?? []).map((ref) => referenceId(ref, 'HealthcareService')));
  const serviceType: CodeableConcept[] = services.filter((s) => offered.has(s.id)).flatMap((s) => s.type ?? []);
  return {
    resourceType: 'Schedule',
    id: role.id ?? '',
    active: true,
    ...(serviceType.length > 0 ? { serviceType } : {}),
    actor: [
      { reference: `PractitionerRole/${role.id ?? ''}` },
      ...(role.practitioner ? [role.practitioner] : []),
      ...(role.location ?? []),
    ],
  };
}

function displayName(name: HumanName | undefined): string | undefined {
  if (!name) return undefined;
  if (name.text) return name.text;
  const parts = [...(name.given ?? []), ...(name.family ? [name.family] : [])];
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The provider as seen at this practice: only the roles given (those of the organization). */
export function fromPractitioner(practitioner: Practitioner, roles: readonly PractitionerRole[], locationIds: ReadonlySet<string>): Provider | undefined {
  if (!practitioner.id) return undefined;
  const name = practitioner.name?.find((n) => n.use === 'official') ?? practitioner.name?.[0];
  const locations = new Set<string>();
  const types = new Set<string>();
  for (const role of roles) {
    const here = (role.location ?? []).flatMap((ref) => referenceId(ref, 'Location') ?? []).filter((id) => locationIds.has(id));
    if (here.length === 0) continue;
    here.forEach((id) => locations.add(id));
    for (const ref of role.healthcareService ?? []) {
      const typeId = referenceId(ref, 'HealthcareService');
      if (typeId) types.add(typeId);
    }
  }
  const languages = (practitioner.communication ?? []).flatMap((concept) => concept.coding?.filter((c) => c.system === BCP47_SYSTEM && c.code).map((c) => c.code!) ?? []);
  const bio = extensionOf(practitioner, PRACTITIONER_BIO_EXTENSION);
  const credentials = name?.suffix?.join(', ');
  const photoUrl = practitioner.photo?.find((photo) => photo.url && /^https?:/.test(photo.url))?.url;
  return {
    id: practitioner.id,
    name: displayName(name) ?? practitioner.id,
    ...(credentials ? { credentials } : {}),
    ...(bio?.valueMarkdown ?? bio?.valueString ? { bio: bio.valueMarkdown ?? bio.valueString } : {}),
    ...(photoUrl ? { photoUrl } : {}),
    ...(languages.length > 0 ? { languages } : {}),
    locationIds: [...locations],
    appointmentTypeIds: [...types],
  };
}

