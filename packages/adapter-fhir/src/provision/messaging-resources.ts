/**
 * Messages to patients and their replies, for a practice whose record is a FHIR server. The
 * reference server sends them and keeps the outbox, the consent ledger and the replies queue;
 * these helpers turn its records into FHIR so the practice's record shows them:
 *
 * - each scheduled message is a `CommunicationRequest` (what was to be sent, when, to whom, on
 *   which medium, about which Appointment), revoked with the reason when it did not go;
 * - each message handed to a provider is a `Communication` based on that request, with the
 *   delivery outcome;
 * - each reply is a `Communication` from the Patient, with what it asked (confirm, opt-out, ...),
 *   the words only when staff must read them (a reply that was not a keyword).
 *
 * Message texts and links stay on the server: a resource names the step (`journey-step`), never
 * the manage or intake token, so the FHIR record opens nobody's links.
 */
import { OUTBOX_MESSAGE_IDENTIFIER, JOURNEY_STEP_CODE_SYSTEM, MESSAGE_OUTCOME_CODE_SYSTEM, PATIENT_REPLY_IDENTIFIER, REPLY_INTENT_CODE_SYSTEM, PARTICIPATION_MODE_SYSTEM, COMMUNICATION_CATEGORY_SYSTEM } from '../fhir/namespace.js';
import type { CodeableConcept, Communication, CommunicationRequest, Identifier, Reference } from '../fhir/types.js';

export type MessageStepCode = 'reminder' | 'intake' | 'intake-nudge' | 'exercise-program' | 'survey';

/** One outbox row of the server, with FHIR ids for the patient, the visit and the practice. */
export interface OutboxMessageRecord {
  id: string;
  patientId: string;
  appointmentId: string;
  organizationId: string;
  channel: 'sms' | 'email';
  step: MessageStepCode;
  /** When it was (or is) due: ISO 8601. */
  dueAt: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  /** What the provider reported. */
  deliveryStatus?: 'queued' | 'sent' | 'delivered' | 'failed' | 'undeliverable';
  /** When it was handed to the provider. */
  sentAt?: string;
  /** Why it did not go (the server's `last_error` code: `no-consent`, `too-late`, ...). */
  outcome?: string;
}

export interface PatientReplyRecord {
  id: string;
  patientId: string;
  organizationId: string;
  channel: 'sms';
  receivedAt: string;
  intent: 'confirm' | 'opt-out' | 'opt-in' | 'help' | 'other';
  /** The words, kept only for a reply that was not a keyword (staff read it). */
  body?: string;
  /** The message it answers, when known. */
  inResponseToMessageId?: string;
}

const STEP_DISPLAY: Record<MessageStepCode, string> = {
  reminder: 'Appointment reminder',
  intake: 'Intake form link',
  'intake-nudge': 'Intake form nudge',
  'exercise-program': 'Home exercise program link',
  survey: 'Satisfaction survey invitation',
};

const MEDIUM: Record<'sms' | 'email', CodeableConcept> = {
  sms: { coding: [{ system: PARTICIPATION_MODE_SYSTEM, code: 'SMSWRIT', display: 'SMS written' }] },
  email: { coding: [{ system: PARTICIPATION_MODE_SYSTEM, code: 'EMAILWRIT', display: 'email written' }] },
};

function category(step: MessageStepCode): CodeableConcept[] {
  // A reminder is the standard `reminder`; the journey's links are `instruction`s to the patient.
  const code = step === 'reminder' ? 'reminder' : 'instruction';
  return [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code }] }];
}

const messageIdentifier = (id: string): Identifier => ({ system: OUTBOX_MESSAGE_IDENTIFIER, value: id });
const topic = (step: MessageStepCode): CodeableConcept => ({ coding: [{ system: JOURNEY_STEP_CODE_SYSTEM, code: step, display: STEP_DISPLAY[step] }] });
const outcomeReason = (code: string): CodeableConcept => ({ coding: [{ system: MESSAGE_OUTCOME_CODE_SYSTEM, code: code.replace(/\s+/g, '-').toLowerCase() }], text: code });

const REQUEST_STATUS: Record<OutboxMessageRecord['status'], CommunicationRequest['status']> = {
  pending: 'active',
  sending: 'active',
  sent: 'completed',
  // Tried and given up: the request is over; its Communication says it was not done.
  failed: 'completed',
  cancelled: 'revoked',
};

/** The scheduled message. */
export function messageCommunicationRequest(message: OutboxMessageRecord): CommunicationRequest {
  return {
    resourceType: 'CommunicationRequest',
    identifier: [messageIdentifier(message.id)],
    status: REQUEST_STATUS[message.status],
    ...(message.status === 'cancelled' && message.outcome ? { statusReason: outcomeReason(message.outcome) } : {}),
    category: category(message.step),
    priority: 'routine',
    medium: [MEDIUM[message.channel]],
    subject: { reference: `Patient/${message.patientId}` },
    about: [{ reference: `Appointment/${message.appointmentId}` }],
    payload: [{ contentString: STEP_DISPLAY[message.step] }],
    occurrenceDateTime: message.dueAt,
    requester: { reference: `Organization/${message.organizationId}` },
    recipient: [{ reference: `Patient/${message.patientId}` }],
    sender: { reference: `Organization/${message.organizationId}` },
  };
}

/** The message as handed to the provider; undefined for one that never was (pending, cancelled). */
export function messageCommunication(message: OutboxMessageRecord): Communication | undefined {
  if (message.status !== 'sent' && message.status !== 'failed') return undefined;
  if (message.status === 'failed' && !message.sentAt) return undefined;
  const undelivered = message.deliveryStatus === 'failed' || message.deliveryStatus === 'undeliverable';
  const status: Communication['status'] = undelivered ? 'not-done' : message.status === 'sent' ? 'completed' : 'unknown';
  const request: Reference = { type: 'CommunicationRequest', identifier: messageIdentifier(message.id) };
  return {
    resourceType: 'Communication',
    identifier: [messageIdentifier(message.id)],
    basedOn: [request],
    status,
    ...(undelivered ? { statusReason: outcomeReason(message.deliveryStatus!) } : {}),
    category: category(message.step),
    medium: [MEDIUM[message.channel]],
    subject: { reference: `Patient/${message.patientId}` },
    topic: topic(message.step),
    about: [{ reference: `Appointment/${message.appointmentId}` }],
    ...(message.sentAt ? { sent: message.sentAt } : {}),
    recipient: [{ reference: `Patient/${message.patientId}` }],
    sender: { reference: `Organization/${message.organizationId}` },
  };
}

/** A text from the patient. */
export function replyCommunication(reply: PatientReplyRecord): Communication {
  return {
    resourceType: 'Communication',
    identifier: [{ system: PATIENT_REPLY_IDENTIFIER, value: reply.id }],
    ...(reply.inResponseToMessageId ? { inResponseTo: [{ type: 'Communication', identifier: messageIdentifier(reply.inResponseToMessageId) }] } : {}),
    status: 'completed',
    category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'notification' }] }],
    medium: [MEDIUM[reply.channel]],
    subject: { reference: `Patient/${reply.patientId}` },
    topic: { coding: [{ system: REPLY_INTENT_CODE_SYSTEM, code: reply.intent }] },
    received: reply.receivedAt,
    recipient: [{ reference: `Organization/${reply.organizationId}` }],
    sender: { reference: `Patient/${reply.patientId}` },
    ...(reply.intent === 'other' && reply.body ? { payload: [{ contentString: reply.body }] } : {}),
  };
}
