/** Contract: scheduling rules every adapter keeps. */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { AdapterError, requireCapability, type BookingApi } from '@pxm/core';
import { localTimeIn } from '@pxm/core/time';
import { coveredVisitsLeft } from '@pxm/core/benefits';
import { DEMO_BENEFITS_MEMBER_IDS, DEMO_VISIT_PRICE, type Appointment, type Location, type Slot } from '@pxm/core/booking';
import { DEMO_MANAGE_TOKENS } from '@pxm/core/demo';
import { withCheckedReplies } from './checked-replies.js';
import { expectAdapterError } from './expect-error.js';
import { bookRequest, consents, freshKey } from './fixtures.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { scheduleViolation } from './working-hours.js';
import { withSubject } from './with-subject.js';

const DENVER = 'denver-highlands';
const PHOENIX = 'phoenix-arcadia';
/** Spans the US spring-forward change on Sunday 2027-03-14. */
const DST_RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };

async function location(api: BookingApi, id: string): Promise<Location> {
  const found = (await api.listLocations()).find((l) => l.id === id);
  assert.ok(found, `the demo location ${id} exists`);
  return found;
}

/** Asserts a refusal's code and that one of its issues names `path`: the same refusal on every backend. */
async function expectRefusal(promise: Promise<unknown>, code: 'validation', path: string): Promise<void> {
  const error = await expectAdapterError(promise, code);
  assert.ok(
    error.issues.some((issue) => issue.path === path),
    `expected an issue at ${path}, got ${JSON.stringify(error.issues)}`,
  );
}

/** Slots at least a day apart, so one patient's visits cannot overlap. */
function daysApart(slots: readonly Slot[]): Slot[] {
  const picked: Slot[] = [];
  for (const slot of slots) {
    if (picked.every((s) => Math.abs(Date.parse(s.start) - Date.parse(slot.start)) > 86_400_000)) picked.push(slot);
  }
  return picked;
}

/** The fields of an appointment reply, so two replies can be compared by shape. */
function shapeOf(appointment: Appointment): string[] {
  return Object.keys(appointment).sort();
}

const DAY_MS = 86_400_000;
/** María García, a seeded returning patient of the demo practice. */
const GARCIA = { kind: 'returning' as const, lastName: 'García', dateOfBirth: '1985-04-12', phone: '(303) 555-0199' };

async function firstSlot(api: BookingApi, appointmentTypeId = 'initial-evaluation', locationId = DENVER): Promise<Slot> {
  const slots = await api.findSlots({ locationId, appointmentTypeId, ...DST_RANGE });
  assert.ok(slots.length > 0, 'the demo practice has free slots');
  return slots[0]!;
}

