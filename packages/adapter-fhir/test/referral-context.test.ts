/**
 * A referral booking link read back through the FHIR adapter on the Medplum engine: the exported
 * ServiceRequest carries the link's token (a `link-token` identifier whose period ends with the
 * link) and its visit type; `booking.getReferralContext` answers that visit type and discipline
 * (or the discipline's default visit type), refuses unknown, expired and declined links with the
 * contract's codes, and a re-export without the link keeps it findable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { AdapterError } from '@pxm/core';
import { ReferralBookingContextSchema, type ReferralInboxItem } from '@pxm/core/referral';
import { createFhirAdapter, exportReferralToFhir, type ReferralRecord } from '../src/index.js';
import { loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-test-server.js';

const LINK_TOKEN = 'referral-link-token-0001-abcdefghijklmnop';
const OPEN_LINK_TOKEN = 'referral-link-token-0002-abcdefghijklmnop';
const expiresAt = new Date(CONTRACT_NOW.getTime() + 30 * 86_400_000).toISOString();

const referral = (reference: string, overrides: Partial<ReferralInboxItem> = {}): ReferralInboxItem => ({
  id: `ref_${reference}`,
  reference,
  source: 'web',
  status: 'new',
  receivedAt: '2027-03-01T16:00:00.000Z',
  statusChangedAt: '2027-03-01T16:00:00.000Z',
  complete: true,
  urgency: 'routine',
  discipline: 'physical-therapy',
  details: {
    patient: { givenName: 'Test', familyName: 'Patient', birthDate: '1958-11-30', phone: '+1 303-555-0142' },
    referrer: { name: 'Dr. Test Referrer', npi: '1234567893', phone: '+1 303-555-0100', fax: '+1 303-555-0101' },
    diagnoses: ['M17.11'],
    order: { discipline: 'physical-therapy' },
    urgency: 'routine',
  },
  ...overrides,
});

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (AdapterError.is(error) ? error.code : 'not an AdapterError'),
  );

describe('referral booking context on FHIR', () => {
  let server: TestFhirServer;
  let clock = CONTRACT_NOW.getTime();
  let adapter: ReturnType<typeof createFhirAdapter>;
  const record = (item: ReferralInboxItem, bookingLink?: ReferralRecord['bookingLink']): ReferralRecord => ({ referral: item, transmissions: [], plansOfCare: [], ...(bookingLink ? { bookingLink } : {}) });

  before(async () => {
    server = await startFhirServer();
    await loadDemoPractice(server.repo, CONTRACT_NOW);
    adapter = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => new Date(clock) });
    await exportReferralToFhir({ baseUrl: server.baseUrl }, record(referral('REF-AAAA-0001'), { token: LINK_TOKEN, expiresAt, appointmentTypeId: 'telehealth-check-in' }));
    // No visit type named: the first the discipline's new patients may book.
    await exportReferralToFhir({ baseUrl: server.baseUrl }, record(referral('REF-AAAA-0002'), { token: OPEN_LINK_TOKEN, expiresAt, appointmentTypeId: 'no-such-visit' }));
  });
  after(async () => server?.close());

  it('answers the visit type the link names, the discipline and the expiry, nothing about the patient', async () => {
    const context = await adapter.booking!.getReferralContext!(LINK_TOKEN);
    assert.deepEqual(context, { appointmentTypeId: 'telehealth-check-in', discipline: 'physical-therapy', expiresAt });
    assert.ok(ReferralBookingContextSchema.safeParse(context).success);
    assert.deepEqual(server.writes.filter((write) => write.invalid), [], 'every write validates as R4');
  });

  it('falls back to the discipline\'s visit type for new patients when the named one is not offered', async () => {
    assert.equal((await adapter.booking!.getReferralContext!(OPEN_LINK_TOKEN)).appointmentTypeId, 'initial-evaluation');
  });

  it('refuses an unknown or malformed token, and an expired link', async () => {
    assert.equal(await code(adapter.booking!.getReferralContext!('referral-link-token-unknown-000000000')), 'token_invalid');
    assert.equal(await code(adapter.booking!.getReferralContext!('short')), 'token_invalid');
    const saved = clock;
    clock = Date.parse(expiresAt);
    try {
      assert.equal(await code(adapter.booking!.getReferralContext!(LINK_TOKEN)), 'token_expired');
    } finally {
      clock = saved;
    }
  });

  it('keeps the link through a re-export without it, and refuses it once the referral is declined', async () => {
    await exportReferralToFhir({ baseUrl: server.baseUrl }, record(referral('REF-AAAA-0001', { status: 'contacted' })));
    assert.equal((await adapter.booking!.getReferralContext!(LINK_TOKEN)).discipline, 'physical-therapy');
    await exportReferralToFhir({ baseUrl: server.baseUrl }, record(referral('REF-AAAA-0001', { status: 'declined', declineReason: 'Patient chose another clinic' })));
    assert.equal(await code(adapter.booking!.getReferralContext!(LINK_TOKEN)), 'token_invalid');
  });
});
