/**
 * Moving through the booking's steps: the state replaced with each change, the focus and the
 * live-region words that go with a step, notices, and letting held times go. The time picker
 * and the later steps talk to this (it is their `FlowHost`), not to the element.
 */
import { Task, type TaskConfig } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { firstOfMonth, localDateIn } from '@pxm/core/time';
import type { AdapterError, PxmAdapter } from '@pxm/core';
import type { Hold, Slot } from '@pxm/core/booking';
import { renderFailure, renderLoading } from '../internal/states.js';
import type { CommonMessages } from '../l10n/common.en.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';
import type { BenefitsChoice } from './booking-benefit-choice.js';
import type { BookingFlow } from './booking-flow.js';
import type { BookingCalls, FlowHost, SlotQuery } from './booking-flow-host.js';
import type { PendingFocus } from './booking-pending-focus.js';
import type { BookingState, BookingStep, Catalog } from './booking-state.js';
import type { TimePicker } from './booking-time-picker.js';
import type { BookingActions } from './booking-view.js';
import type { BookingZones } from './booking-zones.js';

/** What the element lends: its reactive state (read and replaced), its parts, and its services. */
export interface StepsSources {
  state(): BookingState;
  replaceState(state: BookingState): void;
  /** The words in the live region, and a way to change them. */
  announcement(): string;
  setAnnouncement(text: string): void;
  /** The confirmation's calendar file (an object URL), and a way to change it. */
  icsUrl(): string;
  setIcsUrl(url: string): void;
  catalog(): Catalog | undefined;
  zones(): BookingZones;
  adapter(): PxmAdapter | undefined;
  manageToken(): string | undefined;
  referralToken(): string | undefined;
  locale(): string;
  rtl(): boolean;
  actions(): BookingActions;
  benefits(): BenefitsChoice;
  picker(): TimePicker | undefined;
  flow(): BookingFlow | undefined;
  loadFlow(): Promise<BookingFlow>;
  messages: LocalizeController<BookingMessages>;
  common: LocalizeController<CommonMessages>;
  calls: BookingCalls;
  pendingFocus: PendingFocus;
  report(error: unknown, operation: string): AdapterError | undefined;
  errorMessage(error: AdapterError | undefined): string;
  manageLink(token: string): string;
  emit(event: Event): boolean;
  /** The element, which the tasks the parts start belong to. */
  element: ReactiveControllerHost;
}

export class BookingSteps implements FlowHost {
  /** The error count last announced, cleared with the errors it counted. */
  private errorAnnouncement: string | undefined;

  /** The element's own state views, lent to the parts. */
  readonly renderLoading = renderLoading;
  readonly renderFailure = renderFailure;

  constructor(private readonly sources: StepsSources) {}

  get state(): BookingState {
    return this.sources.state();
  }
  get catalog(): Catalog {
    return this.sources.catalog()!;
  }
  get adapter(): PxmAdapter | undefined {
    return this.sources.adapter();
  }
  get manageToken(): string | undefined {
    return this.sources.manageToken();
  }
  get referralToken(): string | undefined {
    return this.sources.referralToken();
  }
  get zones(): BookingZones {
    return this.sources.zones();
  }
  get locale(): string {
    return this.sources.locale();
  }
  get rtl(): boolean {
    return this.sources.rtl();
  }
  get actions(): BookingActions {
    return this.sources.actions();
  }
  get benefits(): BenefitsChoice {
    return this.sources.benefits();
  }
  get messages(): LocalizeController<BookingMessages> {
    return this.sources.messages;
  }
  get calls(): BookingCalls {
    return this.sources.calls;
  }

  set(patch: Partial<BookingState>): void {
    this.sources.replaceState({ ...this.state, ...patch });
    // "3 fields need your attention" must not outlive the errors it counted (resolved, or another step).
    if (this.errorAnnouncement !== undefined && Object.keys(this.state.errors).length === 0) {
      if (this.sources.announcement() === this.errorAnnouncement) this.sources.setAnnouncement('');
      this.errorAnnouncement = undefined;
    }
  }

