/**
 * Booking, moving and cancelling a visit: the host page's say (`pxm-booking-before-confirm`),
 * the adapter call with its idempotency key, a lapsed hold taken again once, and the
 * confirmation with its calendar file.
 */
import { AdapterError, createId } from '@pxm/core';
import type { Appointment, Slot } from '@pxm/core/booking';
import { addressLine, appointmentIcs } from '@pxm/core/booking-display';
import {
  PxmBookingAttendanceConfirmedEvent,
  PxmBookingBeforeConfirmEvent,
  PxmBookingCancelledEvent,
  PxmBookingConfirmedEvent,
  PxmBookingRescheduledEvent,
  type BookingVisitDetail,
} from './booking.events.js';
import { notifyFailure, showErrors } from './booking-feedback.js';
import { reported, type FlowHost } from './booking-flow-host.js';
import { keepCoveredVisits } from './booking-series-coverage.js';
import type { BookingState } from './booking-state.js';
import { coverageFrom, patientRequest } from './booking-validation.js';

export class BookingConfirmation {
  private seriesId = '';

  /** `stopHoldTimer` ends the countdown once the held time is booked. */
  constructor(
    private readonly host: FlowHost,
    private readonly stopHoldTimer: () => void,
  ) {}

  visitDetail(appointment: Appointment): BookingVisitDetail {
    const { id, locationId, providerId, appointmentTypeId, start, end, timeZone } = appointment;
    return { appointmentId: id, locationId, providerId, appointmentTypeId, start, end, timeZone };
  }

  /** Lets the host stop (`preventDefault`) or delay (`waitUntil`) the booking. */
  async hostAllows(action: 'book' | 'reschedule' | 'series'): Promise<boolean> {
    const { state, zones } = this.host;
    const event = new PxmBookingBeforeConfirmEvent({
      action,
      locationId: state.locationId,
      appointmentTypeId: state.typeId,
      timeZone: zones.clinicZone,
      visits: state.holds.map(({ slot }) => ({ providerId: slot.providerId, start: slot.start, end: slot.end })),
    });
    if (!this.host.emit(event)) return false;
    try {
      await Promise.all(event.pending);
      return true;
    } catch {
      return false;
    }
  }

  /** A change inside the notice window whose fee is not acknowledged yet: asks for it. */
  private feeUnacknowledged(): boolean {
    const { managed, ackFee } = this.host.state;
    if (ackFee || !managed?.withinNoticeWindow || !managed.cancellationPolicy.lateCancelFee) return false;
    showErrors(this.host, { ack: 'errAck' });
    return true;
  }

  async confirm(): Promise<void> {
    const { host } = this;
    const { busy, holds, rescheduling } = host.state;
    if (busy) return;
    if (!holds.length) return host.backToTimes(undefined, host.messages.text('holdEnded'));
    if (rescheduling && this.feeUnacknowledged()) return;
    // A series past what the plan covers keeps its covered visits unless self-pay was agreed.
    if (!rescheduling && !keepCoveredVisits(host)) return;
    host.set({ busy: 'confirm', notice: undefined });
    if (!(await this.hostAllows(rescheduling ? 'reschedule' : host.state.holds.length > 1 ? 'series' : 'book'))) {
      host.notify(host.messages.text('stoppedByHost'), 'info');
      return;
    }
    if (rescheduling) await this.reschedule();
    else await this.book();
  }

  /** Sends a request for held visit `index`; a lapsed hold is taken again once, with a new key (nothing was booked). */
  private async withLiveHold<Result>(index: number, send: () => Promise<Result>): Promise<Result> {
    try {
      return await send();
    } catch (error) {
      if (!AdapterError.is(error) || error.code !== 'hold_expired') throw error;
      const hold = await this.host.calls.run('holdSlot', (api, signal) => api.holdSlot(this.host.state.holds[index]!.slot.id, { signal }));
      const { holds, keys } = this.host.state;
      this.host.set({ holds: holds.map((held, position) => (position === index ? hold : held)), keys: keys.map((key, position) => (position === index ? createId() : key)), holdExpired: false });
      return send();
    }
  }

  /** Books visit `index`. */
  bookOne(index: number): Promise<Appointment> {
    const host = this.host;
    return this.withLiveHold(index, () => {
      const { draft, holds, keys } = host.state;
      const coverage = coverageFrom(draft);
      const request = {
        holdId: holds[index]!.id,
        ...patientRequest(host),
        idempotencyKey: keys[index]!,
        ...(host.referralToken ? { referralToken: host.referralToken } : {}),
        ...(coverage ? { coverage } : {}),
      };
      return host.calls.run('book', (api, signal) => api.book(request, { signal }));
    });
  }

  async book(): Promise<void> {
    const host = this.host;
    const booked: Appointment[] = [];
    const failed: Slot[] = [];
    const series = host.state.holds.length > 1;
    for (let index = 0; index < host.state.holds.length; index++) {
      try {
        booked.push(await this.bookOne(index));
      } catch (error) {
        const err = reported(error);
        if (!err) return;
        const slot = host.state.holds[index]!.slot;
        const taken = err.code === 'slot_unavailable' || err.code === 'hold_expired';
        if (series && taken) {
          failed.push(slot);
          continue;
        }
        if (taken) return host.backToTimes(slot);
        if (err.code === 'not_found') {
          // The details step shows why, with a way to book as a new patient instead.
          host.go('details', { busy: '', errors: { match: 'patientNotFound' } });
          return host.focus('#not-found');
        }
        if (err.code === 'validation') {
          host.go('details', { busy: '' });
          return host.notify(host.messages.text('detailsRejected'));
        }
        // Network, timeout, server: stay here; trying again reuses the same keys, so it never books twice.
        return notifyFailure(host, err, () => void this.confirm());
      }
    }
    this.stopHoldTimer();
    this.seriesId = series ? createId() : '';
    this.finish('booked', booked, failed);
    for (const appointment of booked) {
      host.emit(new PxmBookingConfirmedEvent({ ...this.visitDetail(appointment), ...(this.seriesId ? { seriesId: this.seriesId } : {}) }));
    }
  }

