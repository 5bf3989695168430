/**
 * Step 2: the month grid and the chosen day's times, in the clinic's zone for in-clinic visits
 * (the patient's for video visits), with the zone named and a switch when the two differ.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { offsetMinutes } from '@pxm/core/time';
import { type Slot } from '@pxm/core/booking';
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
  const { l } = v;
  const now = new Date();
  // Zones that read the same all through the booking horizon need no switch.
  const same = [0, 60, 120, 180].every((days) => {
    const at = now.getTime() + days * 86_400_000;
    return offsetMinutes(at, v.clinicZone) === offsetMinutes(at, v.patientZone);
  });
  if (same) return nothing;
  const option = (value: 'clinic' | 'patient', zone: string) => html`<label class="choice">
    <input type="radio" name="zone" .checked=${v.zone === zone} @change=${() => v.a.set({ zoneChoice: value })} />
    <span>${l.t(value === 'clinic' ? 'zoneClinic' : 'zoneMine', l.zoneName(now, zone, 'long'))}</span>
  </label>`;
  return html`<fieldset class="choices inline zone-switch" part="zone-switch">
    <legend>${l.t('showTimesIn')}</legend>
    ${option('clinic', v.clinicZone)} ${option('patient', v.patientZone)}
  </fieldset>`;
}

export function renderPickTime(v: BookingView, m: PickTimeModel): TemplateResult {
  const { l, s } = v;
  const days = daySlots(m.slots, v.zone, v.s.managed?.appointment.providerId);
  const counts = new Map([...days].map(([date, list]) => [date, list.length]));
  const model: CalendarModel = {
    month: s.month,
    focusDate: s.focusDate,
    selectedDate: s.selectedDate,
    counts,
    today: v.today,
    lastDate: m.lastDate,
    loading: m.loading,
    firstWeekday: m.firstWeekday,
  };
  const chosen = days.get(s.selectedDate) ?? [];
  const names = v.s.providerId ? undefined : new Map(v.catalog.providers.map((p) => [p.id, p.name]));
  const returningType = v.type?.patientEligibility !== 'new' && !s.rescheduling;

  return html`<div class="step-body">
    <p class="context">
      ${[v.type?.name, v.type ? l.t('minutes', v.type.durationMinutes) : '', v.type?.modality === 'telehealth' ? l.t('videoVisit') : v.location?.name, s.providerId ? v.providerName(s.providerId) : l.t('anyProvider')]
        .filter(Boolean)
        .join(' · ')}
      ${v.fixed.location && v.fixed.type && v.fixed.provider ? nothing : html`<button type="button" class="button link" @click=${() => v.a.go('choose')}>${l.t('change')}</button>`}
    </p>
    ${zoneSwitch(v)}
    ${m.next
      ? html`<button type="button" class="button next-available" part="next-available" @click=${v.a.nextAvailable}>
          ${l.t('nextAvailable', l.dateTime(m.next.start, v.zone, { weekday: 'short', month: 'short', day: 'numeric' }), timeLabel(l, m.next.start, v.zone))}
        </button>`
      : nothing}
    ${m.error
      ? renderFailure({ message: m.error, retryLabel: v.common.t('retry'), onRetry: m.retry })
      : html`<div class="pick-layout">
          ${renderCalendar(l, model, m.calendar, m.rtl)}
          <div class="day-times" aria-live="polite">
            ${m.loading && !m.slots
              ? renderLoading(l.t('loadingTimes'))
              : chosen.length
                ? renderTimes(l, { date: s.selectedDate, slots: chosen, zone: v.zone, providerNames: names, pendingId: m.pendingId }, v.a.pickSlot)
                : html`<p class="empty">${s.selectedDate ? l.t('noTimesDay') : l.t('noTimesMonth')}</p>`}
          </div>
        </div>`}
    ${s.rescheduling
      ? html`<div class="actions start"><button type="button" class="button" @click=${v.a.keepCurrent}>${l.t('keepCurrent')}</button></div>`
      : html`<div class="alternatives">
          <p>${l.t('noFit')} <button type="button" class="button link" part="waitlist-button" @click=${() => v.a.go('waitlist')}>${l.t('joinWaitlist')}</button></p>
          ${returningType ? html`<p>${l.t('seriesOffer')} <button type="button" class="button link" part="series-button" @click=${() => v.a.go('series')}>${l.t('bookSeries')}</button></p>` : nothing}
        </div>`}
  </div>`;
}
