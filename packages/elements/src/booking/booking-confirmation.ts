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
import { reported, type FlowHost } from './booking-flow-host.js';
import { keepCoveredVisits } from './booking-series-coverage.js';
import type { BookingState } from './booking-state.js';
import { consentsFrom, coverageFrom, patientFrom } from './booking-validation.js';

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
    const event = new PxmBookingBeforeConfirmEvent({
      action,
      locationId: this.host.state.locationId,
      appointmentTypeId: this.host.state.typeId,
      timeZone: this.host.zones.clinicZone,
      visits: this.host.state.holds.map((hold) => ({ providerId: hold.slot.providerId, start: hold.slot.start, end: hold.slot.end })),
    });
    if (!this.host.emit(event)) return false;
    try {
      await Promise.all(event.pending);
      return true;
    } catch {
      return false;
    }
  }

  async confirm(): Promise<void> {
    if (this.host.state.busy) return;
    if (!this.host.state.holds.length) return this.host.backToTimes(undefined, this.host.messages.text('holdEnded'));
    const managed = this.host.state.managed;
    const fee = managed?.cancellationPolicy.lateCancelFee;
    if (this.host.state.rescheduling && managed?.withinNoticeWindow && fee && !this.host.state.ackFee) {
      this.host.set({ errors: { ack: 'errAck' } });
      this.host.focusErrors(1);
      return;
    }
    // A series past what the plan covers keeps its covered visits unless self-pay was agreed.
    if (!this.host.state.rescheduling && !keepCoveredVisits(this.host)) return;
    this.host.set({ busy: 'confirm', notice: undefined });
    const action = this.host.state.rescheduling ? 'reschedule' : this.host.state.holds.length > 1 ? 'series' : 'book';
    if (!(await this.hostAllows(action))) {
      this.host.notify(this.host.messages.text('stoppedByHost'), 'info');
      return;
    }
    if (this.host.state.rescheduling) await this.reschedule();
    else await this.book();
  }

  /** Books visit `index`; a lapsed hold is taken again once (with a new key: nothing was booked). */
  async bookOne(index: number): Promise<Appointment> {
    const send = () => {
      const request = {
        holdId: this.host.state.holds[index]!.id,
        patient: patientFrom(this.host.state.draft),
        consents: consentsFrom(this.host.state.draft, new Date().toISOString(), { locale: this.host.messages.locale, timeZone: this.host.zones.patientZone }),
        idempotencyKey: this.host.state.keys[index]!,
        ...(this.host.referralToken ? { referralToken: this.host.referralToken } : {}),
      };
      const coverage = coverageFrom(this.host.state.draft);
      return this.host.calls.run('book', (api, signal) => api.book(coverage ? { ...request, coverage } : request, { signal }));
    };
    try {
      return await send();
    } catch (error) {
      if (!AdapterError.is(error) || error.code !== 'hold_expired') throw error;
      const hold = await this.host.calls.run('holdSlot', (api, signal) => api.holdSlot(this.host.state.holds[index]!.slot.id, { signal }));
      const holds = this.host.state.holds.map((held, position) => (position === index ? hold : held));
      const keys = this.host.state.keys.map((key, position) => (position === index ? createId() : key));
      this.host.set({ holds, keys, holdExpired: false });
      return send();
    }
  }

  async book(): Promise<void> {
    const booked: Appointment[] = [];
    const failed: Slot[] = [];
    const series = this.host.state.holds.length > 1;
    for (let index = 0; index < this.host.state.holds.length; index++) {
      try {
        booked.push(await this.bookOne(index));
      } catch (error) {
        const err = reported(error);
        if (!err) return;
        const slot = this.host.state.holds[index]!.slot;
        if (series && (err.code === 'slot_unavailable' || err.code === 'hold_expired')) {
          failed.push(slot);
          continue;
        }
        if (err.code === 'slot_unavailable' || err.code === 'hold_expired') return this.host.backToTimes(slot);
        if (err.code === 'not_found') {
          // The details step shows why, with a way to book as a new patient instead.
          this.host.go('details', { busy: '', errors: { match: 'patientNotFound' } });
          return this.host.focus('#not-found');
        }
        if (err.code === 'validation') {
          this.host.go('details', { busy: '' });
          return this.host.notify(this.host.messages.text('detailsRejected'));
        }
        // Network, timeout, server: stay here; trying again reuses the same keys, so it never books twice.
        return this.host.notify(this.host.errorMessage(err), 'error', () => void this.confirm());
      }
    }
    this.stopHoldTimer();
    this.seriesId = series ? createId() : '';
    this.finish('booked', booked, failed);
    for (const appointment of booked) {
      this.host.emit(new PxmBookingConfirmedEvent({ ...this.visitDetail(appointment), ...(this.seriesId ? { seriesId: this.seriesId } : {}) }));
    }
  }

  async reschedule(): Promise<void> {
    const managed = this.host.state.managed!;
    const token = this.host.manageToken!;
    const send = () =>
      this.host.calls.run('rescheduleAppointment', (api, signal) =>
          api.rescheduleAppointment(token, { holdId: this.host.state.holds[0]!.id, idempotencyKey: this.host.state.keys[0]!, ...(this.host.state.ackFee ? { acknowledgedFee: true } : {}) }, { signal }));
    try {
      let next: Appointment;
      try {
        next = await send();
      } catch (error) {
        if (!AdapterError.is(error) || error.code !== 'hold_expired') throw error;
        const hold = await this.host.calls.run('holdSlot', (api, signal) => api.holdSlot(this.host.state.holds[0]!.slot.id, { signal }));
        this.host.set({ holds: [hold], keys: [createId()] });
        next = await send();
      }
      this.stopHoldTimer();
      const previous = managed.appointment;
      this.finish('rescheduled', [next], []);
      this.host.set({ managed: { ...managed, appointment: next } });
      this.host.emit(new PxmBookingRescheduledEvent({ ...this.visitDetail(next), previousAppointmentId: previous.id, previousStart: previous.start }));
    } catch (error) {
      const err = reported(error);
      if (!err) return;
      if (err.code === 'slot_unavailable' || err.code === 'hold_expired') return this.host.backToTimes(this.host.state.holds[0]?.slot);
      if (err.code === 'token_invalid' || err.code === 'token_expired' || err.code === 'conflict') return this.host.notify(this.host.manageError(err.code));
      this.host.notify(this.host.errorMessage(err), 'error', err.retryable ? () => void this.confirm() : undefined);
    }
  }

  finish(outcome: BookingState['outcome'], appointments: Appointment[], failed: Slot[]): void {
    this.host.revokeIcs();
    if (appointments.length && outcome !== 'cancelled') this.host.setIcs(this.createIcs(appointments));
    this.host.set({ holds: [], busy: '', outcome, appointments, failed, notice: undefined });
    this.host.go('done');
    this.host.announce(this.host.messages.text(`title_${outcome ?? 'booked'}`));
  }

  createIcs(appointments: Appointment[]): string {
    const catalog = this.host.catalog;
    const practice = catalog.practice;
    const type = catalog.types.find((candidate) => candidate.id === appointments[0]!.appointmentTypeId);
    const location = catalog.locations.find((candidate) => candidate.id === appointments[0]!.locationId);
    const ics = appointmentIcs(
      appointments.map((appointment) => ({
        appointmentId: appointment.id,
        start: appointment.start,
        end: appointment.end,
        title: `${type?.name ?? ''} · ${practice.name}`,
        location: type?.modality === 'telehealth' ? this.host.messages.text('videoVisit') : location ? `${location.name}, ${addressLine(location.address)}` : '',
        description: [practice.whatToBring, practice.cancellationPolicy.text, practice.phone].filter(Boolean).join('\n\n'),
        manageUrl: this.host.manageLink(appointment.manageToken),
      })),
      { calendarName: practice.name },
    );
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }

  /** "I'll be there": the backend records it once; the manage view then says so. */
  async confirmAttendance(): Promise<void> {
    if (this.host.state.busy) return;
    const managed = this.host.state.managed!;
    this.host.set({ busy: 'attend', notice: undefined });
    try {
      const confirmed = await this.host.calls.run('confirmAppointment', (api, signal) =>
        api.confirmAppointment ? api.confirmAppointment(this.host.manageToken!, { signal }) : Promise.reject(new AdapterError('unsupported', 'No attendance confirmation.')),
      );
      this.host.set({ busy: '', managed: { ...managed, appointment: confirmed } });
      // The button is gone: focus goes to what replaced it.
      this.host.focus('.attendance-notice');
      this.host.emit(new PxmBookingAttendanceConfirmedEvent(this.visitDetail(confirmed)));
    } catch (error) {
      this.host.set({ busy: '' });
      const err = reported(error);
      if (!err) return;
      if (err.code.startsWith('token_') || err.code === 'conflict') return this.host.notify(this.host.manageError(err.code));
      this.host.notify(this.host.errorMessage(err), 'error', err.retryable ? () => void this.confirmAttendance() : undefined);
    }
  }

  async cancelAppointment(): Promise<void> {
    if (this.host.state.busy) return;
    const managed = this.host.state.managed!;
    if (managed.withinNoticeWindow && managed.cancellationPolicy.lateCancelFee && !this.host.state.ackFee) {
      this.host.set({ errors: { ack: 'errAck' } });
      return this.host.focusErrors(1);
    }
    this.host.set({ busy: 'cancel', notice: undefined });
    const reason = [this.host.state.cancelReason ? this.host.messages.text(`reason_${this.host.state.cancelReason}` as 'reason_other') : '', this.host.state.cancelNote.trim()].filter(Boolean).join(': ');
    try {
      const cancelled = await this.host.calls.run('cancelAppointment', (api, signal) => api.cancelAppointment(this.host.manageToken!, { ...(reason ? { reason: reason.slice(0, 500) } : {}), ...(this.host.state.ackFee ? { acknowledgedFee: true } : {}) }, { signal }));
      this.finish('cancelled', [cancelled], []);
      this.host.set({ managed: { ...managed, appointment: cancelled } });
      this.host.emit(new PxmBookingCancelledEvent({ ...this.visitDetail(cancelled), withinNoticeWindow: managed.withinNoticeWindow }));
    } catch (error) {
      const err = reported(error);
      if (!err) return;
      if (err.code.startsWith('token_')) return this.host.notify(this.host.manageError(err.code));
      this.host.notify(this.host.errorMessage(err), 'error', err.retryable ? () => void this.cancelAppointment() : undefined);
    }
  }

}
