/**
 * No patient oracle on FHIR: a returning patient nobody matches is booked under a new Patient
 * tagged `patient-match#unverified` (made once per request key), never matched by a later
 * booking; a match books under the existing Patient.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { requireCapability } from '@pxm/core';
import type { Slot } from '@pxm/core/booking';
import { createFhirAdapter } from '../src/index.js';
import { loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-test-server.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const stranger = { kind: 'returning' as const, lastName: 'Nobody', dateOfBirth: '1970-01-01', phone: '+1 303-555-0000' };

interface StoredPatient {
  id?: string;
  birthDate?: string;
  name?: Array<{ family?: string }>;
  meta?: { tag?: Array<{ system?: string; code?: string }> };
}

let server: TestFhirServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fhir adapter: unverified returning patients', () => {
  it('books an unmatched returning patient under one tagged Patient per booking, never matched again', async () => {
    server = await startFhirServer();
    await loadDemoPractice(server.repo, NOW);
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW }), 'booking');
    const days: Slot[] = [];
    for (const slot of await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', ...RANGE })) {
      if (days.every((s) => Math.abs(Date.parse(s.start) - Date.parse(slot.start)) > 86_400_000)) days.push(slot);
    }
    const book = async (day: number, key: string) => {
      const hold = await booking.holdSlot(days[day]!.id);
      const request = { holdId: hold.id, patient: stranger, consents: [], idempotencyKey: key };
      // Sent twice at once: still one Patient for the key.
      const [first, again] = await Promise.all([booking.book(request), booking.book(request)]);
      assert.equal(first.id, again.id);
      return first;
    };
    await book(0, 'unverified-one');
    await book(1, 'unverified-two');
    const born = ((await server.repo.searchResources({ resourceType: 'Patient' })) as StoredPatient[]).filter((p) => p.birthDate === '1970-01-01');
    assert.equal(born.length, 2, 'one record per booking: the first unverified record was not matched by the second');
    for (const patient of born) {
      assert.equal(patient.name?.[0]?.family, 'Nobody');
      assert.ok(patient.meta?.tag?.some((tag) => tag.code === 'unverified' && tag.system?.endsWith('/CodeSystem/patient-match')));
    }
  });
});
