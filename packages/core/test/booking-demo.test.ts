import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localTimeIn, minutesOfDay, weekdayOf, localDateIn } from '@pxm/core/time';
import { DEMO_MANAGE_TOKENS, demoBookings, demoWorkingHours } from '@pxm/core/demo';

describe('demo bookings', () => {
  for (const now of ['2027-03-01T16:00:00Z', '2027-03-13T05:00:00Z', '2027-11-06T23:59:00Z']) {
    it(`are placed sensibly relative to ${now}`, () => {
      const nowMs = Date.parse(now);
      const bookings = demoBookings(new Date(now), demoWorkingHours);
      const byToken = new Map(bookings.map((b) => [b.manageToken, b]));
      assert.equal(byToken.size, 4);
      const upcoming = byToken.get(DEMO_MANAGE_TOKENS.upcoming)!;
      assert.ok(Date.parse(upcoming.start) - nowMs > 3 * 86_400_000, 'well outside the 24 h notice window');
      assert.ok([1, 3, 5].includes(weekdayOf(localDateIn(upcoming.start, 'America/Denver'))), 'on a day Ana works');
      const soon = byToken.get(DEMO_MANAGE_TOKENS.withinNotice)!;
      const ahead = Date.parse(soon.start) - nowMs;
      assert.ok(ahead > 2 * 3_600_000 && ahead < 24 * 3_600_000, 'inside the notice window, still ahead');
      const minute = minutesOfDay(localTimeIn(soon.start, 'America/Denver'));
      assert.ok(minute >= 8 * 60 && minute <= 16 * 60, 'during clinic hours');
      assert.equal(byToken.get(DEMO_MANAGE_TOKENS.cancelled)!.status, 'cancelled');
      assert.ok(Date.parse(byToken.get(DEMO_MANAGE_TOKENS.past)!.end) < nowMs);
      for (const booking of bookings) assert.equal(Date.parse(booking.end) - Date.parse(booking.start), 45 * 60_000);
    });
  }
});
