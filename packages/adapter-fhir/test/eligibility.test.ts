/**
 * Eligibility through `CoverageEligibilityRequest/$submit`, offered only when the host turns it
 * on. A scripted payer endpoint answers, since Medplum's fhir-router has no such operation.
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { requireCapability } from '@pxm/core';
import { expectAdapterError } from '@pxm/adapter-testkit';
import { demoAppointmentTypes, demoLocations, demoPractice, demoProviders } from '@pxm/core/demo';
import type { BenefitsSummary } from '@pxm/core/booking';
import { toBenefitItems } from '../src/booking/benefits-mapping.js';
import { createFhirAdapter } from '../src/index.js';
import { practiceResources } from '../src/provision/index.js';
import { indexFhirDefinitions } from './support/fhir-test-server.js';
import { outcome, searchset, startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const catalogue = practiceResources({ practice: demoPractice, locations: demoLocations, appointmentTypes: demoAppointmentTypes, providers: demoProviders });
const insurance = { kind: 'insurance' as const, payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', relationship: 'child' as const, subscriberName: 'Sam Tester', subscriberDateOfBirth: '1970-01-02' };

function payer(answer: (request: unknown) => { status: number; body: unknown }): Promise<ScriptedServer> {
  return startScriptedServer((request) => {
    const [path = ''] = request.path.split('?');
    if (path === 'CoverageEligibilityRequest/$submit') return answer(request.body);
    if (path === 'Organization/cedar-ridge') return { status: 200, body: catalogue[0] };
    if (request.method === 'GET' && !path.includes('/')) return { status: 200, body: searchset(catalogue.filter((r) => r.resourceType === path)) };
    return { status: 404, body: outcome('not-found', 'Not found') };
  });
}

const response = (inforce: boolean, copay?: number) => ({
  resourceType: 'CoverageEligibilityResponse',
  status: 'active',
  outcome: 'complete',
  disposition: 'Policy is current',
  insurance: [
    {
      inforce,
      ...(copay === undefined
        ? {}
        : { item: [{ benefit: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/benefit-type', code: 'copay' }] }, allowedMoney: { value: copay, currency: 'USD' } }] }] }),
    },
  ],
});

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fhir adapter: eligibility', () => {
  before(() => indexFhirDefinitions());

  it('is offered only when the host turns it on', () => {
    const off = createFhirAdapter({ baseUrl: 'http://127.0.0.1:9/fhir', practice: { organization: 'cedar-ridge' } });
    assert.equal(requireCapability(off, 'booking').verifyEligibility, undefined);
  });

  it('submits a valid request and reads active coverage with its copay', async () => {
    const received: unknown[] = [];
    server = await payer((body) => {
      received.push(body);
      return { status: 200, body: response(true, 30) };
    });
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, eligibility: true }), 'booking');
    const result = await booking.verifyEligibility!(insurance);
    assert.deepEqual(result, { status: 'active', checkedAt: NOW.toISOString(), copay: { amountMinor: 3000, currency: 'USD' }, message: 'Policy is current' });
    validateResource(received[0] as MedplumResource);
    const request = received[0] as { contained: Array<{ resourceType: string; subscriberId?: string; relationship?: { coding: Array<{ code: string }> } }> };
    const coverage = request.contained.find((r) => r.resourceType === 'Coverage');
    assert.equal(coverage?.subscriberId, 'W123456789');
    assert.equal(coverage?.relationship?.coding[0]?.code, 'child');
  });

  it('reads lapsed coverage as inactive, and self-pay as unknown without asking', async () => {
    server = await payer(() => ({ status: 200, body: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: response(false) }] } }));
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, eligibility: true }), 'booking');
    assert.equal((await booking.verifyEligibility!(insurance)).status, 'inactive');
    const before = server.requests.length;
    assert.equal((await booking.verifyEligibility!({ kind: 'self-pay' })).status, 'unknown');
    assert.equal(server.requests.length, before, 'self-pay asks nobody');
    await expectAdapterError(booking.verifyEligibility!({ kind: 'insurance', payerName: '', memberId: '', relationship: 'self' }), 'validation');
  });

  it('says unsupported when the server has no eligibility endpoint', async () => {
    server = await payer(() => ({ status: 404, body: outcome('not-found', 'Unknown operation') }));
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, eligibility: true }), 'booking');
    await expectAdapterError(booking.verifyEligibility!(insurance), 'unsupported');
  });

  it('asks per therapy category and reads items with benefit balances into the benefits summary', async () => {
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    // Written by hand: what the payer's items say, and so what the adapter must read back.
    const expected: BenefitsSummary = {
      asOf: NOW.toISOString(),
      payerName: 'Aetna',
      coverage: 'active',
      disciplines: [
        {
          discipline: 'physical-therapy',
          coverage: 'active',
          network: 'in',
          coinsurancePercent: 20,
          deductible: { individual: { total: usd(150_000), remaining: usd(40_000) }, family: { total: usd(300_000), remaining: usd(180_000) } },
          outOfPocket: { individual: { total: usd(400_000), remaining: usd(260_000) } },
          visits: { allowed: 30, used: 27, remaining: 3, period: 'calendar-year', sharedWith: ['occupational-therapy'] },
          priorAuthorization: true,
        },
        { discipline: 'occupational-therapy', coverage: 'active', network: 'out', copay: usd(4500), visits: { allowed: 30, used: 27, remaining: 3, period: 'calendar-year', sharedWith: ['physical-therapy'] } },
        { discipline: 'speech-therapy', coverage: 'inactive' },
      ],
      unknown: [],
    };
    const items = toBenefitItems(expected);
    const received: unknown[] = [];
    const reply = {
      resourceType: 'CoverageEligibilityResponse',
      status: 'active',
      purpose: ['benefits'],
      patient: { display: 'the patient' },
      created: NOW.toISOString(),
      request: { display: 'the request' },
      insurer: { display: 'Aetna' },
      outcome: 'complete',
      insurance: [{ coverage: { display: 'the coverage' }, inforce: true, item: items }],
    };
    validateResource(reply as unknown as MedplumResource);
    server = await payer((body) => {
      received.push(body);
      return { status: 200, body: reply };
    });
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, eligibility: true }), 'booking');
    const result = await booking.verifyEligibility!(insurance);
    assert.equal(result.status, 'active');
    assert.deepEqual(result.benefits, expected);
    assert.equal(result.copay, undefined, 'physical therapy has coinsurance, not a copay');
    validateResource(received[0] as MedplumResource);
    const asked = (received[0] as { item: Array<{ category: { coding: Array<{ system: string; code: string }> } }> }).item;
    assert.deepEqual(asked.map((item) => item.category.coding[0]), [
      { system: 'https://codesystem.x12.org/005010/1365', code: 'PT' },
      { system: 'https://codesystem.x12.org/005010/1365', code: 'AD' },
      { system: 'https://codesystem.x12.org/005010/1365', code: 'AF' },
    ]);
    // Family amounts ride in their own item; the pool's other category in an extension.
    assert.equal(items.filter((item) => item.unit?.coding?.[0]?.code === 'family').length, 1);
  });
});
