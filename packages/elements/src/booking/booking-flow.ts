/**
 * Everything after a time is held (details, review, confirmation), manage mode, the waitlist
 * and plan-of-care series. Loaded on demand, after the first times are painted, so the page
 * pays up front only for choosing a visit and a time.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { AdapterError, createId } from '@pxm/core';
import {
  AppointmentSchema,
  EligibilityResultSchema,
  HoldSchema,
  WaitlistEntrySchema,
  addressLine,
  appointmentIcs,
  countdownText,
  holdDeadline,
  planSeries,
  type Appointment,
  type Hold,
  type Slot,
} from '@pxm/core/booking';
import { addDays, localDateIn, zonedTimeToInstant } from '@pxm/core/time';
import { registerShippedTranslation } from '../l10n/translation-registry.js';
import {
  PxmBookingBeforeConfirmEvent,
  PxmBookingCancelledEvent,
  PxmBookingConfirmedEvent,
  PxmBookingRescheduledEvent,
  PxmWaitlistJoinedEvent,
  type BookingVisitDetail,
} from './booking.events.js';
export { bookingFlowStyles as styles } from './booking-flow.styles.js';
import { bookingFlowEn } from './booking-flow.messages.en.js';
import { bookingFlowEs } from './booking-flow.messages.es.js';
import type { BookingState } from './booking-state.js';
import { renderDetails } from './booking-details.js';
import { renderDone } from './booking-done.js';
import { HoldTimer } from './booking-hold.js';
import type { FlowHost } from './booking-flow-host.js';
import { renderCancel, renderManage } from './booking-manage.js';
import { renderReview } from './booking-review.js';
import { renderSeries, seriesSlots } from './booking-series.js';
import { primaryZone, whenText } from './booking-summary.js';
import { consentsFrom, coverageFrom, patientFrom, validateDraft } from './booking-validation.js';
import type { BookingActions, BookingView } from './booking-view.js';
import { renderWaitlist } from './booking-waitlist.js';

registerShippedTranslation('en', 'booking', bookingFlowEn);
registerShippedTranslation('es', 'booking', bookingFlowEs);

const WARN_BELOW_MS = 120_000;

const COVERAGE_FIELDS = ['payerName', 'memberId', 'subscriberName', 'subscriberDateOfBirth'] as const;

/** Renew a hold on its own when this little is left and the patient is active. */
const RENEW_BELOW_MS = 90_000;

export class BookingFlow {
  private seriesId = '';
  private warned = false;
  private renewing = false;
  private readonly timer: HoldTimer;

  constructor(
    private readonly h: FlowHost,
    host: ReactiveControllerHost,
  ) {
    this.timer = new HoldTimer(host, (remaining) => this.onHoldTick(remaining));
  }

  /** The patient typed: renewing the hold is welcome. */
  touch(): void {
    this.timer.lastActivity = Date.now();
  }

  stopTimer(): void {
    this.timer.stop();
  }


  /** The actions of the steps this module draws. */
  readonly actions: Partial<BookingActions> = {
    toReview: () => this.toReview(),
    checkEligibility: () => void this.checkEligibility(),
    confirm: () => void this.confirm(),
    cancelAppointment: () => void this.cancelAppointment(),
    joinWaitlist: () => void this.joinWaitlist(),
    planSeries: () => void this.planSeries(),
    holdSeries: () => void this.holdSeries(),
    copyLink: (token) => void this.copyLink(token),
  };

