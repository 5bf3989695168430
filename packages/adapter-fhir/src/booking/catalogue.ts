/**
 * The practice as the booking element sees it, read from FHIR in a handful of searches and kept
 * for a short while (`catalogueTtlMs`): the Organization, its Locations, its HealthcareServices
 * (appointment types), its PractitionerRoles with their Practitioners (providers) and the
 * Schedules their Slots hang off.
 */
import { AdapterError } from '@pxm/core';
import type { AppointmentType, Location, Practice, Provider } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { conceptsOverlap, parseReference, referenceId } from '../fhir/elements.js';
import type {
  CodeableConcept,
  HealthcareService,
  Location as FhirLocation,
  Organization,
  Practitioner,
  PractitionerRole,
  Schedule,
} from '../fhir/types.js';
import { abortable } from '../http/abortable.js';
import { fromHealthcareService, visitTypeConcepts } from './appointment-type-mapping.js';
import { fromFhirLocation } from './location-mapping.js';
import { fromOrganization } from './practice-mapping.js';
import { fromPractitioner } from './provider-mapping.js';

export interface VisitType {
  type: AppointmentType;
  /** Codings that mark a Slot or Appointment as this visit type. */
  concepts: CodeableConcept[];
}

export interface ScheduleInfo {
  id: string;
  providerId: string;
  locationId: string;
  /** Visit types this schedule's slots may be booked for. */
  typeIds: ReadonlySet<string>;
}

export interface Catalogue {
  practice: Practice;
  organization: Organization;
  locations: ReadonlyMap<string, Location>;
  types: ReadonlyMap<string, VisitType>;
  providers: ReadonlyMap<string, Provider>;
  schedules: ReadonlyMap<string, ScheduleInfo>;
}

/** The visit type whose codings a Slot or Appointment carries. */
export function visitTypeOf(catalogue: Catalogue, concepts: readonly CodeableConcept[] | undefined): VisitType | undefined {
  if (!concepts || concepts.length === 0) return undefined;
  for (const visit of catalogue.types.values()) if (conceptsOverlap(visit.concepts, concepts)) return visit;
  return undefined;
}

export function schedulesOf(catalogue: Catalogue, providerId: string): ScheduleInfo[] {
  return [...catalogue.schedules.values()].filter((schedule) => schedule.providerId === providerId);
}

const ID_CHUNK = 40;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function loadCatalogue(ctx: FhirContext, operation: string): Promise<Catalogue> {
  const { client, practice: scope } = ctx;
  const orgRef = `Organization/${scope.organizationId}`;
  const [org, locationResult, serviceResult, roleResult] = await Promise.all([
    client.read<Organization>(operation, 'Organization', scope.organizationId),
    client.search<FhirLocation>(operation, 'Location', { organization: orgRef }),
    client.search<HealthcareService>(operation, 'HealthcareService', { organization: orgRef }),
    client.search<PractitionerRole>(operation, 'PractitionerRole', { organization: orgRef, _include: 'PractitionerRole:practitioner' }),
  ]);

  const locations = new Map<string, Location>();
  for (const resource of locationResult.matches) {
    if (resource.status === 'inactive' || resource.status === 'suspended') continue;
    if (scope.locationIds && !scope.locationIds.includes(resource.id ?? '')) continue;
    const location = fromFhirLocation(resource, scope.defaultTimeZone);
    if (location) locations.set(location.id, location);
  }

  const types = new Map<string, VisitType>();
  for (const service of serviceResult.matches) {
    if (service.active === false) continue;
    const type = fromHealthcareService(service);
    if (type) types.set(type.id, { type, concepts: visitTypeConcepts(service) });
  }

  const roles = roleResult.matches.filter((role) => role.active !== false);
  const practitioners = new Map<string, Practitioner>();
  for (const resource of roleResult.included) if (resource.resourceType === 'Practitioner' && resource.id) practitioners.set(resource.id, resource as Practitioner);
  const missing = [...new Set(roles.flatMap((role) => referenceId(role.practitioner, 'Practitioner') ?? []))].filter((id) => !practitioners.has(id));
  // Servers without `_include` support: fetch the practitioners by id instead.
  for (const ids of chunks(missing, ID_CHUNK)) {
    const found = await client.search<Practitioner>(operation, 'Practitioner', { _id: ids.join(',') });
    for (const resource of found.matches) if (resource.id) practitioners.set(resource.id, resource);
  }

  const locationIds = new Set(locations.keys());
  const providers = new Map<string, Provider>();
  for (const practitioner of practitioners.values()) {
    if (practitioner.active === false) continue;
    const own = roles.filter((role) => referenceId(role.practitioner, 'Practitioner') === practitioner.id);
    const provider = fromPractitioner(practitioner, own, locationIds);
    if (provider && provider.locationIds.length > 0) {
      provider.appointmentTypeIds = provider.appointmentTypeIds.filter((id) => types.has(id));
      providers.set(provider.id, provider);
    }
  }

  const schedules = await loadSchedules(ctx, operation, [...locationIds], roles, types, providers);
  return { practice: fromOrganization(org.resource), organization: org.resource, locations, types, providers, schedules };
}

