/**
 * The FHIR resources that describe a practice the way this adapter reads it: an Organization,
 * its Locations, a HealthcareService per appointment type, a Practitioner per provider with a
 * PractitionerRole and a Schedule per location they work at, and free Slots. Load them into a
 * server (`transactionBundle`) to try the elements on FHIR, or compare them with what an EMR
 * already publishes.
 */
import type { AppointmentType, Location, Practice, Provider, Slot as ContractSlot } from '@pxm/core/booking';
import { toHealthcareService } from '../booking/appointment-type-mapping.js';
import { toFhirLocation } from '../booking/location-mapping.js';
import { toOrganization } from '../booking/practice-mapping.js';
import { roleId, toPractitioner, toPractitionerRoles, toSchedule } from '../booking/provider-mapping.js';
import type { Bundle, HealthcareService, Resource, Slot } from '../fhir/types.js';

export interface PracticeDescription {
  practice: Practice;
  locations: readonly Location[];
  appointmentTypes: readonly AppointmentType[];
  providers: readonly Provider[];
}

export function practiceResources(input: PracticeDescription): Resource[] {
  const orgId = input.practice.id;
  const services = input.appointmentTypes.map((type) => toHealthcareService(type, orgId));
  const typesAt = (locationId: string) => input.appointmentTypes.filter((t) => !t.locationIds || t.locationIds.includes(locationId)).map((t) => t.id);
  const roles = input.providers.flatMap((provider) => toPractitionerRoles(provider, orgId, typesAt));
  return [
    toOrganization(input.practice),
    ...input.locations.map((location) => toFhirLocation(location, orgId)),
    ...services,
    ...input.providers.map(toPractitioner),
    ...roles,
    ...roles.map((role) => toSchedule(role, services)),
  ];
}

/** Free Slots for times the practice offers (e.g. from core's `generateSlots`), one per slot and visit type. */
export function slotResources(slots: readonly ContractSlot[], appointmentTypes: readonly AppointmentType[]): Slot[] {
  const services = new Map<string, HealthcareService>(appointmentTypes.map((type) => [type.id, toHealthcareService(type, '')]));
  return slots.map((slot) => ({
    resourceType: 'Slot',
    schedule: { reference: `Schedule/${roleId(slot.providerId, slot.locationId)}` },
    status: 'free',
    serviceType: services.get(slot.appointmentTypeId)?.type ?? [],
    start: slot.start,
    end: slot.end,
  }));
}

/** A transaction that loads the resources: `PUT` for those with ids, `POST` for the rest. */
export function transactionBundle(resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) =>
      resource.id
        ? { resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } }
        : { resource, request: { method: 'POST', url: resource.resourceType } },
    ),
  };
}