  async copyLink(token: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.h.manageLink(token));
      this.h.set({ copiedLink: token });
      this.h.announce(this.h.l.t('linkCopied'));
    } catch {
      // No clipboard permission: the link stays on screen to copy by hand.
      this.h.announce(this.h.l.t('copyFailed'));
    }
  }

  render(v: BookingView): TemplateResult {
    const step = (() => {
      switch (v.s.step) {
        case 'series':
          return renderSeries(v);
        case 'details':
          return renderDetails(v);
        case 'review':
          return renderReview(v);
        case 'done':
          return renderDone(v, this.h.icsUrl);
        case 'manage':
          return renderManage(v);
        case 'cancel':
          return renderCancel(v);
        default:
          return renderWaitlist(v);
      }
    })();
    return html`${this.renderHold(v)}${this.h.notice()}${step}`;
  }

  toReview(): void {
    const errors = validateDraft(this.h.s.draft, localDateIn(Date.now(), this.h.patientZone));
    const count = Object.keys(errors).length;
    if (count) {
      this.h.set({ errors });
      this.h.focusErrors(count);
      return;
    }
    this.h.go('review');
    const coverage = coverageFrom(this.h.s.draft);
    if (coverage?.kind === 'insurance' && this.h.adapter?.booking?.verifyEligibility && this.h.s.eligibilityKey !== JSON.stringify(coverage)) {
      void this.checkEligibility();
    }
  }

  async checkEligibility(): Promise<void> {
    const coverage = coverageFrom(this.h.s.draft);
    const errors = validateDraft(this.h.s.draft, localDateIn(Date.now(), this.h.patientZone));
    // Every coverage field the check needs, the policy holder's too when it is not the patient.
    const missing = Object.fromEntries(COVERAGE_FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]]));
    const count = Object.keys(missing).length;
    if (coverage?.kind !== 'insurance' || count) {
      this.h.set({ errors: missing });
      this.h.focusErrors(Math.max(count, 1));
      return;
    }
    this.h.set({ busy: 'eligibility', eligibility: undefined });
    try {
      const result = await this.h.call(
        'booking.verifyEligibility',
        (api, s) => (api.verifyEligibility ? api.verifyEligibility(coverage, { signal: s }) : Promise.reject(new AdapterError('unsupported', 'No eligibility checks.'))),
        EligibilityResultSchema,
      );
      this.h.set({ busy: '', eligibility: result, eligibilityKey: JSON.stringify(coverage) });
    } catch (error) {
      this.h.report(error, 'booking.verifyEligibility');
      this.h.set({ busy: '', eligibility: 'failed', eligibilityKey: '' });
    }
  }

  visitDetail(a: Appointment): BookingVisitDetail {
    return { appointmentId: a.id, locationId: a.locationId, providerId: a.providerId, appointmentTypeId: a.appointmentTypeId, start: a.start, end: a.end, timeZone: a.timeZone };
  }

  /** Lets the host stop (`preventDefault`) or delay (`waitUntil`) the booking. */
  async hostAllows(action: 'book' | 'reschedule' | 'series'): Promise<boolean> {
    const event = new PxmBookingBeforeConfirmEvent({
      action,
      locationId: this.h.s.locationId,
      appointmentTypeId: this.h.s.typeId,
      timeZone: this.h.clinicZone,
      visits: this.h.s.holds.map((h) => ({ providerId: h.slot.providerId, start: h.slot.start, end: h.slot.end })),
    });
    if (!this.h.emit(event)) return false;
    try {
      await Promise.all(event.pending);
      return true;
    } catch {
      return false;
    }
  }

  async confirm(): Promise<void> {
    if (this.h.s.busy) return;
    if (!this.h.s.holds.length) return this.h.backToTimes(undefined, this.h.l.t('holdEnded'));
    const managed = this.h.s.managed;
    const fee = managed?.cancellationPolicy.lateCancelFee;
    if (this.h.s.rescheduling && managed?.withinNoticeWindow && fee && !this.h.s.ackFee) {
      this.h.set({ errors: { ack: 'errAck' } });
      this.h.focusErrors(1);
      return;
    }
    this.h.set({ busy: 'confirm', notice: undefined });
    const action = this.h.s.rescheduling ? 'reschedule' : this.h.s.holds.length > 1 ? 'series' : 'book';
    if (!(await this.hostAllows(action))) {
      this.h.notify(this.h.l.t('stoppedByHost'), 'info');
      return;
    }
    if (this.h.s.rescheduling) await this.reschedule();
    else await this.book();
  }

  /** Books visit `index`; a lapsed hold is taken again once (with a new key: nothing was booked). */
  async bookOne(index: number): Promise<Appointment> {
    const send = () => {
      const request = {
        holdId: this.h.s.holds[index]!.id,
        patient: patientFrom(this.h.s.draft),
        consents: consentsFrom(this.h.s.draft, new Date().toISOString()),
        idempotencyKey: this.h.s.keys[index]!,
      };
      const coverage = coverageFrom(this.h.s.draft);
      return this.h.call('booking.book', (api, s) => api.book(coverage ? { ...request, coverage } : request, { signal: s }), AppointmentSchema);
    };
    try {
      return await send();
    } catch (error) {
      if (!AdapterError.is(error) || error.code !== 'hold_expired') throw error;
      this.h.report(error, 'booking.book');
      const hold = await this.h.call('booking.holdSlot', (api, s) => api.holdSlot(this.h.s.holds[index]!.slot.id, { signal: s }), HoldSchema);
      const holds = this.h.s.holds.map((h, i) => (i === index ? hold : h));
      const keys = this.h.s.keys.map((k, i) => (i === index ? createId() : k));
      this.h.set({ holds, keys, holdExpired: false });
      return send();
    }
  }

  async book(): Promise<void> {
    const booked: Appointment[] = [];
    const failed: Slot[] = [];
    const series = this.h.s.holds.length > 1;
    for (let i = 0; i < this.h.s.holds.length; i++) {
      try {
        booked.push(await this.bookOne(i));
      } catch (error) {
        const err = this.h.report(error, 'booking.book');
        if (!err) return;
        const slot = this.h.s.holds[i]!.slot;
        if (series && (err.code === 'slot_unavailable' || err.code === 'hold_expired')) {
          failed.push(slot);
          continue;
        }
        if (err.code === 'slot_unavailable' || err.code === 'hold_expired') return this.h.backToTimes(slot);
        if (err.code === 'not_found') {
          // The details step shows why, with a way to book as a new patient instead.
          this.h.go('details', { busy: '', errors: { match: 'patientNotFound' } });
          return this.h.focus('#not-found');
        }
        if (err.code === 'validation') {
          this.h.go('details', { busy: '' });
          return this.h.notify(this.h.l.t('detailsRejected'));
        }
        // Network, timeout, server: stay here; trying again reuses the same keys, so it never books twice.
        return this.h.notify(this.h.errorMessage(err), 'error', () => void this.confirm());
      }
    }
    this.timer.stop();
    this.seriesId = series ? createId() : '';
    this.finish('booked', booked, failed);
    for (const a of booked) {
      this.h.emit(new PxmBookingConfirmedEvent({ ...this.visitDetail(a), ...(this.seriesId ? { seriesId: this.seriesId } : {}) }));
    }
  }

  async reschedule(): Promise<void> {
    const managed = this.h.s.managed!;
    const token = this.h.manageToken!;
    const send = () =>
      this.h.call(
        'booking.rescheduleAppointment',
        (api, s) =>
          api.rescheduleAppointment(token, { holdId: this.h.s.holds[0]!.id, idempotencyKey: this.h.s.keys[0]!, ...(this.h.s.ackFee ? { acknowledgedFee: true } : {}) }, { signal: s }),
        AppointmentSchema,
      );
    try {
      let next: Appointment;
      try {
        next = await send();
      } catch (error) {
        if (!AdapterError.is(error) || error.code !== 'hold_expired') throw error;
        const hold = await this.h.call('booking.holdSlot', (api, s) => api.holdSlot(this.h.s.holds[0]!.slot.id, { signal: s }), HoldSchema);
        this.h.set({ holds: [hold], keys: [createId()] });
        next = await send();
      }
      this.timer.stop();
      const previous = managed.appointment;
      this.finish('rescheduled', [next], []);
      this.h.set({ managed: { ...managed, appointment: next } });
      this.h.emit(new PxmBookingRescheduledEvent({ ...this.visitDetail(next), previousAppointmentId: previous.id, previousStart: previous.start }));
    } catch (error) {
      const err = this.h.report(error, 'booking.rescheduleAppointment');
      if (!err) return;
      if (err.code === 'slot_unavailable' || err.code === 'hold_expired') return this.h.backToTimes(this.h.s.holds[0]?.slot);
      if (err.code === 'token_invalid' || err.code === 'token_expired' || err.code === 'conflict') return this.h.notify(this.h.manageError(err.code));
      this.h.notify(this.h.errorMessage(err), 'error', err.retryable ? () => void this.confirm() : undefined);
    }
  }

  finish(outcome: BookingState['outcome'], appointments: Appointment[], failed: Slot[]): void {
    this.h.revokeIcs();
    if (appointments.length && outcome !== 'cancelled') this.h.setIcs(this.createIcs(appointments));
    this.h.set({ holds: [], busy: '', outcome, appointments, failed, notice: undefined });
    this.h.go('done');
    this.h.announce(this.h.l.t(`title_${outcome ?? 'booked'}`));
  }

  createIcs(appointments: Appointment[]): string {
    const c = this.h.catalog;
    const type = c.types.find((t) => t.id === appointments[0]!.appointmentTypeId);
    const location = c.locations.find((l) => l.id === appointments[0]!.locationId);
    const ics = appointmentIcs(
      appointments.map((a) => ({
        appointmentId: a.id,
        start: a.start,
        end: a.end,
        title: `${type?.name ?? ''} · ${c.practice.name}`,
        location: type?.modality === 'telehealth' ? this.h.l.t('videoVisit') : location ? `${location.name}, ${addressLine(location.address)}` : '',
        description: [c.practice.whatToBring, c.practice.cancellationPolicy.text, c.practice.phone].filter(Boolean).join('\n\n'),
        manageUrl: this.h.manageLink(a.manageToken),
      })),
      { calendarName: c.practice.name },
    );
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }

  async cancelAppointment(): Promise<void> {
    if (this.h.s.busy) return;
    const managed = this.h.s.managed!;
    if (managed.withinNoticeWindow && managed.cancellationPolicy.lateCancelFee && !this.h.s.ackFee) {
      this.h.set({ errors: { ack: 'errAck' } });
      return this.h.focusErrors(1);
    }
    this.h.set({ busy: 'cancel', notice: undefined });
    const reason = [this.h.s.cancelReason ? this.h.l.t(`reason_${this.h.s.cancelReason}` as 'reason_other') : '', this.h.s.cancelNote.trim()].filter(Boolean).join(': ');
    try {
      const cancelled = await this.h.call(
        'booking.cancelAppointment',
        (api, s) => api.cancelAppointment(this.h.manageToken!, { ...(reason ? { reason: reason.slice(0, 500) } : {}), ...(this.h.s.ackFee ? { acknowledgedFee: true } : {}) }, { signal: s }),
        AppointmentSchema,
      );
      this.finish('cancelled', [cancelled], []);
      this.h.set({ managed: { ...managed, appointment: cancelled } });
      this.h.emit(new PxmBookingCancelledEvent({ ...this.visitDetail(cancelled), withinNoticeWindow: managed.withinNoticeWindow }));
    } catch (error) {
      const err = this.h.report(error, 'booking.cancelAppointment');
      if (!err) return;
      if (err.code.startsWith('token_')) return this.h.notify(this.h.manageError(err.code));
      this.h.notify(this.h.errorMessage(err), 'error', err.retryable ? () => void this.cancelAppointment() : undefined);
    }
  }

  async joinWaitlist(): Promise<void> {
    if (this.h.s.busy) return;
    const w = this.h.s.waitlist;
    const errors: BookingState['errors'] = validateDraft(this.h.s.draft, localDateIn(Date.now(), this.h.patientZone), false);
    if (!w.weekdays.length || !w.times.length) errors.waitlist = 'errWaitlist';
    const count = Object.keys(errors).length;
    if (count) {
      this.h.set({ errors });
      return this.h.focusErrors(count);
    }
    this.h.set({ busy: 'waitlist', notice: undefined });
    const key = (this.h.s.keys[0] ??= createId());
    try {
      const entry = await this.h.call(
        'booking.joinWaitlist',
        (api, s) =>
          api.joinWaitlist(
            {
              locationId: this.h.s.locationId,
              appointmentTypeId: this.h.s.typeId,
              ...(w.providerId ? { providerId: w.providerId } : {}),
              preferredWeekdays: w.weekdays,
              preferredTimesOfDay: w.times,
              ...(w.earliestDate ? { earliestDate: w.earliestDate } : {}),
              patient: patientFrom(this.h.s.draft),
              consents: consentsFrom(this.h.s.draft, new Date().toISOString()),
              idempotencyKey: key,
            },
            { signal: s },
          ),
        WaitlistEntrySchema,
      );
      this.finish('waitlisted', [], []);
      this.h.emit(
        new PxmWaitlistJoinedEvent({ waitlistEntryId: entry.id, locationId: entry.locationId, appointmentTypeId: entry.appointmentTypeId, ...(entry.providerId ? { providerId: entry.providerId } : {}), createdAt: entry.createdAt }),
      );
    } catch (error) {
      const err = this.h.report(error, 'booking.joinWaitlist');
      if (err) this.h.notify(this.h.errorMessage(err), 'error', err.retryable ? () => void this.joinWaitlist() : undefined);
    }
  }

  async planSeries(): Promise<void> {
    const plan = this.h.s.series;
    if (this.h.s.busy) return;
    if (!plan.weekdays.length || !/^\d\d:\d\d$/.test(plan.time)) {
      this.h.set({ errors: { series: plan.weekdays.length ? 'errSeriesTime' : 'errSeriesDays' } });
      return this.h.focusErrors(1);
    }
    const zone = this.h.clinicZone;
    const today = localDateIn(Date.now(), zone);
    const startDate = this.h.s.selectedDate > today ? this.h.s.selectedDate : today;
    const from = zonedTimeToInstant(startDate, '00:00', zone).toISOString();
    const to = zonedTimeToInstant(addDays(startDate, plan.weeks * 7 + 1), '00:00', zone).toISOString();
    this.h.set({ busy: 'series', notice: undefined });
    try {
      const slots = await this.h.findSlots(this.h.s.locationId, this.h.s.typeId, this.h.s.providerId, from, to);
      const visits = planSeries({ slots, timeZone: zone, startDate, weeks: plan.weeks, weekdays: plan.weekdays, preferredTime: plan.time, ...(this.h.s.providerId ? { preferredProviderId: this.h.s.providerId } : {}) });
      const choice = Object.fromEntries(visits.map((v) => [v.date, v.slot?.id ?? '']));
      this.h.set({ busy: '', series: { ...plan, visits, choice } });
      this.h.focus('#plan-heading');
      const conflicts = visits.filter((v) => v.status !== 'proposed').length;
      this.h.announce(this.h.l.t('seriesAnnounce', visits.length, conflicts));
    } catch (error) {
      const err = this.h.report(error, 'booking.findSlots');
      if (err) this.h.notify(this.h.errorMessage(err), 'error', () => void this.planSeries());
    }
  }

  /** Holds every accepted visit; any taken meanwhile is left out and the patient told. */
  async holdSeries(): Promise<void> {
    if (this.h.s.busy) return;
    const slots = seriesSlots(this.h.view());
    const chosen = Object.values(this.h.s.series.choice).filter(Boolean).map((id) => slots.get(id)!).filter(Boolean);
    if (!chosen.length) return;
    this.h.releaseHolds();
    this.h.set({ busy: 'hold', notice: undefined });
    const holds: Hold[] = [];
    const taken: string[] = [];
    for (const slot of chosen) {
      try {
        holds.push(await this.h.call('booking.holdSlot', (api, s) => api.holdSlot(slot.id, { signal: s }), HoldSchema));
      } catch (error) {
        const err = this.h.report(error, 'booking.holdSlot');
        if (err?.code === 'slot_unavailable') taken.push(slot.id);
        else {
          this.h.set({ holds });
          this.h.releaseHolds();
          return err ? this.h.notify(this.h.errorMessage(err), 'error', () => void this.holdSeries()) : undefined;
        }
      }
    }
    if (taken.length) {
      this.h.set({ holds });
      this.h.releaseHolds();
      const choice = Object.fromEntries(Object.entries(this.h.s.series.choice).map(([date, id]) => [date, taken.includes(id) ? '' : id]));
      this.h.set({ series: { ...this.h.s.series, choice } });
      return this.h.notify(this.h.l.t('seriesTaken', taken.length));
    }
    this.startHolds(holds);
    this.h.go('details', { busy: '', draft: { ...this.h.s.draft, kind: 'returning' } });
  }

  private renderHold(v: BookingView): TemplateResult | typeof nothing {
    const s = this.h.s;
    if (!s.holds.length || !['details', 'review'].includes(s.step)) return nothing;
    const { l } = this.h;
    const first = s.holds[0]!.slot;
    const what = s.holds.length > 1 ? l.t('seriesVisits', s.holds.length) : whenText(v, first, primaryZone(v));
    if (s.holdExpired) {
      return html`<div class="notice error hold" part="hold-timer" role="alert">
        <p>${l.t('holdExpired', what)}</p>
        <div class="actions start">
          <button type="button" class="button primary" @click=${this.h.actions.renewHold}>${l.t('holdAgain')}</button>
          <button type="button" class="button" @click=${this.h.actions.changeTime}>${l.t('changeTime')}</button>
        </div>
      </div>`;
    }
    const remaining = this.timer.remaining;
    return html`<div class="notice hold" part="hold-timer">
      <p>${l.t('heldFor', what)} <strong role="timer" aria-live="off">${l.t('timeLeft', countdownText(remaining))}</strong></p>
      ${remaining < WARN_BELOW_MS ? html`<button type="button" class="button" @click=${this.h.actions.renewHold}>${l.t('keepHolding')}</button>` : nothing}
    </div>`;
  }

  startHolds(holds: Hold[]): void {
    const receivedAt = Date.now();
    const deadline = Math.min(...holds.map((h) => holdDeadline(h.expiresAt, receivedAt)));
    this.warned = false;
    this.h.set({ holds, holdDeadline: deadline, holdExpired: false, keys: holds.map(() => createId()) });
    this.timer.lastActivity = receivedAt;
    this.timer.start(deadline);
  }

  private onHoldTick(remaining: number): void {
    if (!this.h.s.holds.length || this.h.s.holdExpired) return;
    if (remaining <= 0) {
      this.timer.stop();
      this.h.set({ holdExpired: true });
      this.h.announce(this.h.l.t('holdEnded'));
      return;
    }
    const active = Date.now() - this.timer.lastActivity < 60_000;
    if (remaining < RENEW_BELOW_MS && active && !this.renewing) void this.renewHolds(true);
    else if (remaining < WARN_BELOW_MS && !this.warned) {
      this.warned = true;
      this.h.announce(this.h.l.t('holdWarning', Math.ceil(remaining / 60_000)));
    }
  }

  /** Extends every live hold; a lapsed one is taken again if still free. */
  async renewHolds(quiet = false): Promise<void> {
    if (this.renewing || !this.h.s.holds.length) return;
    this.renewing = true;
    try {
      const renewed: Hold[] = [];
      for (const hold of this.h.s.holds) {
        try {
          renewed.push(await this.h.call('booking.renewHold', (api, s) => api.renewHold(hold.id, { signal: s }), HoldSchema));
        } catch (error) {
          const err = AdapterError.is(error) ? error : undefined;
          if (err?.code !== 'hold_expired') throw error;
          renewed.push(await this.h.call('booking.holdSlot', (api, s) => api.holdSlot(hold.slot.id, { signal: s }), HoldSchema));
        }
      }
      const keys = this.h.s.keys;
      this.startHolds(renewed);
      // Same holds renewed: keep the keys so a retried confirm is still the same booking.
      if (renewed.every((h, i) => h.id === this.h.s.holds[i]?.id)) this.h.set({ keys });
      if (!quiet) this.h.announce(this.h.l.t('holdRenewed'));
    } catch (error) {
      const err = this.h.report(error, 'booking.renewHold');
      if (err?.code === 'slot_unavailable') this.h.backToTimes(this.h.s.holds[0]?.slot);
      else if (err && !quiet) this.h.notify(this.h.errorMessage(err), 'error', () => void this.renewHolds());
    } finally {
      this.renewing = false;
    }
  }
}