  go(step: BookingStep, patch: Partial<BookingState> = {}): void {
    this.set({ notice: undefined, errors: {}, ...patch, step });
    if (step === 'time') this.prepareMonth();
    this.focus('#step-title');
  }

  /** The times open on today's month unless a month is already chosen. */
  prepareMonth(): void {
    if (this.state.month) return;
    const today = this.zones.today;
    this.sources.replaceState({ ...this.state, month: firstOfMonth(today), focusDate: today });
  }

  /** Says `text` in the live region (cleared first, so the same words are said again). */
  announce(text: string): void {
    this.sources.setAnnouncement('');
    requestAnimationFrame(() => this.sources.setAnnouncement(text));
  }

  notify(text: string, tone: 'error' | 'warning' | 'info' = 'error', retry?: () => void): void {
    this.set({ notice: { tone, text, ...(retry ? { retry } : {}) }, busy: '' });
    this.focus('[part~="notice"]');
  }

  focusErrors(count: number): void {
    this.focus('[aria-invalid="true"]');
    this.errorAnnouncement = this.messages.text('fixErrors', count);
    this.announce(this.errorAnnouncement);
  }

  createTask<Args extends ReadonlyArray<unknown>, Result>(config: TaskConfig<Args, Result>): Task<Args, Result> {
    return new Task(this.sources.element, config);
  }

  focus(selector: string): void {
    this.sources.pendingFocus.request(selector);
  }

  /** Lets the held times go; the adapter is told, without waiting (a failed release simply lapses). */
  releaseHolds(): void {
    const holds = this.state?.holds ?? [];
    this.sources.flow()?.stopTimer();
    if (!holds.length) return;
    this.sources.replaceState({ ...this.state, holds: [], holdExpired: false });
    for (const hold of holds) this.releaseHold(hold);
  }

  releaseHold(hold: Hold): void {
    // Not tied to a signal: it must reach the adapter even when the element goes.
    void this.calls.send('releaseHold', (api) => api.releaseHold(hold.id), { report: false }).catch(() => undefined);
  }

  /** The time went to someone else: back to that day's times, with everything typed kept. */
  backToTimes(slot: Slot | undefined, text = this.messages.text('slotTaken')): void {
    const series = this.state.holds.length > 1;
    this.releaseHolds();
    const { zone, today } = this.zones;
    const date = slot ? localDateIn(slot.start, zone) : this.state.selectedDate;
    this.sources.picker()?.refresh();
    this.go(series ? 'series' : 'time', { busy: '', selectedDate: date, focusDate: date, month: firstOfMonth(date || today) });
    this.notify(text);
  }

  setIcs(url: string): void {
    this.sources.setIcsUrl(url);
  }

  revokeIcs(): void {
    const url = this.sources.icsUrl();
    if (url) URL.revokeObjectURL(url);
    this.sources.setIcsUrl('');
  }

  manageError(code: string): string {
    if (code === 'token_expired') return this.messages.text('manageExpired');
    if (code === 'conflict') return this.messages.text('manageConflict');
    return this.sources.common.text('error_token_invalid');
  }

  findSlots(query: SlotQuery, signal?: AbortSignal): Promise<Slot[]> {
    // '' is "first available": no provider is sent.
    const { providerId, ...anyProvider } = query;
    const request = providerId ? query : anyProvider;
    return this.calls.run('findSlots', (api, callSignal) => api.findSlots(request, { signal: callSignal }), { signal });
  }
  report(error: unknown, operation: string): AdapterError | undefined {
    return this.sources.report(error, operation);
  }
  errorMessage(error: AdapterError | undefined): string {
    return this.sources.errorMessage(error);
  }
  manageLink(token: string): string {
    return this.sources.manageLink(token);
  }
  emit(event: Event): boolean {
    return this.sources.emit(event);
  }
  loadFlow(): Promise<{ startHolds(holds: Hold[]): void }> {
    return this.sources.loadFlow();
  }
}
