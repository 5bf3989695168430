/**
 * Step 2: the month grid and the chosen day's times, in the clinic's zone for in-clinic visits
 * (the patient's for video visits), with the zone named and a switch when the two differ.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { offsetMinutes, type Slot } from '@pxm/core';
import { daySlots } from './booking-days.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { renderCalendar, type CalendarModel } from './booking-calendar.js';
import { renderTimes, timeLabel } from './booking-times.js';
import type { BookingView } from './booking-view.js';

export interface PickTimeModel {
  slots: Slot[] | undefined;
  loading: boolean;
  error: string | undefined;
  retry: () => void;
  next: Slot | undefined;
  lastDate: string;
  firstWeekday: number;
  rtl: boolean;
  pendingId: string;
  calendar: { pick(date: string): void; move(date: string): void };
}

function zoneSwitch(v: BookingView): TemplateResult | typeof nothing {
  const { messages } = v;
  const now = new Date();
  // Zones that read the same all through the booking horizon need no switch.
  const same = [0, 60, 120, 180].every((days) => {
    const at = now.getTime() + days * 86_400_000;
    return offsetMinutes(at, v.clinicZone) === offsetMinutes(at, v.patientZone);
  });
  if (same) return nothing;
  const option = (value: 'clinic' | 'patient', zone: string) => html`<label class="choice">
    <input type="radio" name="zone" .checked=${v.zone === zone} @change=${() => v.actions.set({ zoneChoice: value })} />
    <span>${messages.t(value === 'clinic' ? 'zoneClinic' : 'zoneMine', messages.zoneName(now, zone, 'long'))}</span>
  </label>`;
  return html`<fieldset class="choices inline zone-switch" part="zone-switch">
    <legend>${messages.t('showTimesIn')}</legend>
    ${option('clinic', v.clinicZone)} ${option('patient', v.patientZone)}
  </fieldset>`;
}

export function renderPickTime(v: BookingView, m: PickTimeModel): TemplateResult {
  const { messages, state } = v;
  const days = daySlots(m.slots, v.zone, v.state.managed?.appointment.providerId);
  const counts = new Map([...days].map(([date, list]) => [date, list.length]));
  const model: CalendarModel = {
    month: state.month,
    focusDate: state.focusDate,
    selectedDate: state.selectedDate,
    counts,
    today: v.today,
    lastDate: m.lastDate,
    loading: m.loading,
    firstWeekday: m.firstWeekday,
  };
  const chosen = days.get(state.selectedDate) ?? [];
  const names = v.state.providerId ? undefined : new Map(v.catalog.providers.map((p) => [p.id, p.name]));
  const returningType = v.type?.patientEligibility !== 'new' && !state.rescheduling;

  return html`<div class="step-body">
    <p class="context">
      ${[v.type?.name, v.type ? messages.t('minutes', v.type.durationMinutes) : '', v.type?.modality === 'telehealth' ? messages.t('videoVisit') : v.location?.name, state.providerId ? v.providerName(state.providerId) : messages.t('anyProvider')]
        .filter(Boolean)
        .join(' · ')}
      ${v.fixed.location && v.fixed.type && v.fixed.provider ? nothing : html`<button type="button" class="button link" @click=${() => v.actions.go('choose')}>${messages.t('change')}</button>`}
    </p>
    ${zoneSwitch(v)}
    ${m.next
      ? html`<button type="button" class="button next-available" part="next-available" @click=${v.actions.nextAvailable}>
          ${messages.t('nextAvailable', messages.dateTime(m.next.start, v.zone, { weekday: 'short', month: 'short', day: 'numeric' }), timeLabel(messages, m.next.start, v.zone))}
        </button>`
      : nothing}
    ${m.error
      ? renderFailure({ message: m.error, retryLabel: v.common.t('retry'), onRetry: m.retry })
      : html`<div class="pick-layout">
          ${renderCalendar(messages, model, m.calendar, m.rtl)}
          <div class="day-times" aria-live="polite">
            ${m.loading && !m.slots
              ? renderLoading(messages.t('loadingTimes'))
              : chosen.length
                ? renderTimes(messages, { date: state.selectedDate, slots: chosen, zone: v.zone, providerNames: names, pendingId: m.pendingId }, v.actions.pickSlot)
                : html`<p class="empty">${state.selectedDate ? messages.t('noTimesDay') : messages.t('noTimesMonth')}</p>`}
          </div>
        </div>`}
    ${state.rescheduling
      ? html`<div class="actions start"><button type="button" class="button" @click=${v.actions.keepCurrent}>${messages.t('keepCurrent')}</button></div>`
      : html`<div class="alternatives">
          <p>${messages.t('noFit')} <button type="button" class="button link" part="waitlist-button" @click=${() => v.actions.go('waitlist')}>${messages.t('joinWaitlist')}</button></p>
          ${returningType ? html`<p>${messages.t('seriesOffer')} <button type="button" class="button link" part="series-button" @click=${() => v.actions.go('series')}>${messages.t('bookSeries')}</button></p>` : nothing}
        </div>`}
  </div>`;
}