async function loadSchedules(
  ctx: FhirContext,
  operation: string,
  locationIds: string[],
  roles: PractitionerRole[],
  types: ReadonlyMap<string, VisitType>,
  providers: ReadonlyMap<string, Provider>,
): Promise<Map<string, ScheduleInfo>> {
  const actors = [...locationIds.map((id) => `Location/${id}`), ...roles.flatMap((role) => (role.id ? [`PractitionerRole/${role.id}`] : []))];
  const found = new Map<string, Schedule>();
  for (const group of chunks(actors, ID_CHUNK)) {
    const result = await ctx.client.search<Schedule>(operation, 'Schedule', { actor: group.join(',') });
    for (const schedule of result.matches) if (schedule.id && schedule.active !== false) found.set(schedule.id, schedule);
  }
  const roleById = new Map(roles.flatMap((role) => (role.id ? [[role.id, role] as const] : [])));
  const schedules = new Map<string, ScheduleInfo>();
  for (const schedule of found.values()) {
    let providerId: string | undefined;
    let locationId: string | undefined;
    let role: PractitionerRole | undefined;
    for (const actor of schedule.actor ?? []) {
      const ref = parseReference(actor);
      if (ref?.type === 'Practitioner') providerId ??= ref.id;
      if (ref?.type === 'Location') locationId ??= ref.id;
      if (ref?.type === 'PractitionerRole') role ??= roleById.get(ref.id);
    }
    providerId ??= referenceId(role?.practitioner, 'Practitioner');
    locationId ??= role?.location?.length === 1 ? referenceId(role.location[0], 'Location') : undefined;
    const provider = providerId ? providers.get(providerId) : undefined;
    if (!provider || !locationId || !locationIds.includes(locationId)) continue;
    role ??= roles.find((r) => referenceId(r.practitioner, 'Practitioner') === providerId && (r.location ?? []).some((l) => referenceId(l, 'Location') === locationId));
    const typeIds = new Set<string>();
    for (const [typeId, visit] of types) {
      if (!provider.appointmentTypeIds.includes(typeId)) continue;
      if (visit.type.locationIds && !visit.type.locationIds.includes(locationId)) continue;
      const roleOffers = role?.healthcareService?.some((ref) => referenceId(ref, 'HealthcareService') === typeId) ?? true;
      const scheduleOffers = !schedule.serviceType?.length || conceptsOverlap(schedule.serviceType, visit.concepts);
      if (roleOffers && scheduleOffers) typeIds.add(typeId);
    }
    schedules.set(schedule.id!, { id: schedule.id!, providerId: provider.id, locationId, typeIds });
  }
  return schedules;
}

/** The shared load's failure, named after the operation that was waiting for it. */
function asOperation(error: unknown, operation: string): unknown {
  if (!AdapterError.is(error) || error.operation === operation) return error;
  return new AdapterError(error.code, error.message, { operation, retryable: error.retryable, issues: [...error.issues], cause: error });
}

/** A cached catalogue per adapter; a failed load is not remembered. */
export function catalogueReader(ctx: FhirContext): (operation: string, signal?: AbortSignal) => Promise<Catalogue> {
  let cached: { at: number; value: Promise<Catalogue> } | undefined;
  return (operation, signal) => {
    const now = Date.now();
    if (!cached || now - cached.at > ctx.catalogueTtlMs) {
      const value = loadCatalogue(ctx, operation);
      cached = { at: now, value };
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return abortable(cached.value, signal).catch((error: unknown) => {
      throw asOperation(error, operation);
    });
  };
}
