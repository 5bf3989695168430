/**
 * The pick-a-time step's behaviour: loads the month's openings (a day of margin each side, so
 * switching zones never refetches), chooses the first open day, finds the next available time,
 * moves the grid, and holds the time the patient picks.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { AdapterError } from '@pxm/core';
import { HoldSchema, type Slot } from '@pxm/core/booking';
import { addDays, addMonths, firstOfMonth, localDateIn } from '@pxm/core/time';
import { firstWeekdayOf } from './booking-calendar.js';
import { daySlots } from './booking-days.js';
import type { FlowHost } from './booking-flow-host.js';
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
    private readonly h: FlowHost,
    private readonly host: ReactiveControllerHost,
  ) {
    this.task = new Task(this.host, {
      task: async ([adapter, locationId, typeId, providerId, month], { signal }) => {
        if (!adapter || !locationId || !typeId || !month) return undefined;
        // A day of margin each side covers the month in any zone the times may be shown in.
        const from = new Date(Date.parse(`${month}T00:00:00Z`) - DAY_MS).toISOString();
        const to = new Date(Date.parse(`${addMonths(month, 1)}T00:00:00Z`) + DAY_MS).toISOString();
        try {
          const slots = await this.h.findSlots(locationId, typeId, providerId, from, to, signal);
          this.afterSlots(slots);
          return slots;
        } catch (error) {
          throw this.h.report(error, 'booking.findSlots') ?? error;
        }
      },
      args: () =>
        [this.h.adapter, this.h.s.step === 'time' ? this.h.s.locationId : '', this.h.s.typeId, this.h.s.providerId, this.h.s.month, this.slotsVersion] as const,
    });
  }

  /** A new visit type, place or provider: start from the first available day again. */
  reset(): void {
    this.autoAdvance = true;
    this.nextSlot = undefined;
  }

  render(v: BookingView): TemplateResult {
    const task = this.task;
    return html`${renderPickTime(v, {
      slots: task.value,
      loading: task.status === TaskStatus.PENDING,
      error: task.status === TaskStatus.ERROR ? this.h.errorMessage(AdapterError.is(task.error) ? task.error : undefined) : undefined,
      retry: () => this.refresh(),
      next: this.nextSlot,
      lastDate: addDays(v.today, HORIZON_DAYS),
      firstWeekday: firstWeekdayOf(this.h.locale),
      rtl: this.h.rtl,
      pendingId: this.pendingSlotId,
      calendar: { pick: (d) => this.pickDate(d), move: (d) => this.moveCalendar(d) },
    })}`;
  }




  private afterSlots(slots: Slot[]): void {
    const days = daySlots(slots, this.h.zone, this.h.s.managed?.appointment.providerId);
    const today = this.h.today;
    const open = [...days.keys()].filter((d) => d >= today && d.startsWith(this.h.s.month.slice(0, 7))).sort();
    const first = slots.find((slot) => Date.parse(slot.start) > Date.now());
    if (first && (!this.nextSlot || Date.parse(first.start) < Date.parse(this.nextSlot.start))) this.nextSlot = first;
    let selected = this.h.s.selectedDate;
    if (!selected || !selected.startsWith(this.h.s.month.slice(0, 7))) selected = open[0] ?? '';
    if (!open.length && this.autoAdvance) {
      this.autoAdvance = false;
      void this.nextAvailable(false);
      return;
    }
    this.autoAdvance = false;
    const focusDate = selected || this.h.s.focusDate;
    this.h.set({ selectedDate: selected, focusDate });
    const count = days.get(selected)?.length ?? 0;
    if (selected) this.h.announce(this.h.l.t('timesOn', count, this.h.l.date(selected, { weekday: 'long', month: 'long', day: 'numeric' })));
  }

  /** Jumps to the first day with an opening in the next months; focuses its first time when asked. */
  async nextAvailable(focus = true): Promise<void> {
    let slot = this.nextSlot && Date.parse(this.nextSlot.start) > Date.now() ? this.nextSlot : undefined;
    if (!slot) {
      try {
        const now = Date.now();
        const found = await this.h.findSlots(this.h.s.locationId, this.h.s.typeId, this.h.s.providerId, new Date(now).toISOString(), new Date(now + HORIZON_DAYS * DAY_MS).toISOString());
        slot = found[0];
      } catch (error) {
        const err = this.h.report(error, 'booking.findSlots');
        if (err) this.h.notify(this.h.errorMessage(err), 'error', () => void this.nextAvailable(focus));
        return;
      }
    }
    if (!slot) {
      this.h.notify(this.h.l.t('noTimesAtAll'), 'info');
      return;
    }
    this.nextSlot = slot;
    const date = localDateIn(slot.start, this.h.zone);
    this.h.set({ month: firstOfMonth(date), selectedDate: date, focusDate: date });
    if (focus) this.h.focus('[part~="time"]');
  }

  private moveCalendar(date: string): void {
    const month = firstOfMonth(date);
    this.h.set({ focusDate: date, month });
    this.h.focus('td[tabindex="0"]');
  }

  private pickDate(date: string): void {
    const slots = this.task.value;
    const count = slots ? (daySlots(slots, this.h.zone, this.h.s.managed?.appointment.providerId).get(date)?.length ?? 0) : 0;
    if (date < this.h.today) return;
    this.h.set({ selectedDate: date, focusDate: date, month: firstOfMonth(date), notice: undefined });
    this.h.announce(count ? this.h.l.t('timesOn', count, this.h.l.date(date, { weekday: 'long', month: 'long', day: 'numeric' })) : this.h.l.t('noTimesDay'));
  }

  refresh(): void {
    this.slotsVersion += 1;
    this.nextSlot = undefined;
    this.host.requestUpdate();
  }



  async pickSlot(slot: Slot): Promise<void> {
    if (this.h.s.busy) return;
    this.pendingSlotId = slot.id;
    this.h.set({ busy: 'hold', notice: undefined });
    try {
      const hold = await this.h.call('booking.holdSlot', (api, s) => api.holdSlot(slot.id, { signal: s }), HoldSchema);
      this.h.releaseHolds();
      (await this.h.loadFlow()).startHolds([hold]);
      this.h.go(this.h.s.rescheduling ? 'review' : 'details', { busy: '' });
      this.h.announce(this.h.l.t('heldAnnounce', `${this.h.l.dateTime(slot.start, this.h.zone, { weekday: 'long', month: 'long', day: 'numeric' })}, ${this.h.l.dateTime(slot.start, this.h.zone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })}`));
    } catch (error) {
      const err = this.h.report(error, 'booking.holdSlot');
      if (err?.code === 'slot_unavailable') {
        this.h.notify(this.h.l.t('slotTaken'));
        this.refresh();
      } else if (err) this.h.notify(this.h.errorMessage(err), 'error', err.retryable ? () => void this.pickSlot(slot) : undefined);
      else this.h.set({ busy: '' });
    } finally {
      this.pendingSlotId = '';
    }
  }
}