  /**
   * A change of a booked visit failed: its own link's trouble (invalid, expired, or, where
   * `conflictIsLink`, changed meanwhile) is said as such; otherwise "Try again" when it can help.
   */
  private changeFailed(error: unknown, retry: () => void, conflictIsLink: boolean): void {
    const err = reported(error);
    if (!err) return;
    if (err.code.startsWith('token_') || (conflictIsLink && err.code === 'conflict')) return this.host.notify(this.host.manageError(err.code));
    notifyFailure(this.host, err, err.retryable ? retry : undefined);
  }

  async reschedule(): Promise<void> {
    const host = this.host;
    const managed = host.state.managed!;
    try {
      const next = await this.withLiveHold(0, () => {
        const { holds, keys, ackFee } = host.state;
        const request = { holdId: holds[0]!.id, idempotencyKey: keys[0]!, ...(ackFee ? { acknowledgedFee: true } : {}) };
        return host.calls.run('rescheduleAppointment', (api, signal) => api.rescheduleAppointment(host.manageToken!, request, { signal }));
      });
      this.stopHoldTimer();
      const previous = managed.appointment;
      this.finish('rescheduled', [next], []);
      host.set({ managed: { ...managed, appointment: next } });
      host.emit(new PxmBookingRescheduledEvent({ ...this.visitDetail(next), previousAppointmentId: previous.id, previousStart: previous.start }));
    } catch (error) {
      const code = reported(error)?.code;
      if (code === 'slot_unavailable' || code === 'hold_expired') return host.backToTimes(host.state.holds[0]?.slot);
      this.changeFailed(error, () => void this.confirm(), true);
    }
  }

  finish(outcome: BookingState['outcome'], appointments: Appointment[], failed: Slot[]): void {
    const host = this.host;
    host.revokeIcs();
    if (appointments.length && outcome !== 'cancelled') host.setIcs(this.createIcs(appointments));
    host.set({ holds: [], busy: '', outcome, appointments, failed, notice: undefined });
    host.go('done');
    host.announce(host.messages.text(`title_${outcome ?? 'booked'}`));
  }

  createIcs(appointments: Appointment[]): string {
    const { catalog, messages } = this.host;
    const practice = catalog.practice;
    const type = catalog.types.find((candidate) => candidate.id === appointments[0]!.appointmentTypeId);
    const location = catalog.locations.find((candidate) => candidate.id === appointments[0]!.locationId);
    const ics = appointmentIcs(
      appointments.map((appointment) => ({
        appointmentId: appointment.id,
        start: appointment.start,
        end: appointment.end,
        title: `${type?.name ?? ''} · ${practice.name}`,
        location: type?.modality === 'telehealth' ? messages.text('videoVisit') : location ? `${location.name}, ${addressLine(location.address)}` : '',
        description: [practice.whatToBring, practice.cancellationPolicy.text, practice.phone].filter(Boolean).join('\n\n'),
        manageUrl: this.host.manageLink(appointment.manageToken),
      })),
      { calendarName: practice.name },
    );
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }

  /** "I'll be there": the backend records it once; the manage view then says so. */
  async confirmAttendance(): Promise<void> {
    const host = this.host;
    const { busy, managed } = host.state;
    if (busy) return;
    host.set({ busy: 'attend', notice: undefined });
    try {
      const confirmed = await host.calls.run('confirmAppointment', (api, signal) =>
        api.confirmAppointment ? api.confirmAppointment(host.manageToken!, { signal }) : Promise.reject(new AdapterError('unsupported', 'No attendance confirmation.')),
      );
      host.set({ busy: '', managed: { ...managed!, appointment: confirmed } });
      // The button is gone: focus goes to what replaced it.
      host.focus('.attendance-notice');
      host.emit(new PxmBookingAttendanceConfirmedEvent(this.visitDetail(confirmed)));
    } catch (error) {
      host.set({ busy: '' });
      this.changeFailed(error, () => void this.confirmAttendance(), true);
    }
  }

  async cancelAppointment(): Promise<void> {
    const host = this.host;
    const { busy, managed, cancelReason, cancelNote, ackFee } = host.state;
    if (busy || this.feeUnacknowledged()) return;
    host.set({ busy: 'cancel', notice: undefined });
    const reason = [cancelReason ? host.messages.text(`reason_${cancelReason}` as 'reason_other') : '', cancelNote.trim()].filter(Boolean).join(': ');
    const request = { ...(reason ? { reason: reason.slice(0, 500) } : {}), ...(ackFee ? { acknowledgedFee: true } : {}) };
    try {
      const cancelled = await host.calls.run('cancelAppointment', (api, signal) => api.cancelAppointment(host.manageToken!, request, { signal }));
      this.finish('cancelled', [cancelled], []);
      host.set({ managed: { ...managed!, appointment: cancelled } });
      host.emit(new PxmBookingCancelledEvent({ ...this.visitDetail(cancelled), withinNoticeWindow: managed!.withinNoticeWindow }));
    } catch (error) {
      this.changeFailed(error, () => void this.cancelAppointment(), false);
    }
  }
}
