/**
 * Step 2: the month grid and the chosen day's times, in the clinic's zone for in-clinic visits
 * (the patient's for video visits), with the zone named and a switch when the two differ.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { offsetMinutes } from '@pxm/core/time';
import type { Slot } from '@pxm/core/booking';
import { daySlots } from './booking-days.js';
import { renderCalendar, type CalendarModel } from './booking-calendar.js';
import { renderTimes, timeLabel } from './booking-times.js';
import { buttonRow } from './booking-buttons.js';
import type { BookingView } from './booking-view.js';

export interface PickTimeModel {
  slots: Slot[] | undefined;
  loading: boolean;
  /** The failure state of a load that failed (with its retry). */
  failure: TemplateResult | undefined;
  /** The element's loading state. */
  renderLoading(label: string): TemplateResult;
  next: Slot | undefined;
  lastDate: string;
  firstWeekday: number;
  rtl: boolean;
  pendingId: string;
  calendar: { pick(date: string): void; move(date: string): void };
}

function zoneSwitch(view: BookingView): TemplateResult | typeof nothing {
  const { messages } = view;
  const now = new Date();
  // Zones that read the same all through the booking horizon need no switch.
  const same = [0, 60, 120, 180].every((days) => {
    const at = now.getTime() + days * 86_400_000;
    return offsetMinutes(at, view.clinicZone) === offsetMinutes(at, view.patientZone);
  });
  if (same) return nothing;
  const option = (value: 'clinic' | 'patient', zone: string) => html`<label class="choice">
    <input type="radio" name="zone" .checked=${view.zone === zone} @change=${() => view.actions.set({ zoneChoice: value })} />
    <span>${messages.text(value === 'clinic' ? 'zoneClinic' : 'zoneMine', messages.zoneName(now, zone, 'long'))}</span>
  </label>`;
  return html`<fieldset class="choices inline zone-switch" part="zone-switch">
    <legend>${messages.text('showTimesIn')}</legend>
    ${option('clinic', view.clinicZone)} ${option('patient', view.patientZone)}
  </fieldset>`;
}

export function renderPickTime(view: BookingView, pickModel: PickTimeModel): TemplateResult {
  const { messages, state } = view;
  const days = daySlots(pickModel.slots, view.zone, view.state.managed?.appointment.providerId);
  const counts = new Map([...days].map(([date, list]) => [date, list.length]));
  const model: CalendarModel = {
    month: state.month,
    focusDate: state.focusDate,
    selectedDate: state.selectedDate,
    counts,
    today: view.today,
    lastDate: pickModel.lastDate,
    loading: pickModel.loading,
    firstWeekday: pickModel.firstWeekday,
  };
  const chosen = days.get(state.selectedDate) ?? [];
  const names = view.state.providerId ? undefined : new Map(view.catalog.providers.map((provider) => [provider.id, provider.name]));
  const returningType = view.type?.patientEligibility !== 'new' && !state.rescheduling;

  return html`<div class="step-body">
    <p class="context">
      ${[view.type?.name, view.type ? messages.text('minutes', view.type.durationMinutes) : '', view.placeName, state.providerId ? view.providerName(state.providerId) : messages.text('anyProvider')]
        .filter(Boolean)
        .join(' · ')}
      ${view.fixed.location && view.fixed.type && view.fixed.provider ? nothing : html`<button type="button" class="button link" @click=${() => view.actions.go('choose')}>${messages.text('change')}</button>`}
    </p>
    ${zoneSwitch(view)}
    ${pickModel.next
      ? html`<button type="button" class="button next-available" part="next-available" @click=${view.actions.nextAvailable}>
          ${messages.text('nextAvailable', messages.dateTime(pickModel.next.start, view.zone, { weekday: 'short', month: 'short', day: 'numeric' }), timeLabel(messages, pickModel.next.start, view.zone))}
        </button>`
      : nothing}
    ${pickModel.failure ??
      html`<div class="pick-layout">
          ${renderCalendar(messages, model, pickModel.calendar, pickModel.rtl)}
          <div class="day-times" aria-live="polite">
            ${pickModel.loading && !pickModel.slots
              ? pickModel.renderLoading(messages.text('loadingTimes'))
              : chosen.length
                ? renderTimes(messages, { date: state.selectedDate, slots: chosen, zone: view.zone, providerNames: names, pendingId: pickModel.pendingId }, view.actions.pickSlot)
                : html`<p class="empty">${state.selectedDate ? messages.text('noTimesDay') : messages.text('noTimesMonth')}</p>`}
          </div>
        </div>`}
    ${state.rescheduling
      ? buttonRow(messages.text('keepCurrent'), view.actions.keepCurrent)
      : html`<div class="alternatives">
          <p>${messages.text('noFit')} <button type="button" class="button link" part="waitlist-button" @click=${() => view.actions.go('waitlist')}>${messages.text('joinWaitlist')}</button></p>
          ${returningType ? html`<p>${messages.text('seriesOffer')} <button type="button" class="button link" part="series-button" @click=${() => view.actions.go('series')}>${messages.text('bookSeries')}</button></p>` : nothing}
        </div>`}
  </div>`;
}
