/** When no time fits: preferred days, parts of the day and provider, then who to tell. */
import { html, nothing, type TemplateResult } from 'lit';
import { addDays } from '@pxm/core/time';
import type { TimeOfDay } from '@pxm/core/booking';
import { providersFor } from './booking-choose.js';
import { renderPatientFields, renderReminders } from './booking-details.js';
import { optionalMark } from './booking-fields.js';
import type { BookingView } from './booking-view.js';

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

/** ISO weekdays 1-6 (Monday to Saturday) with their localized names. */
export function weekdayOptions(view: BookingView): Array<{ day: number; label: string }> {
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6].map((day) => ({ day, label: view.messages.date(addDays('2024-01-01', day - 1), { weekday: 'long' }) }));
}

export function toggled<Item>(list: readonly Item[], value: Item, on: boolean): Item[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

export function renderWaitlist(view: BookingView): TemplateResult {
  const { messages, state } = view;
  const waitlist = state.waitlist;
  const error = state.errors.waitlist;
  const set = (patch: Partial<typeof waitlist>) => view.actions.set({ waitlist: { ...waitlist, ...patch }, errors: {} });
  return html`<form class="step-body" novalidate @submit=${(event: Event) => (event.preventDefault(), view.actions.joinWaitlist())}>
    <p class="context">${messages.text('waitlistFor', view.type?.name ?? '', view.placeName, view.catalog.practice.name)}</p>
    <p>${messages.text('waitlistIntro')}</p>
    <fieldset class="choices days" aria-describedby=${error ? 'waitlist-error' : nothing}>
      <legend>${messages.text('preferredDays')}</legend>
      ${weekdayOptions(view).map(
        ({ day, label }) => html`<label class="choice"><input type="checkbox" name="wl-day" aria-invalid=${error ? 'true' : 'false'} .checked=${waitlist.weekdays.includes(day)} @change=${(event: Event) => set({ weekdays: toggled(waitlist.weekdays, day, (event.target as HTMLInputElement).checked) })} /><span>${label}</span></label>`,
      )}
    </fieldset>
    <fieldset class="choices inline">
      <legend>${messages.text('preferredTimes')}</legend>
      ${TIMES.map(
        (timeOfDay) => html`<label class="choice"><input type="checkbox" name="wl-time" .checked=${waitlist.times.includes(timeOfDay)} @change=${(event: Event) => set({ times: toggled(waitlist.times, timeOfDay, (event.target as HTMLInputElement).checked) })} /><span>${messages.text(timeOfDay)}</span></label>`,
      )}
    </fieldset>
    ${error ? html`<p class="error-text" id="waitlist-error">${messages.text('errWaitlist')}</p>` : nothing}
    <div class="field">
      <label for="wl-provider">${messages.text('provider')}</label>
      <select id="wl-provider" @change=${(event: Event) => set({ providerId: (event.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!waitlist.providerId}>${messages.text('anyProvider')}</option>
        ${providersFor(view).map((provider) => html`<option value=${provider.id} ?selected=${waitlist.providerId === provider.id}>${provider.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="wl-earliest">${messages.text('earliestDate')}${optionalMark(view)}</label>
      <input id="wl-earliest" type="date" min=${view.today} .value=${waitlist.earliestDate} @input=${(event: Event) => set({ earliestDate: (event.target as HTMLInputElement).value })} />
    </div>
    ${renderPatientFields(view, view.type?.patientEligibility === 'any')}
    ${state.draft.kind ? renderReminders(view, 'waitlist') : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${() => view.actions.go('time')}>${view.common.text('back')}</button>
      <button type="submit" class="button primary" aria-disabled=${state.busy === 'waitlist' ? 'true' : 'false'}>${messages.text('joinWaitlist')}</button>
    </div>
  </form>`;
}
