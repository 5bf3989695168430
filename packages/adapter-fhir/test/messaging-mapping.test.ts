/**
 * Messages to patients and their replies as FHIR: valid R4 CommunicationRequest and
 * Communication resources, tied to the Patient, the Appointment and the practice, carrying no
 * link token and no message text (only a reply staff must read keeps its words).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { messageCommunication, messageCommunicationRequest, replyCommunication, type OutboxMessageRecord } from '../src/provision/index.js';
import { indexFhirDefinitions } from './support/fhir-test-server.js';

const base: OutboxMessageRecord = {
  id: 'rem_g5EFU6_eP1whWhhZkL9hpw',
  patientId: 'pat-1',
  appointmentId: 'appt-1',
  organizationId: 'cedar-ridge',
  channel: 'sms',
  step: 'reminder',
  dueAt: '2027-03-13T09:00:00-07:00',
  status: 'pending',
};

describe('messages and replies as FHIR', () => {
  before(() => indexFhirDefinitions());

  it('a scheduled reminder is an active CommunicationRequest about the visit; withdrawn, it is revoked with the reason', () => {
    const request = messageCommunicationRequest(base);
    validateResource(request as MedplumResource);
    assert.equal(request.status, 'active');
    assert.deepEqual(request.medium, [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'SMSWRIT', display: 'SMS written' }] }]);
    assert.deepEqual(request.about, [{ reference: 'Appointment/appt-1' }]);
    assert.equal(request.occurrenceDateTime, '2027-03-13T09:00:00-07:00');
    assert.deepEqual(request.category?.[0]?.coding?.[0]?.code, 'reminder');
    assert.equal(messageCommunication(base), undefined, 'nothing was sent yet');

    const revoked = messageCommunicationRequest({ ...base, status: 'cancelled', outcome: 'no-consent' });
    validateResource(revoked as MedplumResource);
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.statusReason?.coding?.[0]?.code, 'no-consent');
  });

  it('a sent message is a Communication based on its request; an undeliverable one is not-done', () => {
    const sent = { ...base, status: 'sent' as const, sentAt: '2027-03-13T16:00:00Z', deliveryStatus: 'delivered' as const };
    const communication = messageCommunication(sent)!;
    validateResource(communication as MedplumResource);
    assert.equal(communication.status, 'completed');
    assert.equal(communication.sent, '2027-03-13T16:00:00Z');
    assert.deepEqual(communication.basedOn, [{ type: 'CommunicationRequest', identifier: { system: 'https://pxm-elements.dev/fhir/identifier/outbox-message', value: base.id } }]);
    assert.equal(messageCommunicationRequest(sent).status, 'completed');

    const bounced = messageCommunication({ ...sent, step: 'exercise-program', channel: 'email', deliveryStatus: 'undeliverable' })!;
    validateResource(bounced as MedplumResource);
    assert.equal(bounced.status, 'not-done');
    assert.equal(bounced.statusReason?.coding?.[0]?.code, 'undeliverable');
    assert.equal(bounced.topic?.coding?.[0]?.code, 'exercise-program');
    // The sender died after the hand-over and no report came: the outcome is honestly unknown.
    assert.equal(messageCommunication({ ...base, status: 'failed', sentAt: '2027-03-13T16:00:00Z' })!.status, 'unknown');
    const text = JSON.stringify([communication, bounced, messageCommunicationRequest(sent)]);
    assert.doesNotMatch(text, /#|token|Manage:|visit on/i, 'no link or message text');
  });

  it('a reply is a Communication from the patient; only a reply for staff keeps its words', () => {
    const question = replyCommunication({ id: 'reply_1', patientId: 'pat-1', organizationId: 'cedar-ridge', channel: 'sms', receivedAt: '2027-03-13T16:05:00Z', intent: 'other', body: 'Can I bring my knee brace?' });
    validateResource(question as MedplumResource);
    assert.deepEqual(question.sender, { reference: 'Patient/pat-1' });
    assert.deepEqual(question.payload, [{ contentString: 'Can I bring my knee brace?' }]);
    const stop = replyCommunication({ id: 'reply_2', patientId: 'pat-1', organizationId: 'cedar-ridge', channel: 'sms', receivedAt: '2027-03-13T16:06:00Z', intent: 'opt-out', body: 'STOP', inResponseToMessageId: base.id });
    validateResource(stop as MedplumResource);
    assert.equal(stop.topic?.coding?.[0]?.code, 'opt-out');
    assert.equal(stop.payload, undefined);
    assert.equal(stop.inResponseTo?.[0]?.identifier?.value, base.id);
  });
});
