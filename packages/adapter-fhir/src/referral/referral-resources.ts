/**
 * A referral in FHIR R4: the order as a `ServiceRequest`, its triage as a `Task` focused on it,
 * each message that went back to the referrer as a `Communication` based on it, and each plan of
 * care as a `DocumentReference` related to it. Pure mapping from core's inbox shapes; the
 * writer is referral-export.ts. (docs/fhir-mapping.md lists the codes.)
 */
import type { ReferralInboxItem, ReferralStatus, ReferralTransmission, TransmissionStatus } from '@pxm/core/referral';
import type { Attachment, CodeableConcept, Identifier, Reference, Resource } from '../fhir/types.js';
import { REFERRAL_IDENTIFIER, LINK_TOKEN_IDENTIFIER, REFERRAL_RECORD_IDENTIFIER, PARTICIPATION_MODE_SYSTEM, NPI_SYSTEM, ICD10CM_SYSTEM, LOINC_SYSTEM } from '../fhir/namespace.js';
import { bytesToBase64 } from '../util/base64.js';
import { disciplineConcept } from './discipline-codes.js';
import { VISIT_TYPE_SYSTEM } from '../booking/appointment-type-mapping.js';

export interface ServiceRequest extends Resource {
  resourceType: 'ServiceRequest';
  identifier: Identifier[];
  status: 'draft' | 'active' | 'revoked' | 'completed';
  intent: 'order';
  priority?: 'routine' | 'urgent';
  code?: CodeableConcept;
  subject: Reference;
  requester?: Reference;
  reasonCode?: CodeableConcept[];
  authoredOn: string;
  note?: Array<{ text: string }>;
  /** The visit type a referral booking link books (the practice's visit-type coding). */
  orderDetail?: CodeableConcept[];
}

/**
 * A referral booking link as the ServiceRequest carries it: the token is a secondary identifier
 * (system `link-token`, the link's expiry as its period, as on every link the adapter opens)
 * and the visit type an order detail. The server keeps only the token's hash: the link is
 * exported by whoever created it, with the answer of `POST /admin/referrals/{id}/booking-links`.
 */
export interface ReferralBookingLink {
  token: string;
  expiresAt: string;
  appointmentTypeId: string;
}

export interface ReferralTask extends Resource {
  resourceType: 'Task';
  identifier: Identifier[];
  status: 'received' | 'in-progress' | 'accepted' | 'rejected';
  businessStatus: CodeableConcept;
  statusReason?: CodeableConcept;
  intent: 'order';
  focus: Reference;
  for: Reference;
  authoredOn: string;
  lastModified: string;
}

export interface Communication extends Resource {
  resourceType: 'Communication';
  identifier: Identifier[];
  status: 'in-progress' | 'completed' | 'not-done';
  statusReason?: CodeableConcept;
  basedOn: Reference[];
  subject: Reference;
  medium: CodeableConcept[];
  recipient: Reference[];
  sent?: string;
  received?: string;
  payload: Array<{ contentString?: string; contentReference?: Reference }>;
}

export interface DocumentReference extends Resource {
  resourceType: 'DocumentReference';
  identifier: Identifier[];
  status: 'current';
  type: CodeableConcept;
  subject: Reference;
  date: string;
  description: string;
  content: Array<{ attachment: Attachment }>;
  context: { related: Reference[] };
}


/** Triage state to Task.status; the practice's own word stays in businessStatus. */
const TASK_STATUS: Record<ReferralStatus, ReferralTask['status']> = { new: 'received', contacted: 'in-progress', scheduled: 'accepted', declined: 'rejected' };

const COMMUNICATION_STATUS: Record<TransmissionStatus, Communication['status']> = {
  pending: 'in-progress',
  sending: 'in-progress',
  sent: 'completed',
  delivered: 'completed',
  failed: 'not-done',
};

const MEDIUM: Record<ReferralTransmission['channel'], CodeableConcept> = {
  fax: { coding: [{ system: PARTICIPATION_MODE_SYSTEM, code: 'FAXWRIT', display: 'telefax' }] },
  direct: { coding: [{ system: PARTICIPATION_MODE_SYSTEM, code: 'EMAILWRIT', display: 'email' }], text: 'Direct secure messaging' },
  email: { coding: [{ system: PARTICIPATION_MODE_SYSTEM, code: 'EMAILWRIT', display: 'email' }] },
};

