/**
 * The races the Slot fallback is built for, on the real engine over HTTP: overlapping Slots of
 * one provider held at once, a lapsed hold taken over, the same booking sent twice at once,
 * two tabs saving one draft. (The contract suite covers many callers on one Slot.)
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { requireCapability, type AdapterError, type BookingApi } from '@pxm/core';
import type { Slot } from '@pxm/core/booking';
import { expectAdapterError } from '@pxm/adapter-testkit';
import { DEMO_INTAKE_TOKEN } from '@pxm/core/demo';
import { createFhirAdapter } from '../src/index.js';
import { loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-test-server.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const patient = { kind: 'new' as const, firstName: 'Jo', lastName: 'Tester', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'jo@example.com' };

let server: TestFhirServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup() {
  server = await startFhirServer();
  await loadDemoPractice(server.repo, NOW);
  let clock = NOW.getTime();
  const adapter = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => new Date(clock) });
  return { adapter, booking: requireCapability(adapter, 'booking'), advance: (ms: number) => (clock += ms) };
}

/** An initial evaluation and a telehealth check-in of the same provider that overlap in time. */
async function overlappingPair(booking: BookingApi): Promise<[Slot, Slot]> {
  const evals = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', providerId: 'ana-rivera', ...RANGE });
  const checks = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'telehealth-check-in', providerId: 'ana-rivera', ...RANGE });
  for (const a of evals) {
    const b = checks.find((c) => Date.parse(c.start) > Date.parse(a.start) && Date.parse(c.start) < Date.parse(a.end));
    if (b) return [a, b];
  }
  throw new Error('no overlapping pair in the demo calendar');
}

describe('fhir adapter: races on the Slot fallback', () => {
  it('of two overlapping Slots of one provider held at once, at most one hold stands', async () => {
    const { booking } = await setup();
    const [a, b] = await overlappingPair(booking);
    const results = await Promise.allSettled([booking.holdSlot(a.id), booking.holdSlot(b.id)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.ok(won.length <= 1, `${won.length} holds stand on overlapping times`);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as AdapterError).code, 'slot_unavailable');
    // Once one is booked, the other is no longer offered.
    const winner = won[0]?.status === 'fulfilled' ? won[0].value : await booking.holdSlot(a.id);
    await booking.book({ holdId: winner.id, patient, consents: [], idempotencyKey: 'race-overlap-1' });
    const loser = winner.slot.id === a.id ? b : a;
    const offered = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: loser.appointmentTypeId, providerId: 'ana-rivera', ...RANGE });
    assert.ok(!offered.some((slot) => slot.id === loser.id), 'an overlapping time of the booked provider is hidden');
    await expectAdapterError(booking.holdSlot(loser.id), 'slot_unavailable');
  });

  it('a lapsed hold can be taken over, and its first holder can no longer book', async () => {
    const { booking, advance } = await setup();
    const [slot] = await overlappingPair(booking);
    const first = await booking.holdSlot(slot.id);
    advance(10 * 60_000 + 1_000);
    const second = await booking.holdSlot(slot.id);
    await expectAdapterError(booking.book({ holdId: first.id, patient, consents: [], idempotencyKey: 'race-lapse-1' }), 'hold_expired');
    await expectAdapterError(booking.renewHold(first.id), 'hold_expired');
    const booked = await booking.book({ holdId: second.id, patient, consents: [], idempotencyKey: 'race-lapse-2' });
    assert.equal(booked.status, 'booked');
  });

  it('the same booking sent twice at once makes one appointment and one patient', async () => {
    const { booking } = await setup();
    const [slot] = await overlappingPair(booking);
    const hold = await booking.holdSlot(slot.id);
    const request = { holdId: hold.id, patient, consents: [{ channel: 'sms' as const, granted: true, recordedAt: NOW.toISOString() }], idempotencyKey: 'race-twice-1' };
    const [x, y, z] = await Promise.all([booking.book(request), booking.book(request), booking.book(request)]);
    assert.equal(x.id, y.id);
    assert.equal(y.id, z.id);
    const withKey = async (resourceType: 'Patient' | 'Appointment') =>
      ((await server!.repo.searchResources({ resourceType })) as Array<{ identifier?: Array<{ value?: string }> }>).filter((r) => r.identifier?.some((id) => id.value === 'race-twice-1'));
    assert.equal((await withKey('Patient')).length, 1);
    assert.equal((await withKey('Appointment')).length, 1);
  });

  it('two tabs saving one draft: one save wins, the other learns of the conflict', async () => {
    const { adapter } = await setup();
    const intake = requireCapability(adapter, 'intake');
    const results = await Promise.allSettled([
      intake.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Tab one' }, baseVersion: 0 }),
      intake.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Tab two' }, baseVersion: 0 }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = results.find((r) => r.status === 'rejected');
    assert.equal(lost?.status === 'rejected' && (lost.reason as AdapterError).code, 'conflict');
    const saved = await intake.loadForm(DEMO_INTAKE_TOKEN);
    assert.equal(saved.draft?.version, 1);
  });
});
