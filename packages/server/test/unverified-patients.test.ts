/**
 * No patient oracle, in the database: a returning patient nobody matches is booked under a new
 * `patients` row marked unverified (what was typed, for the front desk), and such rows are never
 * matched by a later booking. A match stays a match.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requireCapability, type BookingApi } from '@pxm/core';
import type { Slot } from '@pxm/core/booking';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const consents = [{ channel: 'sms' as const, granted: true, recordedAt: NOW.toISOString() }];
const stranger = { kind: 'returning' as const, lastName: 'Nobody', dateOfBirth: '1970-01-01', phone: '+1 303-555-0000' };
const garcia = { kind: 'returning' as const, lastName: 'garcia', dateOfBirth: '1985-04-12', email: 'maria.garcia@example.com' };

interface PatientRow {
  id: string;
  last_name: string;
  unverified: number;
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`unverified returning patients (${dialect})`, () => {
    let test: TestServer;
    let booking: BookingApi;
    before(async () => {
      if (skip()) return;
      test = await startTestServer(dialect, { now: NOW });
      booking = requireCapability(test.adapter, 'booking');
    });
    after(async () => test?.dispose());

    /** Books a follow-up for `patient` on the `day`-th day with free follow-ups, and returns the patient row it used. */
    async function bookOn(day: number, patient: typeof stranger | typeof garcia): Promise<PatientRow> {
      const slots = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', ...RANGE });
      const days: Slot[] = [];
      for (const slot of slots) if (days.every((s) => Math.abs(Date.parse(s.start) - Date.parse(slot.start)) > 86_400_000)) days.push(slot);
      const hold = await booking.holdSlot(days[day]!.id);
      const appointment = await booking.book({ holdId: hold.id, patient, consents, idempotencyKey: `unverified-${dialect}-${day}` });
      const row = await test.server.db.get<PatientRow>(
        'SELECT p.id, p.last_name, p.unverified FROM patients p JOIN appointments a ON a.patient_id = p.id WHERE a.id = $1',
        [appointment.id],
      );
      assert.ok(row);
      return row;
    }

    it('books an unmatched returning patient under an unverified record, never matched again', async (t) => {
      if (skip()) return t.skip(skip());
      const first = await bookOn(0, stranger);
      assert.equal(first.unverified, 1);
      assert.equal(first.last_name, 'Nobody', 'what was typed, for the front desk');
      const second = await bookOn(1, stranger);
      assert.equal(second.unverified, 1);
      assert.notEqual(second.id, first.id, 'an unverified record is never matched');
      const matched = await bookOn(2, garcia);
      assert.equal(matched.id, 'pat-garcia');
      assert.equal(matched.unverified, 0);
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
