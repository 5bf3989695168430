/**
 * Plan-of-care series for returning patients: chosen weekdays, number of weeks and usual time;
 * the proposal lists every visit, each conflict with its alternatives, and the patient decides
 * which to book.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localDateIn } from '@pxm/core/time';
import type { Slot } from '@pxm/core/booking';
import type { SeriesDraft } from './booking-state.js';
import { timeLabel } from './booking-times.js';
import { buttonRow } from './booking-buttons.js';
import type { BookingView } from './booking-view.js';
import { toggled, weekdayOptions } from './booking-waitlist.js';

export function seriesSlots(series: SeriesDraft): Map<string, Slot> {
  const all = new Map<string, Slot>();
  for (const visit of series.visits ?? []) {
    for (const slot of [visit.slot, ...visit.alternatives]) if (slot) all.set(slot.id, slot);
  }
  return all;
}

export function renderSeries(view: BookingView): TemplateResult {
  const { messages, state } = view;
  const plan = state.series;
  const error = state.errors.series;
  const zone = view.clinicZone;
  const set = (patch: Partial<typeof plan>) => view.actions.set({ series: { ...plan, ...patch }, errors: {} });
  const choose = (date: string, id: string) => set({ choice: { ...plan.choice, [date]: id } });
  // A time and its zone never break ("9:00 GMT-7"), even though the host wraps long words anywhere.
  const slotText = (slot: Slot) => html`<span class="nowrap">${timeLabel(messages, slot.start, zone)}</span> · ${view.providerName(slot.providerId)}`;
  const chosen = Object.values(plan.choice).filter(Boolean).length;

  return html`<div class="step-body">
    <p>${messages.text('seriesIntro')}</p>
    <fieldset class="choices days" aria-describedby=${error ? 'series-error' : nothing}>
      <legend>${messages.text('seriesDays')}</legend>
      ${weekdayOptions(view).map(
        ({ day, label }) => html`<label class="choice"><input type="checkbox" name="series-day" aria-invalid=${error ? 'true' : 'false'} .checked=${live(plan.weekdays.includes(day))} @change=${(event: Event) => set({ weekdays: toggled(plan.weekdays, day, (event.target as HTMLInputElement).checked), visits: undefined })} /><span>${label}</span></label>`,
      )}
    </fieldset>
    ${error ? html`<p class="error-text" id="series-error">${messages.text(error as 'errSeriesDays')}</p>` : nothing}
    <div class="row">
      <div class="field">
        <label for="series-weeks">${messages.text('seriesWeeks')}</label>
        <select id="series-weeks" @change=${(event: Event) => set({ weeks: Number((event.target as HTMLSelectElement).value), visits: undefined })}>
          ${[2, 3, 4, 6, 8, 10, 12].map((count) => html`<option value=${count} ?selected=${plan.weeks === count}>${messages.text('weeks', count)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="series-time">${messages.text('seriesTime')}</label>
        <input id="series-time" type="time" step="900" min="06:00" max="20:00" .value=${live(plan.time)} @input=${(event: Event) => set({ time: (event.target as HTMLInputElement).value, visits: undefined })} />
        <span class="hint">${messages.text('clinicZoneHint', messages.zoneName(new Date(), zone, 'long'))}</span>
      </div>
    </div>
    <div class="actions start">
      <button type="button" class="button" aria-disabled=${state.busy === 'series' ? 'true' : 'false'} @click=${view.actions.planSeries}>${state.busy === 'series' ? view.common.text('loading') : messages.text('findSeries')}</button>
    </div>
    ${plan.visits
      ? html`<h3 id="plan-heading">${messages.text('seriesProposal', plan.visits.length)}</h3>
          <ol class="plan" aria-labelledby="plan-heading">
            ${plan.visits.map((visit) => {
              const day = messages.date(visit.date, { weekday: 'long', month: 'long', day: 'numeric' });
              const pick = plan.choice[visit.date] ?? '';
              if (visit.status === 'proposed' && visit.slot) {
                const slot = visit.slot;
                return html`<li class="plan-visit"><label class="choice"><input type="checkbox" name="series-visit" .checked=${live(pick === slot.id)} @change=${(event: Event) => choose(visit.date, (event.target as HTMLInputElement).checked ? slot.id : '')} /><span><strong>${day}</strong> ${slotText(slot)}</span></label></li>`;
              }
              // The day heads the item (so the list number sits beside it) and names the group of alternatives.
              return html`<li class="plan-visit conflict">
                <p class="plan-day" id=${`day-${visit.date}`}><strong>${day}</strong>: ${visit.status === 'conflict' ? messages.text('seriesConflict') : messages.text('seriesNone')}</p>
                <fieldset class="choices" aria-labelledby=${`day-${visit.date}`}>
                  ${visit.alternatives.map(
                    (alt) => html`<label class="choice"><input type="radio" name=${`alt-${visit.date}`} .checked=${live(pick === alt.id)} @change=${() => choose(visit.date, alt.id)} /><span>${
                      localDateIn(alt.start, zone) === visit.date ? '' : `${messages.dateTime(alt.start, zone, { weekday: 'short', month: 'short', day: 'numeric' })} `
                    }${slotText(alt)}</span></label>`,
                  )}
                  ${visit.alternatives.length
                    ? html`<label class="choice"><input type="radio" name=${`alt-${visit.date}`} .checked=${live(pick === '')} @change=${() => choose(visit.date, '')} /><span>${messages.text('skipVisit')}</span></label>`
                    : nothing}
                </fieldset>
              </li>`;
            })}
          </ol>
          <div class="actions">
            <button type="button" class="button" @click=${() => view.actions.go('time')}>${view.common.text('back')}</button>
            <button type="button" class="button primary" aria-disabled=${state.busy === 'hold' || !chosen ? 'true' : 'false'} @click=${view.actions.holdSeries}>${messages.text('holdSeries', chosen)}</button>
          </div>`
      : buttonRow(view.common.text('back'), () => view.actions.go('time'), 'link')}
  </div>`;
}