const MILESTONE_TEXT: Record<ReferralTransmission['milestone'], string> = {
  scheduled: 'The referred patient has been scheduled.',
  seen: 'The referred patient has been seen.',
  discharged: 'The referred patient has been discharged.',
  'plan-of-care': 'Plan of care for the referred patient.',
};

/** The patient a referral is about: a Patient when the server has one, else their name as typed (or nothing yet, for a fax). */
export function referralSubject(item: ReferralInboxItem, patient?: Reference): Reference {
  if (patient) return patient;
  const person = item.details?.patient;
  return { display: person ? `${person.familyName}, ${person.givenName}` : 'Patient not yet identified' };
}

export function referralServiceRequest(item: ReferralInboxItem, subject: Reference, bookingLink?: ReferralBookingLink): ServiceRequest {
  const details = item.details;
  const discipline = details ? disciplineConcept(details.order.discipline) : undefined;
  return {
    resourceType: 'ServiceRequest',
    identifier: [
      { system: REFERRAL_IDENTIFIER, value: item.reference },
      ...(bookingLink ? [{ use: 'secondary', system: LINK_TOKEN_IDENTIFIER, value: bookingLink.token, period: { end: bookingLink.expiresAt } }] : []),
    ],
    // A faxed referral not yet read is a draft; a declined one is revoked.
    status: !item.complete ? 'draft' : item.status === 'declined' ? 'revoked' : 'active',
    intent: 'order',
    priority: item.urgency,
    ...(discipline ? { code: discipline } : {}),
    subject,
    ...(details
      ? {
          requester: { identifier: { system: NPI_SYSTEM, value: details.referrer.npi }, display: details.referrer.name },
          reasonCode: details.diagnoses.map((code) => ({ coding: [{ system: ICD10CM_SYSTEM, code }] })),
        }
      : {}),
    authoredOn: item.receivedAt,
    ...(details?.order.precautions ? { note: [{ text: details.order.precautions }] } : {}),
    ...(bookingLink ? { orderDetail: [{ coding: [{ system: VISIT_TYPE_SYSTEM, code: bookingLink.appointmentTypeId }] }] } : {}),
  };
}

export function referralTask(item: ReferralInboxItem, serviceRequest: Reference, subject: Reference): ReferralTask {
  return {
    resourceType: 'Task',
    identifier: [{ system: REFERRAL_IDENTIFIER, value: item.reference }],
    status: TASK_STATUS[item.status],
    businessStatus: { text: item.status },
    ...(item.declineReason ? { statusReason: { text: item.declineReason } } : {}),
    intent: 'order',
    focus: serviceRequest,
    for: subject,
    authoredOn: item.receivedAt,
    lastModified: item.statusChangedAt,
  };
}

export function referralCommunication(transmission: ReferralTransmission, serviceRequest: Reference, subject: Reference, document?: Reference): Communication {
  return {
    resourceType: 'Communication',
    identifier: [{ system: REFERRAL_RECORD_IDENTIFIER, value: transmission.id }],
    status: COMMUNICATION_STATUS[transmission.status],
    ...(transmission.status === 'failed' ? { statusReason: { text: transmission.lastError ?? 'undelivered' } } : {}),
    basedOn: [serviceRequest],
    subject,
    medium: [MEDIUM[transmission.channel]],
    recipient: [{ display: transmission.recipient }],
    ...(transmission.sentAt ? { sent: transmission.sentAt } : {}),
    ...(transmission.deliveredAt ? { received: transmission.deliveredAt } : {}),
    payload: [{ contentString: MILESTONE_TEXT[transmission.milestone] }, ...(document ? [{ contentReference: document }] : [])],
  };
}

/** The plan of care as a document: LOINC 18776-5 "Plan of care note", the PDF inline. */
export function planOfCareDocument(
  plan: { id: string; certifiedOn: string; uploadedAt: string; pdf: Uint8Array; sha1Base64: string },
  serviceRequest: Reference,
  subject: Reference,
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    identifier: [{ system: REFERRAL_RECORD_IDENTIFIER, value: plan.id }],
    status: 'current',
    type: { coding: [{ system: LOINC_SYSTEM, code: '18776-5', display: 'Plan of care note' }] },
    subject,
    date: plan.uploadedAt,
    description: `Plan of care certified ${plan.certifiedOn}`,
    content: [{ attachment: { contentType: 'application/pdf', data: bytesToBase64(plan.pdf), size: plan.pdf.byteLength, hash: plan.sha1Base64, title: 'Plan of care', creation: plan.certifiedOn } }],
    context: { related: [serviceRequest] },
  };
}
