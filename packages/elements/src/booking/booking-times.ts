/** One day's opening times, grouped by part of the day; each button holds its time. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Slot, TimeOfDay } from '@pxm/core/booking';
import { timeOfDayOf } from '@pxm/core/booking-display';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { spokenLabel } from '../internal/spoken-label.js';
import type { BookingMessages } from './booking.messages.en.js';

export interface TimesModel {
  date: string;
  slots: Slot[];
  zone: string;
  /** Provider names, shown under each time when any provider will do. */
  providerNames: ReadonlyMap<string, string> | undefined;
  /** The slot being held right now. */
  pendingId: string;
}

const PARTS: TimeOfDay[] = ['morning', 'afternoon', 'evening'];

export function timeLabel(messages: LocalizeController<BookingMessages>, instant: string, zone: string): string {
  return messages.dateTime(instant, zone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
}

export function renderTimes(messages: LocalizeController<BookingMessages>, model: TimesModel, pick: (slot: Slot) => void): TemplateResult {
  const day = messages.date(model.date, { weekday: 'long', month: 'long', day: 'numeric' });
  return html`<div class="times" part="times">
    <h3 id="times-heading">${day}</h3>
    ${PARTS.map((part) => {
      const slots = model.slots.filter((slot) => timeOfDayOf(slot.start, model.zone) === part);
      if (!slots.length) return nothing;
      return html`<h4 class="part-heading">${messages.text(part)}</h4>
        <ul class="time-list" role="list">
          ${slots.map((slot) => {
            const provider = model.providerNames?.get(slot.providerId);
            const time = timeLabel(messages, slot.start, model.zone);
            return html`<li>
              <button
                type="button"
                class="button time"
                part="time"
                aria-disabled=${model.pendingId ? 'true' : nothing}
                aria-busy=${model.pendingId === slot.id ? 'true' : 'false'}
                @click=${() => pick(slot)}
              >
                ${spokenLabel(html`<span class="time-text">${time}</span>`, `${time}, ${day}`)}
                ${provider ? html`<span class="time-provider">${messages.text('withProvider', provider)}</span>` : nothing}
              </button>
            </li>`;
          })}
        </ul>`;
    })}
  </div>`;
}
