/**
 * The two ways to build the FHIR adapter offer the same thing: areas composed for a page (their
 * code bundled) and `createFhirAdapter` (every area, each loading on its first call).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CAPABILITIES, type PxmAdapter } from '@pxm/core';
import { composeFhirAdapter, createFhirAdapter, fhirBooking, fhirHep, fhirIntake, fhirProgress, fhirSurvey, type FhirAdapterOptions } from '../src/index.js';
import { loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer } from './support/fhir-test-server.js';

const AREAS = [fhirBooking, fhirIntake, fhirHep, fhirSurvey, fhirProgress];
const NOW = new Date('2027-03-10T15:00:00Z');

/** Each capability's offered method names, sorted: what an element's capability check sees. */
function offered(adapter: PxmAdapter): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const capability of CAPABILITIES) {
    const api = adapter[capability] as Record<string, unknown> | undefined;
    if (api) shape[capability] = Object.keys(api).filter((key) => typeof api[key] === 'function').sort();
  }
  return shape;
}

describe('composeFhirAdapter and createFhirAdapter', () => {
  let server: Awaited<ReturnType<typeof startFhirServer>>;
  before(async () => {
    server = await startFhirServer();
    await loadDemoPractice(server.repo, NOW);
  });
  after(() => server.close());

  const optionSets: Array<[string, Omit<FhirAdapterOptions, 'baseUrl'>]> = [
    ['a practice', { practice: { organization: 'cedar-ridge' } }],
    ['a practice that checks eligibility', { practice: { organization: 'cedar-ridge' }, eligibility: true }],
    ['no practice (no booking)', {}],
  ];
  for (const [what, options] of optionSets) {
    it(`offer the same capabilities and methods with ${what}`, () => {
      const composed = offered(composeFhirAdapter({ baseUrl: server.baseUrl, ...options }, AREAS));
      const everything = offered(createFhirAdapter({ baseUrl: server.baseUrl, ...options }));
      assert.deepEqual(composed, everything);
      assert.equal('booking' in composed, options.practice !== undefined);
      assert.equal(composed['booking']?.includes('verifyEligibility') ?? false, options.eligibility === true);
      assert.ok(composed['intake']?.includes('loadForm'));
    });
  }

  it('answer alike: a composed area and its deferred twin read the same practice', async () => {
    const options = { baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW };
    const composed = composeFhirAdapter(options, [fhirBooking]);
    assert.deepEqual(Object.keys(offered(composed)), ['booking']);
    const [mine, theirs] = await Promise.all([composed.booking!.getPractice(), createFhirAdapter(options).booking!.getPractice()]);
    assert.deepEqual(mine, theirs);
    assert.ok(mine.name.length > 0);
  });
});
