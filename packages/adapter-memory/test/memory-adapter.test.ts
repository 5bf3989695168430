import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import { localDateIn } from '@pxm/core/time';
import { createManualClock, createMemoryAdapter } from '@pxm/adapter-memory';

describe('memory adapter', () => {
  it('is deterministic: two instances at the same time offer the same slots', async () => {
    const now = new Date('2027-03-01T16:00:00Z');
    const query = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-02T00:00:00Z', to: '2027-03-30T00:00:00Z' };
    const a = await createMemoryAdapter({ now: () => now }).booking.findSlots(query);
    const b = await createMemoryAdapter({ now: () => now }).booking.findSlots(query);
    assert.ok(a.length > 50);
    assert.deepEqual(a, b);
  });

  it('honours an abort signal during simulated latency', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 200 });
    const controller = new AbortController();
    const pending = adapter.booking.getPractice({ signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  });

  it('closes on the demo holidays (Thanksgiving 2026)', async () => {
    const adapter = createMemoryAdapter({ now: () => new Date('2026-11-20T12:00:00Z') });
    const slots = await adapter.booking.findSlots({
      locationId: 'denver-highlands',
      appointmentTypeId: 'follow-up',
      from: '2026-11-25T00:00:00-07:00',
      to: '2026-11-28T00:00:00-07:00',
    });
    const days = new Set(slots.map((s) => localDateIn(s.start, 'America/Denver')));
    assert.ok(days.has('2026-11-25'));
    assert.ok(!days.has('2026-11-26'), 'no slots on Thanksgiving');
  });

  it('refuses a cancellation inside the notice window until the fee is acknowledged', async () => {
    const clock = createManualClock('2027-03-01T16:00:00Z');
    const adapter = createMemoryAdapter({ now: clock.now });
    const [slot] = await adapter.booking.findSlots({ locationId: 'phoenix-arcadia', appointmentTypeId: 'initial-evaluation', from: '2027-03-02T00:00:00Z', to: '2027-03-09T00:00:00Z' });
    assert.ok(slot);
    const hold = await adapter.booking.holdSlot(slot.id);
    const appointment = await adapter.booking.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01', phone: '6025550100', email: 'a@example.com' },
      consents: [],
      idempotencyKey: 'key-notice-window',
    });
    clock.set(new Date(Date.parse(appointment.start) - 3 * 3_600_000));
    const view = await adapter.booking.getAppointment(appointment.manageToken);
    assert.equal(view.withinNoticeWindow, true);
    await assert.rejects(adapter.booking.cancelAppointment(appointment.manageToken, {}), (e: unknown) => AdapterError.is(e) && e.code === 'validation');
    const cancelled = await adapter.booking.cancelAppointment(appointment.manageToken, { acknowledgedFee: true });
    assert.equal(cancelled.status, 'cancelled');
    clock.set(new Date(Date.parse(appointment.end) + 1000));
    await assert.rejects(adapter.booking.getAppointment(appointment.manageToken), (e: unknown) => AdapterError.is(e) && e.code === 'token_expired');
  });

  it('reports eligibility with the demo payer rules', async () => {
    const adapter = createMemoryAdapter();
    const active = await adapter.booking.verifyEligibility({ kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' });
    assert.equal(active.status, 'active');
    assert.deepEqual(active.copay, { amountMinor: 3000, currency: 'USD' });
    const inactive = await adapter.booking.verifyEligibility({ kind: 'insurance', payerName: 'Aetna', memberId: 'W123456780', relationship: 'self' });
    assert.equal(inactive.status, 'inactive');
  });
});
