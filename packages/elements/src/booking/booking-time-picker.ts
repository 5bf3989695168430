/**
 * The pick-a-time step's behaviour: loads the month's openings (a day of margin each side, so
 * switching zones never refetches), chooses the first open day, finds the next available time,
 * moves the grid, and holds the time the patient picks.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { AdapterError } from '@pxm/core';
import { addDays, addMonths, firstOfMonth, localDateIn } from '@pxm/core/time';
import type { Slot } from '@pxm/core/booking';
import { firstWeekdayOf } from './booking-calendar.js';
import { daySlots } from './booking-days.js';
import { reported, slotQuery, type FlowHost } from './booking-flow-host.js';
import { renderPickTime } from './booking-pick-time.js';
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
    this.task = new Task(this.element, {
      task: async ([adapter, locationId, typeId, providerId, month], { signal }) => {
        if (!adapter || !locationId || !typeId || !month) return undefined;
        // A day of margin each side covers the month in any zone the times may be shown in.
        const from = new Date(Date.parse(`${month}T00:00:00Z`) - DAY_MS).toISOString();
        const to = new Date(Date.parse(`${addMonths(month, 1)}T00:00:00Z`) + DAY_MS).toISOString();
        // A failure is reported as `pxm-error` by the call; the task shows it with a retry.
        const slots = await this.host.findSlots({ locationId, typeId, providerId, from, to }, signal);
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
    const task = this.task;
    return html`${renderPickTime(view, {
      slots: task.value,
      loading: task.status === TaskStatus.PENDING,
      error: task.status === TaskStatus.ERROR ? this.host.errorMessage(AdapterError.is(task.error) ? task.error : undefined) : undefined,
      retry: () => this.refresh(),
      next: this.nextSlot,
      lastDate: addDays(view.today, HORIZON_DAYS),
      firstWeekday: firstWeekdayOf(this.host.locale),
      rtl: this.host.rtl,
      pendingId: this.pendingSlotId,
      calendar: { pick: (date) => this.pickDate(date), move: (date) => this.moveCalendar(date) },
    })}`;
  }

  private afterSlots(slots: Slot[]): void {
    const days = daySlots(slots, this.host.zones.zone, this.host.state.managed?.appointment.providerId);
    const today = this.host.zones.today;
    const open = [...days.keys()].filter((date) => date >= today && date.startsWith(this.host.state.month.slice(0, 7))).sort();
    const first = slots.find((slot) => Date.parse(slot.start) > Date.now());
    if (first && (!this.nextSlot || Date.parse(first.start) < Date.parse(this.nextSlot.start))) this.nextSlot = first;
    let selected = this.host.state.selectedDate;
    if (!selected || !selected.startsWith(this.host.state.month.slice(0, 7))) selected = open[0] ?? '';
    if (!open.length && this.autoAdvance) {
      this.autoAdvance = false;
      void this.nextAvailable(false);
      return;
    }
    this.autoAdvance = false;
    const focusDate = selected || this.host.state.focusDate;
    this.host.set({ selectedDate: selected, focusDate });
    const count = days.get(selected)?.length ?? 0;
    if (selected) this.host.announce(this.host.messages.text('timesOn', count, this.host.messages.date(selected, { weekday: 'long', month: 'long', day: 'numeric' })));
  }

  /** Jumps to the first day with an opening in the next months; focuses its first time when asked. */
  async nextAvailable(focus = true): Promise<void> {
    let slot = this.nextSlot && Date.parse(this.nextSlot.start) > Date.now() ? this.nextSlot : undefined;
    if (!slot) {
      try {
        const now = Date.now();
        const found = await this.host.findSlots(slotQuery(this.host.state, new Date(now).toISOString(), new Date(now + HORIZON_DAYS * DAY_MS).toISOString()));
        slot = found[0];
      } catch (error) {
        const err = reported(error);
        if (err) this.host.notify(this.host.errorMessage(err), 'error', () => void this.nextAvailable(focus));
        return;
      }
    }
    if (!slot) {
      this.host.notify(this.host.messages.text('noTimesAtAll'), 'info');
      return;
    }
    this.nextSlot = slot;
    const date = localDateIn(slot.start, this.host.zones.zone);
    this.host.set({ month: firstOfMonth(date), selectedDate: date, focusDate: date });
    if (focus) this.host.focus('[part~="time"]');
  }

  private moveCalendar(date: string): void {
    const month = firstOfMonth(date);
    this.host.set({ focusDate: date, month });
    this.host.focus('td[tabindex="0"]');
  }

  private pickDate(date: string): void {
    const slots = this.task.value;
    const count = slots ? (daySlots(slots, this.host.zones.zone, this.host.state.managed?.appointment.providerId).get(date)?.length ?? 0) : 0;
    if (date < this.host.zones.today) return;
    this.host.set({ selectedDate: date, focusDate: date, month: firstOfMonth(date), notice: undefined });
    this.host.announce(count ? this.host.messages.text('timesOn', count, this.host.messages.date(date, { weekday: 'long', month: 'long', day: 'numeric' })) : this.host.messages.text('noTimesDay'));
  }

  refresh(): void {
    this.slotsVersion += 1;
    this.nextSlot = undefined;
    this.element.requestUpdate();
  }

  async pickSlot(slot: Slot): Promise<void> {
    if (this.host.state.busy) return;
    this.pendingSlotId = slot.id;
    this.host.set({ busy: 'hold', notice: undefined });
    try {
      const hold = await this.host.calls.run('holdSlot', (api, signal) => api.holdSlot(slot.id, { signal }));
      this.host.releaseHolds();
      (await this.host.loadFlow()).startHolds([hold]);
      this.host.go(this.host.state.rescheduling ? 'review' : 'details', { busy: '' });
      this.host.announce(this.host.messages.text('heldAnnounce', `${this.host.messages.dateTime(slot.start, this.host.zones.zone, { weekday: 'long', month: 'long', day: 'numeric' })}, ${this.host.messages.dateTime(slot.start, this.host.zones.zone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })}`));
    } catch (error) {
      const err = reported(error);
      if (err?.code === 'slot_unavailable') {
        this.host.notify(this.host.messages.text('slotTaken'));
        this.refresh();
      } else if (err) this.host.notify(this.host.errorMessage(err), 'error', err.retryable ? () => void this.pickSlot(slot) : undefined);
      else this.host.set({ busy: '' });
    } finally {
      this.pendingSlotId = '';
    }
  }
}
