/**
 * A referral in FHIR on the Medplum engine the adapter's tests use: the ServiceRequest, its Task,
 * the Communications that went back and the plan of care's DocumentReference are valid R4 (the
 * test server refuses invalid writes), linked to one another, and exporting again duplicates nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ReferralInboxItem, ReferralTransmission } from '@pxm/core/referral';
import { exportReferralToFhir, type ReferralRecord } from '../src/index.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-test-server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored FHIR JSON is read loosely in the assertions
type Any = Record<string, any>;

const PDF = new TextEncoder().encode('%PDF-1.4\n% plan of care\n%%EOF\n');

const referral: ReferralInboxItem = {
  id: 'ref_1',
  reference: 'REF-7K2M-9QXD',
  source: 'fax',
  status: 'scheduled',
  receivedAt: '2027-03-01T16:00:00.000Z',
  statusChangedAt: '2027-03-02T17:00:00.000Z',
  complete: true,
  urgency: 'urgent',
  discipline: 'physical-therapy',
  details: {
    patient: { givenName: 'Test', familyName: 'Patient', birthDate: '1958-11-30', phone: '+1 303-555-0142' },
    referrer: { name: 'Dr. Test Referrer', npi: '1234567893', phone: '+1 303-555-0100', fax: '+1 303-555-0101' },
    diagnoses: ['M17.11', 'Z96.651'],
    order: { discipline: 'physical-therapy', visitsPerWeek: 2, durationWeeks: 6, precautions: 'Weight bearing as tolerated.' },
    urgency: 'urgent',
  },
};

const transmission = (overrides: Partial<ReferralTransmission>): ReferralTransmission => ({
  id: 'reftx_1',
  referralId: 'ref_1',
  milestone: 'scheduled',
  channel: 'fax',
  recipient: '+1 303-555-0101',
  status: 'delivered',
  attempts: 1,
  createdAt: '2027-03-02T17:00:00.000Z',
  sentAt: '2027-03-02T17:01:00.000Z',
  deliveredAt: '2027-03-02T17:03:00.000Z',
  ...overrides,
});

describe('a referral in FHIR (ServiceRequest, Task, Communication, DocumentReference)', () => {
  let server: TestFhirServer;
  const stored = async (type: string): Promise<Any[]> => (await server.repo.searchResources({ resourceType: type as 'Patient' })) as Any[];
  const record: ReferralRecord = {
    referral,
    transmissions: [
      transmission({}),
      transmission({ id: 'reftx_2', milestone: 'plan-of-care', planOfCareId: 'poc_1', channel: 'direct', recipient: 'dr@direct.example', status: 'failed', lastError: 'provider_unavailable', deliveredAt: undefined }),
    ],
    plansOfCare: [{ id: 'poc_1', certifiedOn: '2027-03-05', uploadedAt: '2027-03-05T18:00:00.000Z', pdf: PDF, sha1Base64: createHash('sha1').update(PDF).digest('base64') }],
  };

  before(async () => {
    server = await startFhirServer();
  });
  after(async () => server?.close());

  it('writes valid, linked resources', async () => {
    const written = await exportReferralToFhir({ baseUrl: server.baseUrl }, record);
    assert.deepEqual(server.writes.filter((write) => write.invalid), [], 'every write validates as R4');
    const [request] = await stored('ServiceRequest');
    assert.equal(`ServiceRequest/${request!.id}`, written.serviceRequest);
    assert.equal(request!.status, 'active');
    assert.equal(request!.priority, 'urgent');
    assert.equal(request!.code.coding[0].code, '91251008');
    assert.deepEqual(request!.reasonCode.map((reason: Any) => reason.coding[0].code), ['M17.11', 'Z96.651']);
    assert.equal(request!.requester.identifier.value, '1234567893');

    const [task] = await stored('Task');
    assert.equal(task!.status, 'accepted');
    assert.equal(task!.businessStatus.text, 'scheduled');
    assert.equal(task!.focus.reference, written.serviceRequest);

    const [document] = await stored('DocumentReference');
    assert.equal(document!.type.coding[0].code, '18776-5');
    assert.equal(document!.context.related[0].reference, written.serviceRequest);
    assert.equal(atob(document!.content[0].attachment.data), '%PDF-1.4\n% plan of care\n%%EOF\n');

    const communications = await stored('Communication');
    const byId = new Map(communications.map((communication) => [communication.identifier[0].value, communication]));
    assert.equal(byId.get('reftx_1')!.status, 'completed');
    assert.equal(byId.get('reftx_1')!.medium[0].coding[0].code, 'FAXWRIT');
    assert.equal(byId.get('reftx_1')!.received, '2027-03-02T17:03:00.000Z');
    assert.equal(byId.get('reftx_2')!.status, 'not-done');
    assert.equal(byId.get('reftx_2')!.payload[1].contentReference.reference, written.documents[0]);
    assert.ok(communications.every((communication) => communication.basedOn[0].reference === written.serviceRequest));
  });

  it('exporting again after a triage change updates the ServiceRequest and the Task and duplicates nothing', async () => {
    const declined = { ...record, referral: { ...referral, status: 'declined' as const, declineReason: 'Patient chose another clinic' } };
    await exportReferralToFhir({ baseUrl: server.baseUrl }, declined);
    const requests = await stored('ServiceRequest');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.status, 'revoked');
    assert.equal((await stored('Communication')).length, 2);
    assert.equal((await stored('DocumentReference')).length, 1);
    const tasks = await stored('Task');
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0]!.status, 'rejected');
    assert.equal(tasks[0]!.statusReason.text, 'Patient chose another clinic');
  });
});
