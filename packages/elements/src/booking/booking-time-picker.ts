/**
 * The pick-a-time step's behaviour: loads the month's openings (a day of margin each side, so
 * switching zones never refetches), chooses the first open day, finds the next available time,
 * moves the grid, and holds the time the patient picks.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { AdapterError } from '@pxm/core';
import { addDays, addMonths, firstOfMonth, localDateIn } from '@pxm/core/time';
import type { Slot } from '@pxm/core/booking';
import { firstWeekdayOf } from './booking-calendar.js';
import { daySlots } from './booking-days.js';
import { reported, slotQuery, type FlowHost } from './booking-flow-host.js';
import { renderPickTime } from './booking-pick-time.js';
import { timeLabel } from './booking-times.js';
import type { BookingView } from './booking-view.js';

const DAY_MS = 86_400_000;
/** How far ahead patients can book. */
export const HORIZON_DAYS = 180;

export class TimePicker {
  private slotsVersion = 0;
  private nextSlot: Slot | undefined;
  /** On the first load, an empty month jumps to the next available day. */
  private autoAdvance = true;
  private pendingSlotId = '';

  readonly task: Task<readonly [unknown, string, string, string, string, number], Slot[] | undefined>;

  constructor(
    private readonly host: FlowHost,
    private readonly element: ReactiveControllerHost,
  ) {
    this.task = host.createTask({
      task: async ([adapter, locationId, typeId, providerId, month], { signal }) => {
        if (!adapter || !locationId || !typeId || !month) return undefined;
        // A day of margin each side covers the month in any zone the times may be shown in.
        const from = new Date(Date.parse(`${month}T00:00:00Z`) - DAY_MS).toISOString();
        const to = new Date(Date.parse(`${addMonths(month, 1)}T00:00:00Z`) + DAY_MS).toISOString();
        // A failure is reported as `pxm-error` by the call; the task shows it with a retry.
        const slots = await this.host.findSlots({ locationId, appointmentTypeId: typeId, providerId, from, to }, signal);
        this.afterSlots(slots);
        return slots;
      },
      args: () =>
        [this.host.adapter, this.host.state.step === 'time' ? this.host.state.locationId : '', this.host.state.typeId, this.host.state.providerId, this.host.state.month, this.slotsVersion] as const,
    });
  }

  /** A new visit type, place or provider: start from the first available day again. */
  reset(): void {
    this.autoAdvance = true;
    this.nextSlot = undefined;
  }

  render(view: BookingView): TemplateResult {
    const host = this.host;
    const task = this.task;
    return html`${renderPickTime(view, {
      slots: task.value,
      loading: task.render({ pending: () => true }) ?? false,
      failure: task.render({
        error: (error) =>
          host.renderFailure({ message: host.errorMessage(AdapterError.is(error) ? error : undefined), retryLabel: view.common.text('retry'), onRetry: () => this.refresh() }),
      }),
      renderLoading: (label) => host.renderLoading(label),
      next: this.nextSlot,
      lastDate: addDays(view.today, HORIZON_DAYS),
      firstWeekday: firstWeekdayOf(this.host.locale),
      rtl: this.host.rtl,
      pendingId: this.pendingSlotId,
      calendar: { pick: (date) => this.pickDate(date), move: (date) => this.moveCalendar(date) },
    })}`;
  }

  /** "3 times available on Tuesday, March 16". */
  private timesOnText(date: string, count: number): string {
    const messages = this.host.messages;
    return messages.text('timesOn', count, messages.date(date, { weekday: 'long', month: 'long', day: 'numeric' }));
  }

  /** Each day's times in the zone shown. */
  private days(slots: Slot[]): Map<string, Slot[]> {
    return daySlots(slots, this.host.zones.zone, this.host.state.managed?.appointment.providerId);
  }

  private afterSlots(slots: Slot[]): void {
    const { state, zones } = this.host;
    const days = this.days(slots);
    const inMonth = (date: string) => date.startsWith(state.month.slice(0, 7));
    const open = [...days.keys()].filter((date) => date >= zones.today && inMonth(date)).sort();
    const first = slots.find((slot) => Date.parse(slot.start) > Date.now());
    if (first && (!this.nextSlot || Date.parse(first.start) < Date.parse(this.nextSlot.start))) this.nextSlot = first;
    const selected = state.selectedDate && inMonth(state.selectedDate) ? state.selectedDate : (open[0] ?? '');
    if (!open.length && this.autoAdvance) {
      this.autoAdvance = false;
      void this.nextAvailable(false);
      return;
    }
    this.autoAdvance = false;
    this.host.set({ selectedDate: selected, focusDate: selected || state.focusDate });
    if (selected) this.host.announce(this.timesOnText(selected, days.get(selected)?.length ?? 0));
  }

  /** Jumps to the first day with an opening in the next months; focuses its first time when asked. */
  async nextAvailable(focus = true): Promise<void> {
    const host = this.host;
    let slot = this.nextSlot && Date.parse(this.nextSlot.start) > Date.now() ? this.nextSlot : undefined;
    if (!slot) {
      try {
        const now = Date.now();
        [slot] = await host.findSlots(slotQuery(host.state, new Date(now).toISOString(), new Date(now + HORIZON_DAYS * DAY_MS).toISOString()));
      } catch (error) {
        const err = reported(error);
        if (err) host.notify(host.errorMessage(err), 'error', () => void this.nextAvailable(focus));
        return;
      }
    }
    if (!slot) return host.notify(host.messages.text('noTimesAtAll'), 'info');
    this.nextSlot = slot;
    const date = localDateIn(slot.start, host.zones.zone);
    host.set({ month: firstOfMonth(date), selectedDate: date, focusDate: date });
    if (focus) host.focus('[part~="time"]');
  }

  private moveCalendar(date: string): void {
    this.host.set({ focusDate: date, month: firstOfMonth(date) });
    this.host.focus('td[tabindex="0"]');
  }

  private pickDate(date: string): void {
    if (date < this.host.zones.today) return;
    const slots = this.task.value;
    this.host.set({ selectedDate: date, focusDate: date, month: firstOfMonth(date), notice: undefined });
    const count = slots ? (this.days(slots).get(date)?.length ?? 0) : 0;
    this.host.announce(count ? this.timesOnText(date, count) : this.host.messages.text('noTimesDay'));
  }

  refresh(): void {
    this.slotsVersion += 1;
    this.nextSlot = undefined;
    this.element.requestUpdate();
  }

  async pickSlot(slot: Slot): Promise<void> {
    const host = this.host;
    if (host.state.busy) return;
    this.pendingSlotId = slot.id;
    host.set({ busy: 'hold', notice: undefined });
    try {
      const hold = await host.calls.run('holdSlot', (api, signal) => api.holdSlot(slot.id, { signal }));
      host.releaseHolds();
      (await host.loadFlow()).startHolds([hold]);
      host.go(host.state.rescheduling ? 'review' : 'details', { busy: '' });
      const { messages, zones } = host;
      host.announce(messages.text('heldAnnounce', `${messages.dateTime(slot.start, zones.zone, { weekday: 'long', month: 'long', day: 'numeric' })}, ${timeLabel(messages, slot.start, zones.zone)}`));
    } catch (error) {
      const err = reported(error);
      if (err?.code === 'slot_unavailable') {
        host.notify(host.messages.text('slotTaken'));
        this.refresh();
      } else if (err) host.notify(host.errorMessage(err), 'error', err.retryable ? () => void this.pickSlot(slot) : undefined);
      else host.set({ busy: '' });
    } finally {
      this.pendingSlotId = '';
    }
  }
}