export function bookingSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: BookingApi, t: TestContext) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, (t) =>
      // Every reply is held to core's reply table (checked-replies.ts).
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, withCheckedReplies(requireCapability(subject.adapter, 'booking')), t)),
    );

  describe(`${options.name}: booking`, { skip: options.skip?.booking ?? false }, () => {
    test('lists the practice, its locations, appointment types and providers', async (_s, api) => {
      const practice = await api.getPractice();
      assert.ok(practice.name.length > 0);
      const locations = await api.listLocations();
      assert.deepEqual(locations.map((l) => l.id).sort(), [DENVER, PHOENIX]);
      const types = await api.listAppointmentTypes();
      assert.ok(types.some((t) => t.patientEligibility === 'new' && t.durationMinutes === 60));
      assert.ok(types.some((t) => t.modality === 'telehealth'));
      const denverProviders = await api.listProviders({ locationId: DENVER });
      assert.ok(denverProviders.length >= 2);
      assert.ok(denverProviders.every((p) => p.locationIds.includes(DENVER)));
    });

    test('offers only free slots inside working hours, in the location zone, across a DST change', async (_s, api) => {
      for (const id of [DENVER, PHOENIX]) {
        const loc = await location(api, id);
        for (const type of await api.listAppointmentTypes({ locationId: id })) {
          const slots = await api.findSlots({ locationId: id, appointmentTypeId: type.id, ...DST_RANGE });
          assert.ok(slots.length > 0, `${type.id} has slots at ${id}`);
          for (const slot of slots) {
            assert.equal(slot.locationId, id);
            assert.equal(slot.appointmentTypeId, type.id);
            assert.ok(Date.parse(slot.start) >= Date.parse(DST_RANGE.from) && Date.parse(slot.start) < Date.parse(DST_RANGE.to));
            assert.equal(scheduleViolation(slot, loc, type), undefined);
          }
        }
      }
    });

    test('keeps wall-clock hours across the DST change (Denver) and a fixed offset without DST (Phoenix)', async (_s, api) => {
      const denver = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', providerId: 'james-okafor', ...DST_RANGE });
      const before = denver.filter((s) => s.start.startsWith('2027-03-08'));
      const afterChange = denver.filter((s) => s.start.startsWith('2027-03-15'));
      assert.ok(before.length > 0 && afterChange.length > 0);
      assert.ok(before.every((s) => s.start.endsWith('-07:00')), 'MST before the change');
      assert.ok(afterChange.every((s) => s.start.endsWith('-06:00')), 'MDT after the change');
      const localHours = (list: Slot[]) => list.map((s) => Number(localTimeIn(s.start, 'America/Denver').slice(0, 2)));
      // James works 07:00-16:00 local on Mondays: the same wall-clock window in both offsets.
      assert.ok([...localHours(before), ...localHours(afterChange)].every((h) => h >= 7 && h < 16));
      const phoenix = await api.findSlots({ locationId: PHOENIX, appointmentTypeId: 'follow-up', ...DST_RANGE });
      assert.ok(phoenix.length > 0 && phoenix.every((s) => s.start.endsWith('-07:00')), 'Phoenix stays at -07:00');
    });

    test('filters by provider', async (_s, api) => {
      const slots = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', providerId: 'ana-rivera', ...DST_RANGE });
      assert.ok(slots.length > 0 && slots.every((s) => s.providerId === 'ana-rivera'));
    });

    test('a held slot is hidden from others and cannot be held twice', async (_s, api) => {
      const slot = await firstSlot(api);
      const hold = await api.holdSlot(slot.id);
      assert.equal(hold.slot.id, slot.id);
      assert.ok(Date.parse(hold.expiresAt) > CONTRACT_NOW.getTime());
      const again = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      assert.ok(!again.some((s) => s.id === slot.id));
      await expectAdapterError(api.holdSlot(slot.id), 'slot_unavailable');
      await api.releaseHold(hold.id);
      const released = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      assert.ok(released.some((s) => s.id === slot.id), 'a released hold frees the slot');
    });

    test('holds expire', async (subject, api) => {
      const slot = await firstSlot(api);
      const hold = await api.holdSlot(slot.id);
      if (subject.advanceTime) await subject.advanceTime(subject.holdTtlMs + 1_000);
      else await new Promise((resolve) => setTimeout(resolve, subject.holdTtlMs + 250));
      await expectAdapterError(api.book(bookRequest(hold.id, CONTRACT_NOW)), 'hold_expired');
      await expectAdapterError(api.renewHold(hold.id), 'hold_expired');
      const fresh = await api.holdSlot(slot.id);
      assert.notEqual(fresh.id, hold.id, 'the slot can be held again after expiry');
    });

    test('a hold is live until its expiry instant and expired at it', async (subject, api, t) => {
      if (!subject.advanceTime) {
        t.skip('this backend cannot be stood on an exact instant (its clock runs in real time)');
        return;
      }
      // The rule (core's hold liveness): live while now < expiresAt, expired from expiresAt on.
      const slots = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      const first = slots[0];
      const second = slots.find((slot) => first && Date.parse(slot.start) > Date.parse(first.start) + 86_400_000);
      assert.ok(first && second);
      const early = await api.holdSlot(first.id);
      const late = await api.holdSlot(second.id);
      const ttl = Date.parse(early.expiresAt) - CONTRACT_NOW.getTime();
      assert.equal(ttl, subject.holdTtlMs, 'a hold lasts the backend\'s hold time from now');
      await subject.advanceTime(ttl - 1);
      assert.equal((await api.book(bookRequest(early.id, CONTRACT_NOW))).status, 'booked', 'one millisecond before expiry the hold books');
      await subject.advanceTime(1);
      await expectAdapterError(api.book(bookRequest(late.id, CONTRACT_NOW)), 'hold_expired');
      await expectAdapterError(api.renewHold(late.id), 'hold_expired');
    });

    test('renewing a hold moves its expiry later', async (subject, api) => {
      const hold = await api.holdSlot((await firstSlot(api)).id);
      if (subject.advanceTime) await subject.advanceTime(1_000);
      else await new Promise((resolve) => setTimeout(resolve, 1_100));
      const renewed = await api.renewHold(hold.id);
      assert.ok(Date.parse(renewed.expiresAt) > Date.parse(hold.expiresAt));
    });

    test('books a held slot once, and the slot is no longer offered', async (_s, api) => {
      const slot = await firstSlot(api);
      const hold = await api.holdSlot(slot.id);
      const appointment = await api.book(bookRequest(hold.id, CONTRACT_NOW));
      assert.equal(appointment.status, 'booked');
      assert.equal(appointment.start.slice(0, 19), slot.start.slice(0, 19));
      assert.equal(Date.parse(appointment.start), Date.parse(slot.start));
      assert.equal(appointment.providerId, slot.providerId);
      assert.equal(appointment.timeZone, 'America/Denver');
      assert.ok(appointment.manageToken.length >= 16, 'manage tokens are long enough to be unguessable');
      const after = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      assert.ok(!after.some((s) => s.id === slot.id));
      await expectAdapterError(api.holdSlot(slot.id), 'slot_unavailable');
    });

    test('keeps the visit type\'s buffer free after a booked visit', async (_s, api) => {
      // Initial evaluations last 60 minutes with 15 minutes after them; follow-ups last 45.
      const query = { locationId: DENVER, providerId: 'james-okafor', ...DST_RANGE };
      const followUps = await api.findSlots({ ...query, appointmentTypeId: 'follow-up' });
      const starts = new Set(followUps.map((slot) => Date.parse(slot.start)));
      const evaluations = await api.findSlots({ ...query, appointmentTypeId: 'initial-evaluation' });
      // An evaluation with follow-ups offered both right after its hour and after its buffer.
      const visit = evaluations.find((slot) => starts.has(Date.parse(slot.end)) && starts.has(Date.parse(slot.end) + 15 * 60_000));
      assert.ok(visit, 'the demo calendar has a free stretch after an evaluation');
      await api.book(bookRequest((await api.holdSlot(visit.id)).id, CONTRACT_NOW));
      const after = await api.findSlots({ ...query, appointmentTypeId: 'follow-up' });
      const endMs = Date.parse(visit.end);
      for (const slot of after) {
        const startMs = Date.parse(slot.start);
        // A follow-up needs its own 45 minutes plus 15 of buffer clear of the booked visit and its buffer.
        const clear = startMs >= endMs + 15 * 60_000 || startMs + 60 * 60_000 <= Date.parse(visit.start);
        assert.ok(clear, `a follow-up at ${slot.start} overlaps the visit at ${visit.start} or its buffer`);
      }
      assert.ok(!after.some((slot) => Date.parse(slot.start) === endMs), 'nothing starts inside the buffer');
      assert.ok(after.some((slot) => Date.parse(slot.start) === endMs + 15 * 60_000), 'the time after the buffer is still offered');
    });

    test('20 concurrent bookings of one slot: exactly one succeeds, 19 get slot_unavailable', async (_s, api) => {
      const slot = await firstSlot(api);
      const attempts = Array.from({ length: 20 }, async () => {
        const hold = await api.holdSlot(slot.id);
        return api.book(bookRequest(hold.id, CONTRACT_NOW));
      });
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      assert.equal(won.length, 1, 'one booking wins');
      assert.equal(lost.length, 19);
      for (const reason of lost) {
        assert.ok(AdapterError.is(reason), String(reason));
        assert.equal(reason.code, 'slot_unavailable');
      }
    });

    test('20 concurrent bookings on one hold with different keys: one succeeds', async (_s, api) => {
      const hold = await api.holdSlot((await firstSlot(api)).id);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => api.book(bookRequest(hold.id, CONTRACT_NOW))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) {
        if (r.status === 'rejected') assert.equal((r.reason as AdapterError).code, 'slot_unavailable');
      }
    });

    test('a retried booking with the same idempotency key returns the same appointment', async (_s, api) => {
      const hold = await api.holdSlot((await firstSlot(api)).id);
      const request = bookRequest(hold.id, CONTRACT_NOW);
      const first = await api.book(request);
      const retry = await api.book(request);
      assert.equal(retry.id, first.id);
      const concurrent = await Promise.all([api.book(request), api.book(request)]);
      assert.deepEqual(concurrent.map((a) => a.id), [first.id, first.id]);
    });

    test('rejects malformed input with validation', async (_s, api) => {
      await expectAdapterError(api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', from: 'yesterday', to: DST_RANGE.to }), 'validation');
      await expectAdapterError(api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', from: DST_RANGE.to, to: DST_RANGE.from }), 'validation');
      await expectAdapterError(api.holdSlot(''), 'validation');
      const hold = await api.holdSlot((await firstSlot(api)).id);
      const bad = bookRequest(hold.id, CONTRACT_NOW);
      await expectAdapterError(api.book({ ...bad, patient: { ...bad.patient, kind: 'new', email: 'not-an-email' } as never }), 'validation');
      await expectAdapterError(api.book({ ...bad, idempotencyKey: '' }), 'validation');
      await expectAdapterError(api.book({ ...bad, unexpected: true } as never), 'validation');
      await expectAdapterError(api.book({ ...bad, patient: { kind: 'returning', lastName: 'García', dateOfBirth: '1985-04-12' } }), 'validation');
      await expectAdapterError(api.book({ ...bad, consents: [{ channel: 'pigeon', granted: true, recordedAt: CONTRACT_NOW.toISOString() }] as never }), 'validation');
      // Nothing was stored by the rejected requests: the hold still books.
      assert.equal((await api.book(bad)).status, 'booked');
    });

    test('matches a returning patient on last name, date of birth and phone or email', async (_s, api) => {
      const slot = await firstSlot(api, 'follow-up');
      const hold = await api.holdSlot(slot.id);
      const booked = await api.book(bookRequest(hold.id, CONTRACT_NOW, { patient: GARCIA }));
      assert.equal(booked.status, 'booked');
    });

    test('a returning patient nobody matches is booked the same way: the reply tells no one who is a patient', async (_s, api) => {
      const [first, second, third] = daysApart(await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', ...DST_RANGE }));
      assert.ok(first && second && third, 'the demo practice has follow-up slots on three days');
      const known = await api.book(bookRequest((await api.holdSlot(first.id)).id, CONTRACT_NOW, { patient: GARCIA }));
      // A person who is no patient, and a patient with a wrong phone: neither is "not found".
      const stranger = await api.book(
        bookRequest((await api.holdSlot(second.id)).id, CONTRACT_NOW, { patient: { kind: 'returning', lastName: 'Nobody', dateOfBirth: '1970-01-01', email: 'no@example.com' } }),
      );
      const wrongPhone = await api.book(bookRequest((await api.holdSlot(third.id)).id, CONTRACT_NOW, { patient: { ...GARCIA, phone: '(720) 555-0100' } }));
      for (const reply of [stranger, wrongPhone]) {
        assert.equal(reply.status, 'booked', 'an unmatched returning patient is booked, unverified, for the front desk');
        assert.deepEqual(shapeOf(reply), shapeOf(known), 'the same reply shape as a matched booking');
        assert.equal((await api.getAppointment(reply.manageToken)).appointment.id, reply.id, 'its manage link works like any other');
      }
    });

    test('a returning patient who fits two records is not matched to either', async (_s, api) => {
      const slots = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      // A second record that fits María García's details: booked once as a new patient.
      const twin = { kind: 'new' as const, firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '1985-04-12', phone: '+1 303-555-0199', email: 'twin@example.com' };
      await api.book(bookRequest((await api.holdSlot(slots[0]!.id)).id, CONTRACT_NOW, { patient: twin }));
      const followUp = (await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', ...DST_RANGE })).find(
        (slot) => Math.abs(Date.parse(slot.start) - Date.parse(slots[0]!.start)) > 86_400_000,
      );
      assert.ok(followUp);
      // One defined answer on every backend: a duplicate is never a guess. It is booked like
      // any unmatched returning patient (unverified, for the front desk), never refused.
      const duplicate = await api.book(bookRequest((await api.holdSlot(followUp.id)).id, CONTRACT_NOW, { patient: GARCIA }));
      assert.equal(duplicate.status, 'booked');
      // The email only the original record has still finds exactly one.
      const later = (await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', ...DST_RANGE })).find(
        (slot) => [slots[0]!, followUp].every((taken) => Math.abs(Date.parse(slot.start) - Date.parse(taken.start)) > DAY_MS),
      );
      assert.ok(later);
      const booked = await api.book(bookRequest((await api.holdSlot(later.id)).id, CONTRACT_NOW, { patient: { ...GARCIA, phone: undefined, email: 'maria.garcia@example.com' } }));
      assert.equal(booked.status, 'booked');
    });

    test('matches a returning last name without case, accents or surrounding spaces', async (_s, api) => {
      // A day apart, so the patient's visits cannot overlap.
      const slots: Slot[] = [];
      for (const slot of await api.findSlots({ locationId: DENVER, appointmentTypeId: 'follow-up', ...DST_RANGE })) {
        if (slots.every((s) => Math.abs(Date.parse(s.start) - Date.parse(slot.start)) > 86_400_000)) slots.push(slot);
      }
      assert.ok(slots.length >= 3, 'the demo practice has follow-up slots on three days');
      // Typed without the accent, as many keyboards do: "garcia" finds the record "García".
      const spellings = [
        { lastName: 'garcia', email: 'Maria.Garcia@example.com' },
        { lastName: '  GARCIA ', phone: '(303) 555-0199' },
        // Decomposed (NFD) input, as some keyboards and pastes produce it.
        { lastName: 'Garci\u0301a', phone: '303 555 0199' },
      ];
      for (const [i, spelling] of spellings.entries()) {
        const hold = await api.holdSlot(slots[i]!.id);
        const booked = await api.book(bookRequest(hold.id, CONTRACT_NOW, { patient: { kind: 'returning', dateOfBirth: '1985-04-12', ...spelling } }));
        assert.equal(booked.status, 'booked', `"${spelling.lastName}" finds García`);
      }
    });

    test('offers an appointment type only to the patients it fits', async (_s, api) => {
      // Follow-ups are for returning patients, initial evaluations for new ones, check-ins for any.
      // Each visit a day after the one before, so no two compete for a provider's time.
      const after = async (type: string, startMs: number) =>
        (await api.findSlots({ locationId: DENVER, appointmentTypeId: type, ...DST_RANGE })).find((slot) => Date.parse(slot.start) > startMs + DAY_MS);
      const followUpSlot = await firstSlot(api, 'follow-up');
      const evaluationSlot = await after('initial-evaluation', Date.parse(followUpSlot.start));
      const checkIn = evaluationSlot && (await after('telehealth-check-in', Date.parse(evaluationSlot.start)));
      const secondCheckIn = checkIn && (await after('telehealth-check-in', Date.parse(checkIn.start)));
      assert.ok(evaluationSlot && checkIn && secondCheckIn);
      const followUp = await api.holdSlot(followUpSlot.id);
      await expectRefusal(api.book(bookRequest(followUp.id, CONTRACT_NOW)), 'validation', 'patient.kind');
      const evaluation = await api.holdSlot(evaluationSlot.id);
      await expectRefusal(api.book(bookRequest(evaluation.id, CONTRACT_NOW, { patient: GARCIA })), 'validation', 'patient.kind');
      // The refused holds are untouched: each still books for the patient it fits.
      assert.equal((await api.book(bookRequest(followUp.id, CONTRACT_NOW, { patient: GARCIA }))).status, 'booked');
      assert.equal((await api.book(bookRequest(evaluation.id, CONTRACT_NOW))).status, 'booked');
      assert.equal((await api.book(bookRequest((await api.holdSlot(checkIn.id)).id, CONTRACT_NOW))).status, 'booked', 'a check-in takes a new patient');
      assert.equal((await api.book(bookRequest((await api.holdSlot(secondCheckIn.id)).id, CONTRACT_NOW, { patient: GARCIA }))).status, 'booked', 'and a returning one');
    });

    test('refuses a slot search beyond 190 days or outside the bookable range, the same way', async (_s, api) => {
      const base = { locationId: DENVER, appointmentTypeId: 'follow-up', providerId: 'james-okafor' };
      const from = Date.parse(DST_RANGE.from);
      const at = (ms: number) => new Date(ms).toISOString();
      // Exactly 190 days is allowed; a millisecond more is not.
      assert.ok(Array.isArray(await api.findSlots({ ...base, from: at(from), to: at(from + 190 * DAY_MS) })));
      await expectRefusal(api.findSlots({ ...base, from: at(from), to: at(from + 190 * DAY_MS + 1) }), 'validation', 'to');
      await expectRefusal(api.findSlots({ ...base, from: at(from), to: at(from) }), 'validation', 'to');
      await expectRefusal(api.findSlots({ ...base, from: '1999-12-01T00:00:00Z', to: '2000-01-15T00:00:00Z' }), 'validation', 'from');
      await expectRefusal(api.findSlots({ ...base, from: '9999-01-01T00:00:00Z', to: '9999-02-01T00:00:00Z' }), 'validation', 'from');
      await expectRefusal(api.findSlots({ ...base, from: at(from), to: '9999-02-01T00:00:00Z' }), 'validation', 'to');
    });

    test('manage link: view, reschedule (new time held first), cancel', async (_s, api) => {
      const all = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      const slotA = all[0];
      // A day later, so the two visits cannot overlap.
      const slotB = all.find((s) => slotA && Date.parse(s.start) > Date.parse(slotA.start) + 86_400_000);
      assert.ok(slotA && slotB);
      const booked = await api.book(bookRequest((await api.holdSlot(slotA.id)).id, CONTRACT_NOW));
      const view = await api.getAppointment(booked.manageToken);
      assert.equal(view.appointment.id, booked.id);
      assert.equal(view.withinNoticeWindow, false);
      assert.ok(view.cancellationPolicy.minimumNoticeHours >= 0);

      const newHold = await api.holdSlot(slotB.id);
      const key = freshKey('reschedule');
      const moved = await api.rescheduleAppointment(booked.manageToken, { holdId: newHold.id, idempotencyKey: key });
      assert.equal(Date.parse(moved.start), Date.parse(slotB.start));
      assert.equal(moved.status, 'booked');
      const retried = await api.rescheduleAppointment(booked.manageToken, { holdId: newHold.id, idempotencyKey: key });
      assert.equal(retried.id, moved.id, 'a retried reschedule is the same reschedule');
      const freed = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      assert.ok(freed.some((s) => s.id === slotA.id), 'the old time is free again');

      const cancelled = await api.cancelAppointment(moved.manageToken, { reason: 'Feeling better' });
      assert.equal(cancelled.status, 'cancelled');
      const reopened = await api.getAppointment(moved.manageToken);
      assert.equal(reopened.appointment.status, 'cancelled');
      const free = await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE });
      assert.ok(free.some((s) => s.id === slotB.id), 'a cancelled visit frees its time');
    });

    test('opens the demo manage links: upcoming, inside the notice window, cancelled, past', async (_s, api) => {
      const upcoming = await api.getAppointment(DEMO_MANAGE_TOKENS.upcoming);
      assert.equal(upcoming.appointment.status, 'booked');
      assert.equal(upcoming.withinNoticeWindow, false);
      assert.equal(upcoming.appointment.timeZone, 'America/Denver');

      const soon = await api.getAppointment(DEMO_MANAGE_TOKENS.withinNotice);
      assert.equal(soon.withinNoticeWindow, true);
      await expectAdapterError(api.cancelAppointment(DEMO_MANAGE_TOKENS.withinNotice, { reason: 'Schedule conflict' }), 'validation');
      const cancelled = await api.cancelAppointment(DEMO_MANAGE_TOKENS.withinNotice, { reason: 'Schedule conflict', acknowledgedFee: true });
      assert.equal(cancelled.status, 'cancelled');
      assert.ok(cancelled.cancelledAt);

      const before = await api.getAppointment(DEMO_MANAGE_TOKENS.cancelled);
      assert.equal(before.appointment.status, 'cancelled');
      const hold = await api.holdSlot((await firstSlot(api, 'follow-up')).id);
      await expectAdapterError(
        api.rescheduleAppointment(DEMO_MANAGE_TOKENS.cancelled, { holdId: hold.id, idempotencyKey: freshKey('reschedule') }),
        'conflict',
      );
      await expectAdapterError(api.getAppointment(DEMO_MANAGE_TOKENS.past), 'token_expired');
    });

    test("I'll be there: confirming sets confirmedAt once; a cancelled visit cannot be confirmed", async (_s, api, t) => {
      if (!api.confirmAppointment) return t.skip('the adapter has no confirmAppointment (it is optional)');
      const booked = await api.book(bookRequest((await api.holdSlot((await firstSlot(api)).id)).id, CONTRACT_NOW));
      assert.equal(booked.confirmedAt, undefined);
      const confirmed = await api.confirmAppointment(booked.manageToken);
      assert.equal(confirmed.id, booked.id);
      assert.ok(confirmed.confirmedAt && Date.parse(confirmed.confirmedAt) >= CONTRACT_NOW.getTime());
      assert.equal((await api.confirmAppointment(booked.manageToken)).confirmedAt, confirmed.confirmedAt, 'the first confirmation stands');
      assert.equal((await api.getAppointment(booked.manageToken)).appointment.confirmedAt, confirmed.confirmedAt);
      await expectAdapterError(api.confirmAppointment(DEMO_MANAGE_TOKENS.cancelled), 'conflict');
      await expectAdapterError(api.confirmAppointment('not-a-real-manage-token-0000'), 'token_invalid');
    });

    test('a change right after booking is free for the grace period, even inside the notice window', async (subject, api, t) => {
      const from = new Date(CONTRACT_NOW.getTime() + 3_600_000).toISOString();
      const to = new Date(CONTRACT_NOW.getTime() + 20 * 3_600_000).toISOString();
      const soon = (await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', from, to }))[0];
      assert.ok(soon, 'the demo practice has a time inside the 24-hour notice window');
      const booked = await api.book(bookRequest((await api.holdSlot(soon.id)).id, CONTRACT_NOW));
      const fresh = await api.getAppointment(booked.manageToken);
      assert.ok(fresh.cancellationPolicy.lateCancelFee, 'the demo policy has a late-change fee');
      assert.equal(fresh.withinNoticeWindow, false, 'no fee within the grace period after booking');
      if (!subject.advanceTime) return t.skip('the backend clock cannot be moved');
      await subject.advanceTime(16 * 60_000);
      const later = await api.getAppointment(booked.manageToken);
      assert.equal(later.withinNoticeWindow, true, 'past the default 15-minute grace, the fee applies');
      await expectAdapterError(api.cancelAppointment(booked.manageToken, {}), 'validation');
      assert.equal((await api.cancelAppointment(booked.manageToken, { acknowledgedFee: true })).status, 'cancelled');
    });

    test('a late change without the fee acknowledged is refused the same way for cancel and reschedule', async (_s, api) => {
      const soon = await api.getAppointment(DEMO_MANAGE_TOKENS.withinNotice);
      assert.equal(soon.withinNoticeWindow, true);
      const hold = await api.holdSlot((await firstSlot(api, 'follow-up')).id);
      await expectRefusal(api.cancelAppointment(DEMO_MANAGE_TOKENS.withinNotice, {}), 'validation', 'acknowledgedFee');
      await expectRefusal(api.cancelAppointment(DEMO_MANAGE_TOKENS.withinNotice, { acknowledgedFee: false }), 'validation', 'acknowledgedFee');
      await expectRefusal(
        api.rescheduleAppointment(DEMO_MANAGE_TOKENS.withinNotice, { holdId: hold.id, idempotencyKey: freshKey('reschedule') }),
        'validation',
        'acknowledgedFee',
      );
      assert.equal((await api.getAppointment(DEMO_MANAGE_TOKENS.withinNotice)).appointment.status, 'booked', 'a refused change changes nothing');
      // Outside the window no acknowledgement is needed.
      const upcoming = await api.getAppointment(DEMO_MANAGE_TOKENS.upcoming);
      assert.equal(upcoming.withinNoticeWindow, false);
      assert.equal((await api.cancelAppointment(DEMO_MANAGE_TOKENS.upcoming, {})).status, 'cancelled');
    });

    test('a reschedule onto an expired hold is refused and keeps the visit', async (subject, api, t) => {
      if (!subject.advanceTime) return t.skip('the backend clock cannot be moved');
      const [first, second] = daysApart(await api.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', ...DST_RANGE }));
      assert.ok(first && second);
      const booked = await api.book(bookRequest((await api.holdSlot(first.id)).id, CONTRACT_NOW));
      const hold = await api.holdSlot(second.id);
      await subject.advanceTime(subject.holdTtlMs);
      await expectAdapterError(api.rescheduleAppointment(booked.manageToken, { holdId: hold.id, idempotencyKey: freshKey('reschedule') }), 'hold_expired');
      const kept = await api.getAppointment(booked.manageToken);
      assert.equal(kept.appointment.id, booked.id);
      assert.equal(kept.appointment.status, 'booked');
    });

    test('a manage link works until the visit ends and is expired from its end on', async (subject, api, t) => {
      if (!subject.advanceTime) return t.skip('the backend clock cannot be moved');
      const slot = await firstSlot(api);
      const booked = await api.book(bookRequest((await api.holdSlot(slot.id)).id, CONTRACT_NOW));
      const endMs = Date.parse(booked.end);
      await subject.advanceTime(endMs - 1 - CONTRACT_NOW.getTime());
      assert.equal((await api.getAppointment(booked.manageToken)).appointment.id, booked.id, 'one millisecond before the end the link opens');
      await subject.advanceTime(1);
      await expectAdapterError(api.getAppointment(booked.manageToken), 'token_expired');
      await expectAdapterError(api.cancelAppointment(booked.manageToken, { acknowledgedFee: true }), 'token_expired');
    });

    test('unknown manage tokens are token_invalid', async (_s, api) => {
      await expectAdapterError(api.getAppointment('not-a-real-token-0000000'), 'token_invalid');
      await expectAdapterError(api.cancelAppointment('not-a-real-token-0000000', {}), 'token_invalid');
    });

    test('joining the waitlist is idempotent', async (_s, api) => {
      const request = {
        locationId: DENVER,
        appointmentTypeId: 'initial-evaluation',
        preferredWeekdays: [1, 3],
        preferredTimesOfDay: ['morning' as const],
        patient: bookRequest('x', CONTRACT_NOW).patient,
        consents: consents(CONTRACT_NOW),
        idempotencyKey: freshKey('wait'),
      };
      const first = await api.joinWaitlist(request);
      const again = await api.joinWaitlist(request);
      assert.equal(again.id, first.id);
      await expectAdapterError(api.joinWaitlist({ ...request, preferredWeekdays: [9] }), 'validation');
    });

    test('verifies eligibility where the adapter supports it', async (_s, api, t) => {
      if (!api.verifyEligibility) {
        t.skip('the adapter has no verifyEligibility (it is optional)');
        return;
      }
      const result = await api.verifyEligibility({ kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' });
      assert.ok(['active', 'inactive', 'unknown'].includes(result.status));
      await expectAdapterError(api.verifyEligibility({ kind: 'insurance', payerName: '', memberId: '', relationship: 'self' }), 'validation');
    });

    test('answers eligibility by the demo payer rules where the backend uses them', async (_s, api, t) => {
      if (!api.verifyEligibility) return t.skip('the adapter has no verifyEligibility (it is optional)');
      const insurance = { kind: 'insurance' as const, relationship: 'self' as const };
      const aetna = await api.verifyEligibility({ ...insurance, payerName: '  AETNA ', memberId: 'W123456789' });
      assert.equal(aetna.status, 'active');
      assert.deepEqual(aetna.copay, { amountMinor: 3000, currency: 'USD' });
      // The backend's clock, which starts at CONTRACT_NOW (and may run on from it).
      assert.ok(Date.parse(aetna.checkedAt) >= CONTRACT_NOW.getTime(), 'checked at the backend clock');
      assert.equal((await api.verifyEligibility({ ...insurance, payerName: 'Aetna', memberId: 'W123456780' })).status, 'inactive', 'member ids ending in 0 are inactive');
      const unknownPayer = await api.verifyEligibility({ ...insurance, payerName: 'Small Local Plan', memberId: 'X1' });
      assert.equal(unknownPayer.status, 'active');
      assert.equal(unknownPayer.copay, undefined);
      assert.equal((await api.verifyEligibility({ kind: 'self-pay' })).status, 'unknown');
    });

    test('answers the demo payer benefits cases where the backend uses the demo rules', async (_s, api, t) => {
      if (!api.verifyEligibility) return t.skip('the adapter has no verifyEligibility (it is optional)');
      const insurance = { kind: 'insurance' as const, relationship: 'self' as const, payerName: 'Aetna' };
      const pool = await api.verifyEligibility({ ...insurance, memberId: DEMO_BENEFITS_MEMBER_IDS.sharedPool });
      assert.equal(pool.status, 'active');
      assert.equal(coveredVisitsLeft(pool.benefits!, 'speech-therapy'), 3, 'three visits left in the shared pool');
      assert.deepEqual(pool.estimate, { amount: { amountMinor: 2500, currency: 'USD' }, basis: 'copay' });
      assert.deepEqual(pool.selfPayPrice, DEMO_VISIT_PRICE);
      const down = await api.verifyEligibility({ ...insurance, memberId: DEMO_BENEFITS_MEMBER_IDS.providerDown });
      assert.equal(down.confirmLater, true);
      assert.equal(down.status, 'unknown');
      assert.equal(JSON.stringify(pool).includes(DEMO_BENEFITS_MEMBER_IDS.sharedPool), false, 'the answer never repeats the member id');
    });
  });
}
