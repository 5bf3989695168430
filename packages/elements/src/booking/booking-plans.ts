/**
 * The waitlist and plan-of-care series: joining the waitlist with the patient's preferences,
 * proposing a series of visits and holding the accepted ones.
 */
import { addDays, localDateIn, zonedTimeToInstant } from '@pxm/core/time';
import { createId } from '@pxm/core';
import type { Hold } from '@pxm/core/booking';
import { planSeries } from '@pxm/core/booking-display';
import { PxmWaitlistJoinedEvent } from './booking.events.js';
import { notifyFailure, showErrors } from './booking-feedback.js';
import { reported, slotQuery, type FlowHost } from './booking-flow-host.js';
import type { BookingState } from './booking-state.js';
import { seriesSlots } from './booking-series.js';
import { patientRequest, validateDraft, WAITLIST_CONSENT_WORDING_VERSION } from './booking-validation.js';

export class BookingPlans {
  /** `finish` shows the outcome; `startHolds` starts the countdown of the visits held. */
  constructor(
    private readonly host: FlowHost,
    private readonly finish: (outcome: BookingState['outcome'], appointments: [], failed: []) => void,
    private readonly startHolds: (holds: Hold[]) => void,
  ) {}

  async joinWaitlist(): Promise<void> {
    const host = this.host;
    const { busy, waitlist, draft, locationId, typeId, keys } = host.state;
    if (busy) return;
    const errors: BookingState['errors'] = validateDraft(draft, localDateIn(Date.now(), host.zones.patientZone), false);
    if (!waitlist.weekdays.length || !waitlist.times.length) errors.waitlist = 'errWaitlist';
    if (Object.keys(errors).length) return showErrors(host, errors);
    // One key per joining, kept across retries so a retry never joins twice.
    const key = keys[0] ?? createId();
    host.set({ busy: 'waitlist', notice: undefined, ...(keys[0] ? {} : { keys: [key] }) });
    const request = {
      locationId,
      appointmentTypeId: typeId,
      ...(waitlist.providerId ? { providerId: waitlist.providerId } : {}),
      preferredWeekdays: waitlist.weekdays,
      preferredTimesOfDay: waitlist.times,
      ...(waitlist.earliestDate ? { earliestDate: waitlist.earliestDate } : {}),
      ...patientRequest(host, WAITLIST_CONSENT_WORDING_VERSION),
      idempotencyKey: key,
    };
    try {
      const entry = await host.calls.run('joinWaitlist', (api, signal) => api.joinWaitlist(request, { signal }));
      this.finish('waitlisted', [], []);
      host.emit(
        new PxmWaitlistJoinedEvent({ waitlistEntryId: entry.id, locationId: entry.locationId, appointmentTypeId: entry.appointmentTypeId, ...(entry.providerId ? { providerId: entry.providerId } : {}), createdAt: entry.createdAt }),
      );
    } catch (error) {
      const err = reported(error);
      if (err) notifyFailure(host, err, err.retryable ? () => void this.joinWaitlist() : undefined);
    }
  }

  async planSeries(): Promise<void> {
    const host = this.host;
    const { busy, series: plan, selectedDate, providerId } = host.state;
    if (busy) return;
    if (!plan.weekdays.length || !/^\d\d:\d\d$/.test(plan.time)) return showErrors(host, { series: plan.weekdays.length ? 'errSeriesTime' : 'errSeriesDays' });
    const zone = host.zones.clinicZone;
    const today = localDateIn(Date.now(), zone);
    const startDate = selectedDate > today ? selectedDate : today;
    const from = zonedTimeToInstant(startDate, '00:00', zone).toISOString();
    const to = zonedTimeToInstant(addDays(startDate, plan.weeks * 7 + 1), '00:00', zone).toISOString();
    host.set({ busy: 'series', notice: undefined });
    try {
      const slots = await host.findSlots(slotQuery(host.state, from, to));
      const visits = planSeries({ slots, timeZone: zone, startDate, weeks: plan.weeks, weekdays: plan.weekdays, preferredTime: plan.time, ...(providerId ? { preferredProviderId: providerId } : {}) });
      const choice = Object.fromEntries(visits.map((visit) => [visit.date, visit.slot?.id ?? '']));
      host.set({ busy: '', series: { ...plan, visits, choice } });
      host.focus('#plan-heading');
      const conflicts = visits.filter((visit) => visit.status !== 'proposed').length;
      host.announce(host.messages.text('seriesAnnounce', visits.length, conflicts));
    } catch (error) {
      const err = reported(error);
      if (err) notifyFailure(host, err, () => void this.planSeries());
    }
  }

  /** Holds every accepted visit; any taken meanwhile is left out and the patient told. */
  async holdSeries(): Promise<void> {
    const host = this.host;
    const { busy, series } = host.state;
    const slots = seriesSlots(series);
    const chosen = Object.values(series.choice).filter(Boolean).map((id) => slots.get(id)!).filter(Boolean);
    if (busy || !chosen.length) return;
    host.releaseHolds();
    host.set({ busy: 'hold', notice: undefined });
    const holds: Hold[] = [];
    const taken: string[] = [];
    // Whatever was held goes back when the series cannot go on.
    const letGo = () => holds.forEach((hold) => host.releaseHold(hold));
    for (const slot of chosen) {
      try {
        holds.push(await host.calls.run('holdSlot', (api, signal) => api.holdSlot(slot.id, { signal })));
      } catch (error) {
        const err = reported(error);
        if (err?.code === 'slot_unavailable') taken.push(slot.id);
        else {
          letGo();
          return err ? notifyFailure(host, err, () => void this.holdSeries()) : undefined;
        }
      }
    }
    if (taken.length) {
      letGo();
      const choice = Object.fromEntries(Object.entries(host.state.series.choice).map(([date, id]) => [date, taken.includes(id) ? '' : id]));
      host.set({ series: { ...host.state.series, choice } });
      return host.notify(host.messages.text('seriesTaken', taken.length));
    }
    this.startHolds(holds);
    // A new set of visits: any earlier agreement to self-pay visits past the plan's count is asked again.
    host.go('details', { busy: '', selfPayRest: false, draft: { ...host.state.draft, kind: 'returning' } });
  }
}
