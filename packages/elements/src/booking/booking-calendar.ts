/**
 * The month grid (APG date-grid pattern): one tab stop, arrow keys move by day and week (left
 * and right flip in right-to-left layouts), Home/End to the week's ends, Page Up/Down by month
 * (with Shift by year), Enter or Space picks the day. The month arrows are bidi-mirrored glyphs,
 * so they point the right way in right-to-left layouts without help. Days with openings are marked; the others
 * stay reachable by keyboard but cannot be picked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addDays, addMonths, daysInMonth, firstOfMonth, weekdayOf, type LocalDate } from '@pxm/core/time';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';

export interface CalendarModel {
  month: LocalDate;
  focusDate: LocalDate;
  selectedDate: LocalDate;
  /** Distinct opening times per day, in the display zone. */
  counts: ReadonlyMap<LocalDate, number>;
  today: LocalDate;
  lastDate: LocalDate;
  loading: boolean;
  /** ISO weekday the week starts on for the locale. */
  firstWeekday: number;
}

export interface CalendarActions {
  pick(date: LocalDate): void;
  move(date: LocalDate): void;
}

/** Monday, or Sunday where the locale starts its week then. */
export function firstWeekdayOf(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const day = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    if (day) return day;
  } catch {
    // An invalid tag falls through to the default.
  }
  return /^en(-US)?$/i.test(locale) ? 7 : 1;
}

/** Where a key moves the grid focus, or undefined for keys the grid does not use. */
export function dateForKey(event: KeyboardEvent, date: LocalDate, firstWeekday: number, rtl: boolean): LocalDate | undefined {
  const intoWeek = (weekdayOf(date) - firstWeekday + 7) % 7;
  switch (event.key) {
    case 'ArrowRight':
      return addDays(date, rtl ? -1 : 1);
    case 'ArrowLeft':
      return addDays(date, rtl ? 1 : -1);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'Home':
      return addDays(date, -intoWeek);
    case 'End':
      return addDays(date, 6 - intoWeek);
    case 'PageDown':
      return addMonths(date, event.shiftKey ? 12 : 1);
    case 'PageUp':
      return addMonths(date, event.shiftKey ? -12 : -1);
    default:
      return undefined;
  }
}

export function renderCalendar(messages: LocalizeController<BookingMessages>, model: CalendarModel, on: CalendarActions, rtl: boolean): TemplateResult {
  const first = firstOfMonth(model.month);
  const lead = (weekdayOf(first) - model.firstWeekday + 7) % 7;
  const cells: Array<LocalDate | undefined> = [...Array<undefined>(lead), ...Array.from({ length: daysInMonth(first) }, (_, offset) => addDays(first, offset))];
  while (cells.length % 7) cells.push(undefined);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const headers = Array.from({ length: 7 }, (_, column) => addDays('2024-01-01', (model.firstWeekday - 1 + column) % 7)); // 2024-01-01 is a Monday
  const canPrev = first > model.today;
  const canNext = addMonths(first, 1) <= model.lastDate;
  const monthLabel = messages.date(first, { month: 'long', year: 'numeric' });

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      on.pick(model.focusDate);
      return;
    }
    const next = dateForKey(event, model.focusDate, model.firstWeekday, rtl);
    if (!next) return;
    event.preventDefault();
    on.move(next < model.today ? model.today : next > model.lastDate ? model.lastDate : next);
  };
  const onClick = (event: Event) => {
    const cell = (event.target as Element).closest<HTMLElement>('[data-date]');
    if (cell?.dataset.date) on.pick(cell.dataset.date);
  };

  return html`<div class="calendar" part="calendar">
    <div class="month-bar">
      <button type="button" class="button icon" ?disabled=${!canPrev} aria-label=${messages.text('prevMonth')} @click=${() => on.move(addMonths(first, -1) < model.today ? model.today : addMonths(first, -1))}>
        <span aria-hidden="true">‹</span>
      </button>
      <h3 id="month-label" aria-live="polite">${monthLabel}</h3>
      <button type="button" class="button icon" ?disabled=${!canNext} aria-label=${messages.text('nextMonth')} @click=${() => on.move(addMonths(first, 1))}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
    <table role="grid" aria-labelledby="month-label" aria-busy=${model.loading ? 'true' : 'false'} @keydown=${onKey} @click=${onClick}>
      <thead>
        <tr>
          ${headers.map((date) => html`<th scope="col" abbr=${messages.date(date, { weekday: 'long' })}>${messages.date(date, { weekday: 'narrow' })}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) => html`<tr>
            ${week.map((date) => {
              if (!date) return html`<td class="blank"></td>`;
              const count = model.counts.get(date) ?? 0;
              const open = count > 0 && date >= model.today && date <= model.lastDate;
              const label = messages.date(date, { weekday: 'long', month: 'long', day: 'numeric' });
              return html`<td
                role="gridcell"
                part="day${open ? ' day-open' : ''}${date === model.selectedDate ? ' day-selected' : ''}"
                class=${`day${open ? ' open' : ''}${date === model.today ? ' today' : ''}`}
                data-date=${date}
                tabindex=${date === model.focusDate ? 0 : -1}
                aria-selected=${date === model.selectedDate ? 'true' : 'false'}
                aria-disabled=${open ? nothing : 'true'}
                aria-current=${date === model.today ? 'date' : nothing}
              ><span aria-hidden="true">${Number(date.slice(8))}</span><span class="visually-hidden">${label}, ${
                model.loading ? messages.text('loadingTimes') : messages.text('openings', count)
              }</span></td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
