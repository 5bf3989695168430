/**
 * The slot search window, one rule for every backend: a search covers a positive range of at
 * most 190 days, and both ends lie between 2000 and about three years from now. Instants outside
 * those bounds (year 9999, a typo) are refused before any date arithmetic can overflow.
 */
import { AdapterError } from '../errors/adapter-error.js';

/** Longest range one slot search may cover. */
export const MAX_SLOT_RANGE_DAYS = 190;
/** How far ahead anything can be searched or held. */
export const BOOKING_HORIZON_DAYS = 3 * 366;
/** The earliest instant a search or slot id may name. */
export const EARLIEST_BOOKABLE_MS = Date.UTC(2000, 0, 1);

const DAY_MS = 86_400_000;

/** Whether an instant is one a search or a hold may name at `nowMs`. */
export function withinBookingHorizon(instantMs: number, nowMs: number): boolean {
  return Number.isFinite(instantMs) && instantMs >= EARLIEST_BOOKABLE_MS && instantMs <= nowMs + BOOKING_HORIZON_DAYS * DAY_MS;
}

/** A search's range in milliseconds, once it passed the window rule. */
export interface SlotSearchWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The range of a slot search, or a `validation` error naming the end that is wrong. Every
 * backend refuses with the same message and issue path.
 */
export function slotSearchWindow(query: { from: string; to: string }, nowMs: number, operation: string): SlotSearchWindow {
  const fromMs = Date.parse(query.from);
  const toMs = Date.parse(query.to);
  const fromInside = withinBookingHorizon(fromMs, nowMs);
  if (!fromInside || !withinBookingHorizon(toMs, nowMs)) {
    throw new AdapterError('validation', `Searches must lie between 2000 and ${BOOKING_HORIZON_DAYS} days from now.`, {
      operation,
      issues: [{ path: fromInside ? 'to' : 'from', message: 'Out of the bookable range.' }],
    });
  }
  if (toMs <= fromMs || toMs - fromMs > MAX_SLOT_RANGE_DAYS * DAY_MS) {
    throw new AdapterError('validation', `The range must be positive and at most ${MAX_SLOT_RANGE_DAYS} days.`, {
      operation,
      issues: [{ path: 'to', message: 'Range out of bounds.' }],
    });
  }
  return { fromMs, toMs };
}
