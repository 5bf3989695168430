/** When no time fits: preferred days, parts of the day and provider, then who to tell. */
import { html, nothing, type TemplateResult } from 'lit';
import { addDays, type TimeOfDay } from '@pxm/core';
import { providersFor } from './booking-choose.js';
import { renderPatientFields, renderReminders } from './booking-details.js';
import type { BookingView } from './booking-view.js';

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

/** ISO weekdays 1-6 (Monday to Saturday) with their localized names. */
export function weekdayOptions(v: BookingView): Array<{ day: number; label: string }> {
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6].map((day) => ({ day, label: v.messages.date(addDays('2024-01-01', day - 1), { weekday: 'long' }) }));
}

export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((x) => x !== value);
}

export function renderWaitlist(v: BookingView): TemplateResult {
  const { messages, state } = v;
  const w = state.waitlist;
  const error = state.errors.waitlist;
  const set = (patch: Partial<typeof w>) => v.actions.set({ waitlist: { ...w, ...patch }, errors: {} });
  return html`<form class="step-body" novalidate @submit=${(e: Event) => (e.preventDefault(), v.actions.joinWaitlist())}>
    <p class="context">${messages.t('waitlistFor', v.type?.name ?? '', v.type?.modality === 'telehealth' ? messages.t('videoVisit') : (v.location?.name ?? ''), v.catalog.practice.name)}</p>
    <p>${messages.t('waitlistIntro')}</p>
    <fieldset class="choices days" aria-describedby=${error ? 'waitlist-error' : nothing}>
      <legend>${messages.t('preferredDays')}</legend>
      ${weekdayOptions(v).map(
        ({ day, label }) => html`<label class="choice"><input type="checkbox" name="wl-day" aria-invalid=${error ? 'true' : 'false'} .checked=${w.weekdays.includes(day)} @change=${(e: Event) => set({ weekdays: toggled(w.weekdays, day, (e.target as HTMLInputElement).checked) })} /><span>${label}</span></label>`,
      )}
    </fieldset>
    <fieldset class="choices inline">
      <legend>${messages.t('preferredTimes')}</legend>
      ${TIMES.map(
        (t) => html`<label class="choice"><input type="checkbox" name="wl-time" .checked=${w.times.includes(t)} @change=${(e: Event) => set({ times: toggled(w.times, t, (e.target as HTMLInputElement).checked) })} /><span>${messages.t(t)}</span></label>`,
      )}
    </fieldset>
    ${error ? html`<p class="error-text" id="waitlist-error">${messages.t('errWaitlist')}</p>` : nothing}
    <div class="field">
      <label for="wl-provider">${messages.t('provider')}</label>
      <select id="wl-provider" @change=${(e: Event) => set({ providerId: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!w.providerId}>${messages.t('anyProvider')}</option>
        ${providersFor(v).map((p) => html`<option value=${p.id} ?selected=${w.providerId === p.id}>${p.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="wl-earliest">${messages.t('earliestDate')} <span class="hint">(${v.common.t('optional')})</span></label>
      <input id="wl-earliest" type="date" min=${v.today} .value=${w.earliestDate} @input=${(e: Event) => set({ earliestDate: (e.target as HTMLInputElement).value })} />
    </div>
    ${renderPatientFields(v, v.type?.patientEligibility === 'any')}
    ${state.draft.kind ? renderReminders(v, 'waitlist') : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${() => v.actions.go('time')}>${v.common.t('back')}</button>
      <button type="submit" class="button primary" aria-disabled=${state.busy === 'waitlist' ? 'true' : 'false'}>${messages.t('joinWaitlist')}</button>
    </div>
  </form>`;
}
