/**
 * The waitlist and plan-of-care series: joining the waitlist with the patient's preferences,
 * proposing a series of visits and holding the accepted ones.
 */
import { addDays, localDateIn, zonedTimeToInstant } from '@pxm/core/time';
import { createId } from '@pxm/core';
import type { Hold } from '@pxm/core/booking';
import { planSeries } from '@pxm/core/booking-display';
import { PxmWaitlistJoinedEvent } from './booking.events.js';
import { reported, slotQuery, type FlowHost } from './booking-flow-host.js';
import type { BookingState } from './booking-state.js';
import { seriesSlots } from './booking-series.js';
import { consentsFrom, patientFrom, validateDraft, WAITLIST_CONSENT_WORDING_VERSION } from './booking-validation.js';

export class BookingPlans {
  /** `finish` shows the outcome; `startHolds` starts the countdown of the visits held. */
  constructor(
    private readonly host: FlowHost,
    private readonly finish: (outcome: BookingState['outcome'], appointments: [], failed: []) => void,
    private readonly startHolds: (holds: Hold[]) => void,
  ) {}

  async joinWaitlist(): Promise<void> {
    if (this.host.state.busy) return;
    const waitlist = this.host.state.waitlist;
    const errors: BookingState['errors'] = validateDraft(this.host.state.draft, localDateIn(Date.now(), this.host.zones.patientZone), false);
    if (!waitlist.weekdays.length || !waitlist.times.length) errors.waitlist = 'errWaitlist';
    const count = Object.keys(errors).length;
    if (count) {
      this.host.set({ errors });
      return this.host.focusErrors(count);
    }
    this.host.set({ busy: 'waitlist', notice: undefined });
    // One key per joining, kept across retries so a retry never joins twice.
    const key = this.host.state.keys[0] ?? createId();
    if (!this.host.state.keys[0]) this.host.set({ keys: [key] });
    try {
      const entry = await this.host.calls.run('joinWaitlist', (api, signal) =>
          api.joinWaitlist(
            {
              locationId: this.host.state.locationId,
              appointmentTypeId: this.host.state.typeId,
              ...(waitlist.providerId ? { providerId: waitlist.providerId } : {}),
              preferredWeekdays: waitlist.weekdays,
              preferredTimesOfDay: waitlist.times,
              ...(waitlist.earliestDate ? { earliestDate: waitlist.earliestDate } : {}),
              patient: patientFrom(this.host.state.draft),
              consents: consentsFrom(this.host.state.draft, new Date().toISOString(), { locale: this.host.messages.locale, timeZone: this.host.zones.patientZone }, WAITLIST_CONSENT_WORDING_VERSION),
              idempotencyKey: key,
            },
            { signal },
          ));
      this.finish('waitlisted', [], []);
      this.host.emit(
        new PxmWaitlistJoinedEvent({ waitlistEntryId: entry.id, locationId: entry.locationId, appointmentTypeId: entry.appointmentTypeId, ...(entry.providerId ? { providerId: entry.providerId } : {}), createdAt: entry.createdAt }),
      );
    } catch (error) {
      const err = reported(error);
      if (err) this.host.notify(this.host.errorMessage(err), 'error', err.retryable ? () => void this.joinWaitlist() : undefined);
    }
  }

  async planSeries(): Promise<void> {
    const plan = this.host.state.series;
    if (this.host.state.busy) return;
    if (!plan.weekdays.length || !/^\d\d:\d\d$/.test(plan.time)) {
      this.host.set({ errors: { series: plan.weekdays.length ? 'errSeriesTime' : 'errSeriesDays' } });
      return this.host.focusErrors(1);
    }
    const zone = this.host.zones.clinicZone;
    const today = localDateIn(Date.now(), zone);
    const startDate = this.host.state.selectedDate > today ? this.host.state.selectedDate : today;
    const from = zonedTimeToInstant(startDate, '00:00', zone).toISOString();
    const to = zonedTimeToInstant(addDays(startDate, plan.weeks * 7 + 1), '00:00', zone).toISOString();
    this.host.set({ busy: 'series', notice: undefined });
    try {
      const slots = await this.host.findSlots(slotQuery(this.host.state, from, to));
      const visits = planSeries({ slots, timeZone: zone, startDate, weeks: plan.weeks, weekdays: plan.weekdays, preferredTime: plan.time, ...(this.host.state.providerId ? { preferredProviderId: this.host.state.providerId } : {}) });
      const choice = Object.fromEntries(visits.map((visit) => [visit.date, visit.slot?.id ?? '']));
      this.host.set({ busy: '', series: { ...plan, visits, choice } });
      this.host.focus('#plan-heading');
      const conflicts = visits.filter((visit) => visit.status !== 'proposed').length;
      this.host.announce(this.host.messages.text('seriesAnnounce', visits.length, conflicts));
    } catch (error) {
      const err = reported(error);
      if (err) this.host.notify(this.host.errorMessage(err), 'error', () => void this.planSeries());
    }
  }

  /** Holds every accepted visit; any taken meanwhile is left out and the patient told. */
  async holdSeries(): Promise<void> {
    if (this.host.state.busy) return;
    const slots = seriesSlots(this.host.state.series);
    const chosen = Object.values(this.host.state.series.choice).filter(Boolean).map((id) => slots.get(id)!).filter(Boolean);
    if (!chosen.length) return;
    this.host.releaseHolds();
    this.host.set({ busy: 'hold', notice: undefined });
    const holds: Hold[] = [];
    const taken: string[] = [];
    for (const slot of chosen) {
      try {
        holds.push(await this.host.calls.run('holdSlot', (api, signal) => api.holdSlot(slot.id, { signal })));
      } catch (error) {
        const err = reported(error);
        if (err?.code === 'slot_unavailable') taken.push(slot.id);
        else {
          this.host.set({ holds });
          this.host.releaseHolds();
          return err ? this.host.notify(this.host.errorMessage(err), 'error', () => void this.holdSeries()) : undefined;
        }
      }
    }
    if (taken.length) {
      this.host.set({ holds });
      this.host.releaseHolds();
      const choice = Object.fromEntries(Object.entries(this.host.state.series.choice).map(([date, id]) => [date, taken.includes(id) ? '' : id]));
      this.host.set({ series: { ...this.host.state.series, choice } });
      return this.host.notify(this.host.messages.text('seriesTaken', taken.length));
    }
    this.startHolds(holds);
    // A new set of visits: any earlier agreement to self-pay visits past the plan's count is asked again.
    this.host.go('details', { busy: '', selfPayRest: false, draft: { ...this.host.state.draft, kind: 'returning' } });
  }

}
