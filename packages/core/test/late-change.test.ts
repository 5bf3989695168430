/** The late-change rule every backend applies: the notice window, and the grace period after booking. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_CHANGE_GRACE_MINUTES,
  lateChangeFeeApplies,
  lateChangeWindow,
  startsInsideNoticeWindow,
  type CancellationPolicy,
} from '@pxm/core/booking';

const policy: CancellationPolicy = { minimumNoticeHours: 24, lateCancelFee: { amountMinor: 5000, currency: 'USD' } };
const booked = Date.parse('2027-03-01T17:00:00Z');
const tomorrowNine = { start: '2027-03-02T09:00:00-07:00', createdAt: '2027-03-01T10:00:00-07:00' };
const minutes = (n: number) => booked + n * 60_000;

describe('late-change rule', () => {
  it('a visit booked inside the notice window is free to change during the grace period, then carries the fee', () => {
    assert.equal(DEFAULT_CHANGE_GRACE_MINUTES, 15);
    assert.equal(startsInsideNoticeWindow(Date.parse(tomorrowNine.start), policy, booked), true, 'warned at booking time');
    assert.equal(lateChangeWindow(tomorrowNine, policy, minutes(5)), false);
    assert.equal(lateChangeFeeApplies(tomorrowNine, policy, minutes(14.9)), false);
    assert.equal(lateChangeWindow(tomorrowNine, policy, minutes(15)), true);
    assert.equal(lateChangeFeeApplies(tomorrowNine, policy, minutes(15)), true);
  });

  it('the grace period is configurable, and zero turns it off', () => {
    assert.equal(lateChangeWindow(tomorrowNine, { ...policy, changeGraceMinutes: 60 }, minutes(45)), false);
    assert.equal(lateChangeWindow(tomorrowNine, { ...policy, changeGraceMinutes: 0 }, minutes(0)), true);
  });

  it('a visit moved into the window gets no new grace; a visit far ahead is outside the window; no fee, nothing to acknowledge', () => {
    assert.equal(lateChangeWindow({ ...tomorrowNine, rescheduledFromId: 'appt-1' }, policy, minutes(1)), true);
    assert.equal(lateChangeWindow({ ...tomorrowNine, start: '2027-03-05T09:00:00-07:00' }, policy, minutes(30)), false);
    assert.equal(lateChangeFeeApplies(tomorrowNine, { minimumNoticeHours: 24 }, minutes(30)), false);
  });
});
