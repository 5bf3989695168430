/** Core's booking rules, each the one every backend calls (the contract suite proves the backends do). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import {
  MAX_SLOT_RANGE_DAYS,
  appointmentTypeFits,
  demoPayerEligibility,
  holdExpiry,
  holdIsLive,
  manageLinkExpired,
  requireLateFeeAcknowledged,
  requireLiveHold,
  requireManageLinkOpen,
  requireTypeEligibility,
  resolveReturningPatient,
  slotSearchWindow,
  withinBookingHorizon,
  type CancellationPolicy,
  type PatientMatchRecord,
} from '@pxm/core/booking';
import * as booking from '../src/booking/index.js';

const NOW = Date.parse('2027-03-01T16:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The refusal a rule throws: its code and its issue paths. */
function refusal(run: () => unknown): { code: string; paths: string[] } {
  try {
    run();
  } catch (error) {
    assert.ok(AdapterError.is(error), String(error));
    return { code: error.code, paths: error.issues.map((issue) => issue.path) };
  }
  assert.fail('expected a refusal');
}

describe('booking rules', () => {
  it('are exported through the booking barrel and the core root alike', () => {
    assert.equal(booking.slotSearchWindow, slotSearchWindow);
    assert.equal(booking.resolveReturningPatient, resolveReturningPatient);
    assert.equal(booking.demoPayerEligibility, demoPayerEligibility);
  });

  it('slot search window: positive, at most 190 days, inside 2000 .. three years ahead', () => {
    assert.equal(MAX_SLOT_RANGE_DAYS, 190);
    assert.deepEqual(slotSearchWindow({ from: iso(NOW), to: iso(NOW + 190 * DAY) }, NOW, 'op'), { fromMs: NOW, toMs: NOW + 190 * DAY });
    assert.deepEqual(refusal(() => slotSearchWindow({ from: iso(NOW), to: iso(NOW + 190 * DAY + 1) }, NOW, 'op')), { code: 'validation', paths: ['to'] });
    assert.deepEqual(refusal(() => slotSearchWindow({ from: iso(NOW), to: iso(NOW) }, NOW, 'op')), { code: 'validation', paths: ['to'] });
    assert.deepEqual(refusal(() => slotSearchWindow({ from: '1999-12-31T00:00:00Z', to: iso(NOW) }, NOW, 'op')), { code: 'validation', paths: ['from'] });
    assert.deepEqual(refusal(() => slotSearchWindow({ from: iso(NOW), to: '9999-01-01T00:00:00Z' }, NOW, 'op')), { code: 'validation', paths: ['to'] });
    assert.equal(withinBookingHorizon(Number.NaN, NOW), false);
  });

  it('hold liveness: live before its expiry instant, expired at it; used and released holds refused', () => {
    const expiresAt = holdExpiry(NOW, 600_000);
    assert.equal(holdIsLive(expiresAt, expiresAt - 1), true);
    assert.equal(holdIsLive(iso(expiresAt), expiresAt), false);
    requireLiveHold({ expiresAt, consumed: false, released: false }, expiresAt - 1, 'op');
    assert.equal(refusal(() => requireLiveHold({ expiresAt, consumed: false, released: false }, expiresAt, 'op')).code, 'hold_expired');
    assert.equal(refusal(() => requireLiveHold(undefined, NOW, 'op')).code, 'hold_expired');
    assert.equal(refusal(() => requireLiveHold({ expiresAt, consumed: false, released: true }, NOW, 'op')).code, 'hold_expired');
    assert.equal(refusal(() => requireLiveHold({ expiresAt, consumed: true, released: false }, NOW, 'op')).code, 'slot_unavailable');
  });

  it('late fee: refused without acknowledgement inside the window, one code and path; free without a fee', () => {
    const policy: CancellationPolicy = { minimumNoticeHours: 24, lateCancelFee: { amountMinor: 5000, currency: 'USD' } };
    const soon = { start: iso(NOW + 3_600_000), createdAt: iso(NOW - DAY) };
    assert.deepEqual(refusal(() => requireLateFeeAcknowledged(soon, policy, NOW, undefined, 'op')), { code: 'validation', paths: ['acknowledgedFee'] });
    requireLateFeeAcknowledged(soon, policy, NOW, true, 'op');
    requireLateFeeAcknowledged(soon, { minimumNoticeHours: 24 }, NOW, undefined, 'op');
    requireLateFeeAcknowledged({ ...soon, start: iso(NOW + 2 * DAY) }, policy, NOW, undefined, 'op');
  });

  it('type eligibility: new, returning and any', () => {
    assert.equal(appointmentTypeFits({ patientEligibility: 'any' }, 'new'), true);
    assert.equal(appointmentTypeFits({ patientEligibility: 'new' }, 'returning'), false);
    assert.deepEqual(refusal(() => requireTypeEligibility({ name: 'Follow-up', patientEligibility: 'returning' }, 'new', 'op')), { code: 'validation', paths: ['patient.kind'] });
    requireTypeEligibility({ name: 'Follow-up', patientEligibility: 'returning' }, 'returning', 'op');
  });

  it('manage link: open until the visit ends, expired from its end on', () => {
    assert.equal(manageLinkExpired(NOW + 1, NOW), false);
    assert.equal(manageLinkExpired(NOW, NOW), true);
    requireManageLinkOpen(NOW + 1, NOW, 'op');
    assert.equal(refusal(() => requireManageLinkOpen(NOW, NOW, 'op')).code, 'token_expired');
  });

  it('returning patient: one match is used; none, a duplicate or only unverified records give an unverified record, never "not found"', () => {
    const garcia: PatientMatchRecord & { id: string } = { id: 'p1', lastNames: ['García'], dateOfBirth: '1985-04-12', phones: ['+1 303-555-0199'], emails: [] };
    const typed = { kind: 'returning' as const, lastName: ' garci\u0301a ', dateOfBirth: '1985-04-12', phone: '(303) 555-0199' };
    const describe = (record: typeof garcia) => record;
    assert.deepEqual(resolveReturningPatient([garcia], describe, typed), { kind: 'matched', record: garcia });
    const unverified = { kind: 'unverified', record: { lastName: 'garci\u0301a', dateOfBirth: '1985-04-12', phone: '(303) 555-0199', unverified: true } };
    assert.deepEqual(resolveReturningPatient([], describe, typed), unverified);
    assert.deepEqual(resolveReturningPatient([garcia, { ...garcia, id: 'p2' }], describe, typed), unverified, 'a duplicate is never a guess');
    assert.deepEqual(resolveReturningPatient([{ ...garcia, unverified: true }], describe, typed), unverified, 'unverified records are never matched');
  });

  it('demo payer rules: self-pay unknown with the practice price, ids ending in 0 inactive, known payers with a copay', () => {
    const at = iso(NOW);
    const insurance = { kind: 'insurance' as const, relationship: 'self' as const };
    assert.deepEqual(demoPayerEligibility({ kind: 'self-pay' }, at), { status: 'unknown', checkedAt: at, selfPayPrice: { amountMinor: 12_000, currency: 'USD' } });
    assert.deepEqual(demoPayerEligibility({ ...insurance, payerName: 'Cigna', memberId: 'A10' }, at), { status: 'inactive', checkedAt: at });
    assert.deepEqual(demoPayerEligibility({ ...insurance, payerName: ' CIGNA ', memberId: 'A11' }, at), { status: 'active', checkedAt: at, copay: { amountMinor: 2500, currency: 'USD' } });
    assert.deepEqual(demoPayerEligibility({ ...insurance, payerName: 'constructor', memberId: 'A11' }, at), { status: 'active', checkedAt: at });
  });
});
