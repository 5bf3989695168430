/**
 * Writes a referral and what went back to its referrer to a FHIR server: ServiceRequest, Task,
 * one Communication per transmission, one DocumentReference per plan of care. The ServiceRequest
 * and the Task follow the referral (updated in place, found by identifier); documents and
 * messages are created only if none with their identifier exists (a conditional create), so
 * exporting again after a change adds what is new and never duplicates.
 */
import type { ReferralInboxItem, ReferralTransmission } from '@pxm/core/referral';
import type { Identifier, Reference, Resource } from '../fhir/types.js';
import type { FhirAuth } from '../http/auth.js';
import { createFhirClient, type FhirClient } from '../http/client.js';
import { planOfCareDocument, referralCommunication, referralServiceRequest, referralSubject, referralTask, type ReferralBookingLink } from './referral-resources.js';

export interface ReferralRecord {
  referral: ReferralInboxItem;
  transmissions: readonly ReferralTransmission[];
  plansOfCare: ReadonlyArray<{ id: string; certifiedOn: string; uploadedAt: string; pdf: Uint8Array; sha1Base64: string }>;
  /** The Patient on the server, once the referred patient has one. */
  patient?: Reference;
  /** A booking link just created for the referral: `getReferralContext` then finds the referral by its token. */
  bookingLink?: ReferralBookingLink;
}

export interface ReferralExport {
  serviceRequest: string;
  task: string;
  communications: string[];
  documents: string[];
}

async function createOnce<T extends Resource & { identifier: Array<{ system?: string; value?: string }> }>(client: FhirClient, operation: string, resource: T, signal?: AbortSignal): Promise<string> {
  const identifier = resource.identifier[0]!;
  const written = await client.create(operation, resource, { ifNoneExist: { identifier: `${identifier.system}|${identifier.value}` }, signal });
  return `${resource.resourceType}/${written.resource.id}`;
}

/**
 * Updates the resource with the referral's identifier, or creates it. Identifiers the stored
 * resource has and this one lacks are kept: a booking link exported once stays findable when the
 * referral is exported again without it.
 */
async function upsert<T extends Resource & { identifier: Identifier[] }>(client: FhirClient, operation: string, resource: T, signal?: AbortSignal): Promise<string> {
  const identifier = resource.identifier[0]!;
  const found = await client.search<T>(operation, resource.resourceType, { identifier: `${identifier.system}|${identifier.value}` }, signal);
  const existing = found.matches[0];
  const kept = (existing?.identifier ?? []).filter((old) => !resource.identifier.some((now) => now.system === old.system && now.value === old.value));
  const merged = { ...resource, identifier: [...resource.identifier, ...kept] };
  const written = existing?.id ? await client.update(operation, { ...merged, id: existing.id }, { signal }) : await client.create(operation, merged, { signal });
  return `${resource.resourceType}/${written.resource.id}`;
}

export async function exportReferralToFhir(
  options: { baseUrl: string; auth?: FhirAuth; fetch?: typeof fetch },
  record: ReferralRecord,
  signal?: AbortSignal,
): Promise<ReferralExport> {
  const operation = 'referral.exportToFhir';
  const client = createFhirClient({ baseUrl: options.baseUrl, auth: options.auth, fetch: options.fetch });
  const subject = referralSubject(record.referral, record.patient);
  const serviceRequest = await upsert(client, operation, referralServiceRequest(record.referral, subject, record.bookingLink), signal);
  const focus = { reference: serviceRequest };
  const task = await upsert(client, operation, referralTask(record.referral, focus, subject), signal);
  const documents = new Map<string, string>();
  for (const plan of record.plansOfCare) documents.set(plan.id, await createOnce(client, operation, planOfCareDocument(plan, focus, subject), signal));
  const communications: string[] = [];
  for (const transmission of record.transmissions) {
    const document = transmission.planOfCareId ? documents.get(transmission.planOfCareId) : undefined;
    communications.push(await createOnce(client, operation, referralCommunication(transmission, focus, subject, document ? { reference: document } : undefined), signal));
  }
  return { serviceRequest, task, communications, documents: [...documents.values()] };
}
