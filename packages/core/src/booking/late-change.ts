/**
 * The late-change rule, in one place for every backend: inside the policy's minimum-notice
 * window a change (reschedule or cancel) may carry the late fee, except during a short grace
 * period right after the visit was booked.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { Appointment } from '../schemas/booking.js';
import type { CancellationPolicy } from '../schemas/practice.js';

export const DEFAULT_CHANGE_GRACE_MINUTES = 15;

const HOUR_MS = 3_600_000;

/** Whether a visit starting at `startMs` is inside the notice window at `nowMs` (the warning shown when booking). */
export function startsInsideNoticeWindow(startMs: number, policy: CancellationPolicy, nowMs: number): boolean {
  return startMs - nowMs < policy.minimumNoticeHours * HOUR_MS;
}

/**
 * When the grace period after booking ends. A visit that replaced another (a reschedule) gets
 * none: the grace is for fixing a fresh booking, not a way to keep moving a visit for free.
 */
export function changeGraceEndsAt(appointment: Pick<Appointment, 'createdAt' | 'rescheduledFromId'>, policy: CancellationPolicy): number {
  if (appointment.rescheduledFromId) return Number.NEGATIVE_INFINITY;
  return Date.parse(appointment.createdAt) + (policy.changeGraceMinutes ?? DEFAULT_CHANGE_GRACE_MINUTES) * 60_000;
}

/**
 * `withinNoticeWindow` of a managed appointment: a change now may carry the late fee (inside the
 * notice window and past the grace period after booking).
 */
export function lateChangeWindow(appointment: Pick<Appointment, 'start' | 'createdAt' | 'rescheduledFromId'>, policy: CancellationPolicy, nowMs: number): boolean {
  return startsInsideNoticeWindow(Date.parse(appointment.start), policy, nowMs) && nowMs >= changeGraceEndsAt(appointment, policy);
}

/** A change now needs the fee acknowledged: inside the late-change window and the policy has a fee. */
export function lateChangeFeeApplies(appointment: Pick<Appointment, 'start' | 'createdAt' | 'rescheduledFromId'>, policy: CancellationPolicy, nowMs: number): boolean {
  return Boolean(policy.lateCancelFee) && lateChangeWindow(appointment, policy, nowMs);
}

/**
 * Refuses a change (cancel or reschedule) that needs the late fee acknowledged and did not get
 * it. One code, one message and one issue path on every backend, for cancel and reschedule alike.
 */
export function requireLateFeeAcknowledged(
  appointment: Pick<Appointment, 'start' | 'createdAt' | 'rescheduledFromId'>,
  policy: CancellationPolicy,
  nowMs: number,
  acknowledgedFee: boolean | undefined,
  operation: string,
): void {
  if (acknowledgedFee || !lateChangeFeeApplies(appointment, policy, nowMs)) return;
  throw new AdapterError('validation', 'The late-change fee must be acknowledged.', {
    operation,
    issues: [{ path: 'acknowledgedFee', message: 'Required inside the notice window.' }],
  });
}
